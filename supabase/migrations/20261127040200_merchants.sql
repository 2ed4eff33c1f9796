-- Merchants: one row per business listing, from its registration to its publication. Public fields
-- are shown in the catalogue once the listing is approved; contact_email and neq stay private.

create type public.merchant_status as enum ('pending', 'approved', 'rejected', 'changes_requested');

-- Text helpers used by constraints, the slug trigger and searches.
-- Accents are removed with translate() rather than the unaccent extension, which PGlite lacks, and
-- case with an explicit map because lower() ignores non-ASCII letters under the C collation.
create function private.fold(value text) returns text
language sql immutable parallel safe
set search_path = ''
as $$
  select replace(replace(lower(translate(value,
    'ÀÁÂÃÄÅàáâãäåÇçÈÉÊËèéêëÌÍÎÏìíîïÑñÒÓÔÕÖØòóôõöøÙÚÛÜùúûüÝŸýÿŒœÆæ’',
    'aaaaaaaaaaaacceeeeeeeeiiiiiiiinnoooooooooooouuuuuuuuyyyyœœææ''')), 'œ', 'oe'), 'æ', 'ae')
$$;

/** slugify('L''Île-Perrot') = 'l-ile-perrot', the same as functions/_shared/slug.ts. */
create function private.slugify(value text) returns text
language sql immutable parallel safe
set search_path = ''
as $$
  select trim(both '-' from regexp_replace(private.fold(value), '[^a-z0-9]+', '-', 'g'))
$$;

-- Quebec enterprise number: 10 digits, starting with 11, 22, 33 or 88 according to the kind of
-- enterprise (Registraire des entreprises).
create function private.is_well_formed_neq(neq text) returns boolean
language sql immutable parallel safe
set search_path = ''
as $$
  select neq ~ '^(11|22|33|88)[0-9]{8}$'
$$;

create function private.are_web_links(links text[]) returns boolean
language sql immutable parallel safe
set search_path = ''
as $$
  select cardinality(links) <= 8
    and not exists (select 1 from unnest(links) as link where link !~ '^https?://[^\s]+$' or length(link) > 300)
$$;

/** Eligibility for publication: a Quebec business (postal code G, H or J, a known region) with a well-formed NEQ. */
create function private.is_publishable(neq text, postal_code text, region_code text) returns boolean
language sql immutable parallel safe
set search_path = ''
as $$
  -- coalesce: a CHECK passes when its expression is NULL, and a missing NEQ would make it so.
  select coalesce(private.is_well_formed_neq(neq) and postal_code ~ '^[GHJ]' and region_code is not null, false)
$$;

-- Structured opening hours: {"mon": [["09:00", "17:30"]], "sun": []}, days mon … sun, each a list of
-- opening and closing times (24 h clock, closing after opening).
create function private.is_valid_opening_hours(hours jsonb) returns boolean
language sql immutable parallel safe
set search_path = ''
as $$
  select jsonb_typeof(hours) = 'object'
    and not exists (
      select 1 from jsonb_each(hours) as day(name, spans)
      where day.name not in ('mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun')
         or jsonb_typeof(day.spans) <> 'array'
         or exists (
           select 1 from jsonb_array_elements(day.spans) as span(value)
           where jsonb_typeof(span.value) <> 'array'
              or jsonb_array_length(span.value) <> 2
              or not (span.value ->> 0 ~ '^([01][0-9]|2[0-3]):[0-5][0-9]$')
              or not (span.value ->> 1 ~ '^(([01][0-9]|2[0-3]):[0-5][0-9]|24:00)$')
              or span.value ->> 0 >= span.value ->> 1
         )
    )
$$;

create table public.merchants (
  id uuid primary key default gen_random_uuid(),
  -- The Supabase Auth account that manages this listing, once claimed.
  owner_id uuid references auth.users (id) on delete set null,
  -- Assigned once at creation and never changed, so shared links keep working.
  slug text not null unique check (slug ~ '^[a-z0-9]+(-[a-z0-9]+)*$'),
  status public.merchant_status not null default 'pending',

  -- Public fields
  name text not null check (length(btrim(name)) between 1 and 120),
  category_slug text not null references public.categories (slug),
  description_fr text not null default '' check (length(description_fr) <= 2000),
  description_en text not null default '' check (length(description_en) <= 2000),
  street_address text not null default '' check (length(street_address) <= 200),
  city text not null check (length(btrim(city)) between 1 and 100),
  municipality_code text references public.municipalities (code),
  region_code text references public.regions (code),
  -- Canadian postal code, stored upper case with its space: 'H2X 1Y4'. Canada Post never uses
  -- D, F, I, O, Q or U, nor W or Z as the first letter.
  postal_code text not null
    check (postal_code ~ '^[ABCEGHJ-NPRSTVXY][0-9][ABCEGHJ-NPRSTV-Z] [0-9][ABCEGHJ-NPRSTV-Z][0-9]$'),
  latitude double precision check (latitude between -90 and 90),
  longitude double precision check (longitude between -180 and 180),
  -- North American number in E.164 form: '+15145550123'.
  phone text check (phone ~ '^\+1[2-9][0-9]{9}$'),
  website text check (website ~ '^https?://[^\s]+$' and length(website) <= 300),
  social_links text[] not null default '{}' check (private.are_web_links(social_links)),
  opening_hours jsonb not null default '{}' check (private.is_valid_opening_hours(opening_hours)),

  -- Private fields: never in the catalogue
  contact_email text not null check (contact_email ~ '^[^@\s]+@[^@\s]+\.[^@\s]+$'),
  neq text,

  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  approved_at timestamptz,

  check ((latitude is null) = (longitude is null)),
  -- Eligibility: only a Quebec business with a well-formed NEQ can be published.
  constraint approved_merchants_are_quebec_businesses check (
    status <> 'approved' or private.is_publishable(neq, postal_code, region_code)
  )
);
alter table public.merchants enable row level security;

create index merchants_status_created_idx on public.merchants (status, created_at);
create index merchants_owner_idx on public.merchants (owner_id);
create index merchants_category_idx on public.merchants (category_slug) where status = 'approved';

-- Slugs read "name-town" and get a number when that is taken: the two "Boulangerie du Village" in
-- different towns differ by town, and a third one added later never renames the first two.
-- security definer: the uniqueness check must see every listing, not only those the caller may read.
create function private.assign_merchant_identity() returns trigger
language plpgsql security definer
set search_path = ''
as $$
declare
  base text := coalesce(nullif(private.slugify(new.name || ' ' || new.city), ''), 'commerce');
  candidate text := base;
  n integer := 1;
begin
  -- Serialises concurrent registrations of the same name in the same town. The key is folded into
  -- 1,024 buckets so that a bulk import holds at most that many locks (one per row would exhaust
  -- the lock table past a few thousand rows in one transaction).
  perform pg_advisory_xact_lock(hashtext('merchant-slug'), hashtext(base) & 1023);
  while exists (select 1 from public.merchants where slug = candidate) loop
    n := n + 1;
    candidate := base || '-' || n;
  end loop;
  new.slug := candidate;
  if new.status = 'approved' then
    new.approved_at := coalesce(new.approved_at, now());
  end if;
  return new;
end
$$;

create function private.keep_merchant_identity() returns trigger
language plpgsql
set search_path = ''
as $$
begin
  new.slug := old.slug;
  new.created_at := old.created_at;
  new.updated_at := now();
  if new.status = 'approved' and old.status is distinct from 'approved' then
    new.approved_at := now();
  end if;
  return new;
end
$$;

create trigger assign_identity before insert on public.merchants
  for each row execute function private.assign_merchant_identity();
create trigger keep_identity before update on public.merchants
  for each row execute function private.keep_merchant_identity();

-- Moderators carry role "moderator" in their JWT's app_metadata, which only the server can set.
create function private.is_moderator() returns boolean
language sql stable security definer
set search_path = ''
as $$
  select coalesce(auth.jwt() -> 'app_metadata' ->> 'role', '') = 'moderator'
$$;
-- Policies and constraints run these as the calling role, so each role needs them; none reads data
-- but is_moderator, which reads only the caller's own claims.
grant usage on schema private to anon, authenticated, service_role;
grant execute on function private.is_moderator(), private.fold(text), private.slugify(text), private.is_well_formed_neq(text),
  private.is_publishable(text, text, text), private.is_valid_opening_hours(jsonb), private.are_web_links(text[])
  to anon, authenticated, service_role;

create policy "Merchants can read their own listing" on public.merchants
  for select to authenticated using (owner_id = auth.uid());
create policy "Moderators can read every listing" on public.merchants
  for select to authenticated using (private.is_moderator());
