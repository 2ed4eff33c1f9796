-- Registration: a business submits its listing, automatic pre-checks run at once and are stored
-- with it, and the applicant gets a private link to follow where it stands.

-- Columns a submission needs beyond the listing itself.
alter table public.merchants
  add column submitted_locale text not null default 'fr' check (submitted_locale in ('fr', 'en')),
  -- The client's Idempotency-Key, or a fingerprint of the submission: a retried or double-clicked
  -- submission finds its first row instead of creating a second.
  add column idempotency_key text unique check (length(idempotency_key) <= 200),
  -- [{check, outcome: pass|warn|fail, message_fr, message_en}], and the worst outcome of them.
  add column checks jsonb not null default '[]',
  add column checks_outcome text check (checks_outcome in ('pass', 'warn', 'fail')),
  add column checks_computed_at timestamptz,
  -- Why it was refused or what to change, shown to the applicant.
  add column decision_reason text check (length(decision_reason) <= 2000),
  add column decided_at timestamptz;

-- The queue is read oldest first, by outcome; duplicates are looked up by each identifier.
create index merchants_queue_idx on public.merchants (created_at, id) where status = 'pending';
create index merchants_neq_idx on public.merchants (neq) where neq is not null;
create index merchants_phone_idx on public.merchants (phone) where phone is not null;
create index merchants_website_idx on public.merchants (lower(website)) where website is not null;

-- Secrets that never leave the database: the key that signs status links.
create table private.secrets (
  name text primary key,
  value text not null
);
alter table private.secrets enable row level security;
revoke all on private.secrets from public, anon, authenticated, service_role;
insert into private.secrets (name, value)
  values ('status_link', replace(gen_random_uuid()::text || gen_random_uuid()::text, '-', ''));

-- Registration attempts per client and minute. The bucket is a salted hash computed by the function
-- from the client address: the address itself is never stored (Law 25).
create table private.rate_limits (
  bucket text not null check (length(bucket) between 16 and 128),
  window_start timestamptz not null,
  hits integer not null default 1,
  primary key (bucket, window_start)
);
alter table private.rate_limits enable row level security;

/** The key that ignores accents, case, punctuation and legal suffixes: "Café Ginette inc." = "cafe ginette". */
create function private.name_key(name text) returns text
language sql immutable parallel safe
set search_path = ''
as $$
  select regexp_replace(
    regexp_replace(private.fold(name), '\m(inc|ltee|ltd|enr|senc|cie)\M', '', 'g'),
    '[^a-z0-9]+', '', 'g')
$$;

create index merchants_name_key_idx on public.merchants (private.name_key(city), private.name_key(name));
grant execute on function private.name_key(text) to anon, authenticated, service_role;

/** The capability in a status link: only someone given the link can read that submission. */
create function private.status_token(merchant_id uuid) returns text
language sql stable security definer
set search_path = ''
as $$
  select encode(sha256(convert_to((select value from private.secrets where name = 'status_link') || ':' || merchant_id::text, 'UTF8')), 'hex')
$$;

create function private.check_result(name text, outcome text, message_fr text, message_en text) returns jsonb
language sql immutable
set search_path = ''
as $$
  select jsonb_build_object('check', name, 'outcome', outcome, 'message_fr', message_fr, 'message_en', message_en)
$$;

-- The automatic pre-checks. Each says pass, warn or fail in a sentence a moderator understands.
-- fail: the business is not eligible as submitted (outside Quebec, malformed NEQ, same NEQ as
-- another listing, profanity). warn: a person should look (town not in the list, same phone,
-- website or name in the same town as another listing, links or capitals in the text).
create function private.compute_checks(m public.merchants) returns jsonb
language plpgsql stable security definer
set search_path = ''
as $$
declare
  checks jsonb := '[]';
  other record;
  text_to_scan text := coalesce(m.name, '') || ' ' || coalesce(m.description_fr, '') || ' ' || coalesce(m.description_en, '');
  swear text;
begin
  -- Postal code: Quebec's begin with G, H or J.
  if m.postal_code ~ '^[GHJ]' then
    checks := checks || private.check_result('postal_code', 'pass',
      format('Le code postal %s est au Québec.', m.postal_code), format('Postal code %s is in Quebec.', m.postal_code));
  else
    checks := checks || private.check_result('postal_code', 'fail',
      format('Le code postal %s n''est pas au Québec (il doit commencer par G, H ou J).', m.postal_code),
      format('Postal code %s is not in Quebec (it must start with G, H or J).', m.postal_code));
  end if;

  -- Town: one of Quebec's municipalities.
  if m.municipality_code is not null then
    checks := checks || (select private.check_result('municipality', 'pass',
      format('%s est une municipalité du Québec (%s).', mu.name, r.name_fr),
      format('%s is a Quebec municipality (%s).', mu.name, r.name_en))
      from public.municipalities mu join public.regions r on r.code = mu.region_code where mu.code = m.municipality_code);
  else
    checks := checks || private.check_result('municipality', 'warn',
      format('« %s » ne figure pas dans la liste des municipalités du Québec : vérifier la ville.', m.city),
      format('"%s" is not in the list of Quebec municipalities: check the town.', m.city));
  end if;

  -- Coordinates: inside Quebec's bounding box.
  if m.latitude is null then
    checks := checks || private.check_result('coordinates', 'warn',
      'Aucune coordonnée : le commerce ne pourra pas être placé sur la carte.', 'No coordinates: the business cannot be placed on the map.');
  elsif m.latitude between 44.99 and 62.59 and m.longitude between -79.77 and -57.10 then
    checks := checks || private.check_result('coordinates', 'pass', 'Les coordonnées sont au Québec.', 'The coordinates are in Quebec.');
  else
    checks := checks || private.check_result('coordinates', 'fail',
      format('Les coordonnées (%s, %s) sont hors du Québec.', round(m.latitude::numeric, 4), round(m.longitude::numeric, 4)),
      format('The coordinates (%s, %s) are outside Quebec.', round(m.latitude::numeric, 4), round(m.longitude::numeric, 4)));
  end if;

  -- Quebec enterprise number.
  if private.is_well_formed_neq(m.neq) then
    checks := checks || private.check_result('neq', 'pass', format('Le NEQ %s est bien formé.', m.neq), format('NEQ %s is well formed.', m.neq));
  else
    checks := checks || private.check_result('neq', 'fail',
      format('Le NEQ « %s » est mal formé : 10 chiffres commençant par 11, 22, 33 ou 88.', coalesce(m.neq, '')),
      format('NEQ "%s" is malformed: 10 digits starting with 11, 22, 33 or 88.', coalesce(m.neq, '')));
  end if;

  -- Duplicates among listings that are published or waiting (not refused ones).
  select o.id, o.name, o.city, o.status into other from public.merchants o
    where o.neq = m.neq and o.id <> m.id and o.status in ('approved', 'pending', 'changes_requested')
    order by o.status = 'approved' desc, o.created_at limit 1;
  if found then
    checks := checks || private.check_result('duplicate', 'fail',
      format('Même NEQ que « %s » (%s), déjà %s.', other.name, other.city, case other.status when 'approved' then 'publié' else 'en attente' end),
      format('Same NEQ as "%s" (%s), already %s.', other.name, other.city, case other.status when 'approved' then 'published' else 'waiting' end));
  else
    select o.id, o.name, o.city, o.status,
           case when o.phone = m.phone then 'phone' when lower(o.website) = lower(m.website) then 'website' else 'name' end as reason
      into other from public.merchants o
      where o.id <> m.id and o.status in ('approved', 'pending', 'changes_requested')
        and (o.phone = m.phone
             or lower(o.website) = lower(m.website)
             or (private.name_key(o.city) = private.name_key(m.city) and private.name_key(o.name) = private.name_key(m.name)))
      order by o.status = 'approved' desc, o.created_at limit 1;
    if found then
      checks := checks || private.check_result('duplicate', 'warn',
        format('%s que « %s » (%s) : doublon possible.',
          case other.reason when 'phone' then 'Même téléphone' when 'website' then 'Même site web' else 'Nom presque identique, même ville,' end,
          other.name, other.city),
        format('%s as "%s" (%s): possible duplicate.',
          case other.reason when 'phone' then 'Same phone' when 'website' then 'Same website' else 'Near-identical name, same town,' end,
          other.name, other.city));
    else
      checks := checks || private.check_result('duplicate', 'pass', 'Aucun doublon trouvé.', 'No duplicate found.');
    end if;
  end if;

  -- Suspicious content.
  select w into swear from unnest(array[
    'merde', 'crisse', 'tabarnak', 'tabarnac', 'calisse', 'ostie', 'putain', 'connard', 'salope', 'encule',
    'fuck', 'fucking', 'shit', 'bitch', 'asshole', 'cunt', 'bastard', 'dickhead'
  ]) as w where private.fold(text_to_scan) ~ ('\m' || w || '\M') limit 1;
  if swear is not null then
    checks := checks || private.check_result('content', 'fail',
      format('Le texte contient un mot grossier (« %s »).', swear), format('The text contains profanity ("%s").', swear));
  elsif coalesce(m.description_fr, '') || ' ' || coalesce(m.description_en, '') ~* '(https?://|www\.|[^@\s]+@[^@\s]+\.[a-z]{2,})' then
    checks := checks || private.check_result('content', 'warn',
      'La description contient un lien ou une adresse courriel.', 'The description contains a link or an e-mail address.');
  elsif m.name ~ '[A-Z]{2}' and m.name !~ '[a-zà-ÿ]' and length(regexp_replace(m.name, '[^A-Z]', '', 'g')) >= 6
     or length(regexp_replace(m.description_fr, '[^A-Z]', '', 'g')) > 20 and m.description_fr !~ '[a-zà-ÿ]{3}' then
    checks := checks || private.check_result('content', 'warn', 'Le texte est écrit tout en majuscules.', 'The text is written in capitals.');
  else
    checks := checks || private.check_result('content', 'pass', 'Rien de suspect dans le texte.', 'Nothing suspicious in the text.');
  end if;

  return checks;
end
$$;

create function private.worst_outcome(checks jsonb) returns text
language sql immutable
set search_path = ''
as $$
  select case
    when checks @> '[{"outcome": "fail"}]' then 'fail'
    when checks @> '[{"outcome": "warn"}]' then 'warn'
    else 'pass' end
$$;

/** Recomputes the pre-checks of the given submissions (all pending ones when ids is null). */
create function private.refresh_checks(ids uuid[] default null) returns integer
language plpgsql security definer
set search_path = ''
as $$
declare
  n integer;
begin
  with computed as (
    select m.id, private.compute_checks(m) as checks from public.merchants m
    where (ids is null and m.status = 'pending') or m.id = any(ids)
  )
  update public.merchants m set checks = c.checks, checks_outcome = private.worst_outcome(c.checks), checks_computed_at = now()
    from computed c where m.id = c.id;
  get diagnostics n = row_count;
  return n;
end
$$;

-- Error codes the handlers map to HTTP answers: VT400 invalid, VT403 forbidden, VT404 unknown,
-- VT409 conflict, VT429 rate limited.

/** Counts one attempt for a client bucket; false once it made `allowed` attempts in the window. */
create function private.take_rate_limit(client_bucket text, allowed integer, window_seconds integer) returns boolean
language plpgsql security definer
set search_path = ''
as $$
declare
  current_window timestamptz := to_timestamp(floor(extract(epoch from now()) / window_seconds) * window_seconds);
  hits_now integer;
begin
  insert into private.rate_limits as r (bucket, window_start) values (client_bucket, current_window)
    on conflict (bucket, window_start) do update set hits = r.hits + 1
    returning r.hits into hits_now;
  -- Old windows are useless; sweep them now and then rather than on every call.
  if random() < 0.01 then
    delete from private.rate_limits where window_start < now() - interval '1 day';
  end if;
  return hits_now <= allowed;
end
$$;

/** Fills a listing's place from its town: municipality, region and the town centre's coordinates. */
create function private.locate(city text)
returns table (municipality_code text, region_code text, latitude double precision, longitude double precision)
language sql stable
set search_path = ''
as $$
  select mu.code, mu.region_code, mu.latitude, mu.longitude from public.municipalities mu
  where private.name_key(mu.name) = private.name_key(city)
  order by mu.population desc limit 1
$$;

/**
 * register_merchant('{"name": "Café chez Ginette", ...}', 'key:…', 'bucket…')
 * Stores a submission as a pending listing with its pre-checks, once per idempotency key, and
 * returns {id, status, statusToken, checks, created}. The submission was validated by the
 * handler's schema; the table's constraints hold whatever calls this.
 */
create function public.register_merchant(submission jsonb, idempotency_key text, client_bucket text)
returns jsonb
language plpgsql security definer
set search_path = ''
as $$
declare
  place record;
  merchant public.merchants;
  is_new boolean := true;
  locale text := coalesce(submission ->> 'locale', 'fr');
begin
  if client_bucket is not null and not private.take_rate_limit(client_bucket, 20, 60) then
    raise exception 'rate_limited' using errcode = 'VT429';
  end if;

  select * into place from private.locate(submission ->> 'city');
  insert into public.merchants as m (
    name, category_slug, description_fr, description_en, street_address, city, municipality_code, region_code,
    postal_code, latitude, longitude, phone, website, social_links, opening_hours, contact_email, neq,
    submitted_locale, idempotency_key, status
  ) values (
    btrim(submission ->> 'name'), submission ->> 'category',
    case when locale = 'fr' then coalesce(submission ->> 'description', '') else '' end,
    case when locale = 'en' then coalesce(submission ->> 'description', '') else '' end,
    coalesce(submission ->> 'address', ''), btrim(submission ->> 'city'), place.municipality_code, place.region_code,
    submission ->> 'postalCode',
    coalesce((submission ->> 'latitude')::double precision, place.latitude),
    coalesce((submission ->> 'longitude')::double precision, place.longitude),
    nullif(submission ->> 'phone', ''), nullif(submission ->> 'website', ''),
    coalesce(array(select jsonb_array_elements_text(submission -> 'links')), '{}'),
    coalesce(submission -> 'hours', '{}'), submission ->> 'email', submission ->> 'neq',
    locale, idempotency_key, 'pending'
  )
  on conflict on constraint merchants_idempotency_key_key do nothing
  returning * into merchant;

  if merchant.id is null then
    -- The same submission again (a retry, a double click): answer with the first one.
    is_new := false;
    select * into merchant from public.merchants m where m.idempotency_key = register_merchant.idempotency_key;
  else
    perform private.refresh_checks(array[merchant.id]);
    select * into merchant from public.merchants m where m.id = merchant.id;
  end if;

  return jsonb_build_object(
    'id', merchant.id, 'status', merchant.status, 'statusToken', private.status_token(merchant.id),
    'checks', merchant.checks, 'checksOutcome', merchant.checks_outcome, 'created', is_new);
exception
  when check_violation or not_null_violation or foreign_key_violation or invalid_text_representation then
    raise exception 'invalid submission: %', sqlerrm using errcode = 'VT400';
end
$$;
revoke execute on function public.register_merchant(jsonb, text, text) from public;
grant execute on function public.register_merchant(jsonb, text, text) to anon, authenticated, service_role;

/**
 * What an applicant sees through their private link: status, checks, the reason of a decision,
 * the position in the queue and the wait expected from the last 14 days' decision rate.
 */
create function public.registration_status(merchant_id uuid, token text) returns jsonb
language plpgsql stable security definer
set search_path = ''
as $$
declare
  m public.merchants;
  queue_position integer;
  per_day numeric;
begin
  select * into m from public.merchants where id = merchant_id;
  -- The same answer for an unknown id and a wrong token: a link cannot be guessed by trying ids.
  if m.id is null or token is distinct from private.status_token(m.id) then
    raise exception 'unknown submission' using errcode = 'VT404';
  end if;
  if m.status = 'pending' then
    select count(*) + 1 into queue_position from public.merchants
      where status = 'pending' and (created_at, id) < (m.created_at, m.id);
  end if;
  select count(*) / 14.0 into per_day from public.merchants
    where decided_at > now() - interval '14 days';
  return jsonb_build_object(
    'id', m.id, 'name', m.name, 'slug', m.slug, 'status', m.status, 'checks', m.checks, 'checksOutcome', m.checks_outcome,
    'reason', m.decision_reason, 'submittedAt', m.created_at, 'decidedAt', m.decided_at, 'locale', m.submitted_locale,
    'queuePosition', queue_position,
    'decisionsPerDay', round(per_day, 1),
    'expectedWaitDays', case when queue_position is not null and per_day > 0 then ceil(queue_position / per_day) end);
end
$$;
revoke execute on function public.registration_status(uuid, text) from public;
grant execute on function public.registration_status(uuid, text) to anon, authenticated, service_role;
