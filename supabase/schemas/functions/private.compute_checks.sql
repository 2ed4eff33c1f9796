-- The automatic pre-checks of a proposal's fields. Each says pass, warn or fail, with a code and
-- the values its sentence quotes:
--   fail: not eligible as submitted (outside Quebec, malformed NEQ, same NEQ as another listing,
--         profanity);
--   warn: a person should look (town not in the list, a pin near the border or far from its town, same phone, website or name in the same town
--         (as written, or its municipality: private.same_town_and_name)
--         as another listing, spam words in any published text or link, a link shortener, links or
--         capitals in the text).
-- Duplicates are looked for among published listings and proposals still open (pending or awaiting
-- changes), never the proposal itself (`self`) nor the listing it changes (`own_listing`).
-- security definer: it must see every listing and proposal, not only those the caller may read.
create or replace function private.compute_checks(fields jsonb, self uuid, own_listing uuid default null) returns jsonb
language plpgsql stable security definer
set search_path = ''
as $$
declare
  checks jsonb := '[]';
  town jsonb;
  other record;
  -- Named apart from the listings' columns, which the queries below read beside them.
  the_name text := fields ->> 'name';
  the_city text := fields ->> 'city';
  the_code text := fields ->> 'municipality_code';
  the_postal_code text := fields ->> 'postal_code';
  the_neq text := fields ->> 'neq';
  the_phone text := fields ->> 'phone';
  the_website text := lower(fields ->> 'website');
  the_latitude double precision := (fields ->> 'latitude')::double precision;
  the_longitude double precision := (fields ->> 'longitude')::double precision;
  the_precision text := fields ->> 'location_precision';
  outside_km double precision;
  from_town_km double precision;
  town_name text;
  description text := coalesce(fields ->> 'description_fr', '') || ' ' || coalesce(fields ->> 'description_en', '');
  swear text;
  -- The FR/EN profanity list, matched as whole words in the folded text.
  swears constant text[] := array[
    'merde', 'crisse', 'tabarnak', 'tabarnac', 'calisse', 'ostie', 'putain', 'connard', 'salope', 'encule',
    'fuck', 'fucking', 'shit', 'bitch', 'asshole', 'cunt', 'bastard', 'dickhead'
  ];
  folded text;
  -- The website and social pages, which are published as links: spam and shorteners hide there.
  links text := coalesce(fields ->> 'website', '') || ' '
    || coalesce((select string_agg(l, ' ') from jsonb_array_elements_text(coalesce(fields -> 'social_links', '[]')) l), '');
  -- Words of spam, not of a local shop, matched as whole words in every published text and link.
  spam_words constant text[] := array[
    'casino', 'viagra', 'cialis', 'bitcoin', 'crypto', 'forex', 'porn', 'porno', 'xxx', 'escort', 'payday', 'betting', 'replica'
  ];
  spam text;
  -- Link shorteners hide where a link leads: a moderator should see the real address.
  shorteners constant text[] := array[
    'bit.ly', 'tinyurl.com', 't.co', 'goo.gl', 'ow.ly', 'is.gd', 'buff.ly', 'rebrand.ly', 'cutt.ly', 'shorturl.at', 'rb.gy',
    'tiny.cc', 't.ly', 's.id'
  ];
  shortened text;
begin
  -- Postal code: Quebec's begin with G, H or J.
  checks := checks || private.check_result('postal_code', case when the_postal_code ~ '^[GHJ]' then 'pass' else 'fail' end,
    case when the_postal_code ~ '^[GHJ]' then 'postal_code.quebec' else 'postal_code.outside' end,
    jsonb_build_object('postalCode', the_postal_code));

  -- Town: one of Quebec's municipalities.
  select private.check_result('municipality', 'pass', 'municipality.known',
      jsonb_build_object('town', mu.name, 'region', jsonb_build_object('fr', r.name_fr, 'en', r.name_en))) into town
    from public.municipalities mu join public.regions r on r.code = mu.region_code where mu.code = fields ->> 'municipality_code';
  checks := checks || coalesce(town, private.check_result('municipality', 'warn', 'municipality.unknown', jsonb_build_object('city', the_city)));

  -- Where it is: inside Quebec's outline, not a bounding box that also holds Ottawa. The outline is
  -- within about 2 km of the border: a point that near it, of a known Quebec town and postal code,
  -- is taken as inside; otherwise a moderator looks. A merchant's pin far from its town is a warning.
  if the_latitude is null then
    -- A known town always has a reference point: no point then means the business delivers only.
    checks := checks || case when town is not null and the_precision = 'none'
      then private.check_result('coordinates', 'pass', 'coordinates.none')
      else private.check_result('coordinates', 'warn', 'coordinates.missing') end;
  else
    outside_km := private.km_outside_quebec(the_latitude, the_longitude);
    if the_precision = 'pin' and the_code is not null then
      select private.distance_km(the_latitude, the_longitude, mu.latitude, mu.longitude), mu.name into from_town_km, town_name
        from public.municipalities mu where mu.code = the_code;
    end if;
    checks := checks || case
      when outside_km > 2 or (outside_km > 0 and not (town is not null and the_postal_code ~ '^[GHJ]'))
        then private.check_result('coordinates', case when outside_km > 2 then 'fail' else 'warn' end,
          case when outside_km > 2 then 'coordinates.outside' else 'coordinates.border' end,
          jsonb_build_object('latitude', round(the_latitude::numeric, 4), 'longitude', round(the_longitude::numeric, 4)))
      when from_town_km > 25 then private.check_result('coordinates', 'warn', 'coordinates.far',
          jsonb_build_object('distance', round(from_town_km::numeric), 'town', town_name))
      when the_precision = 'pin' then private.check_result('coordinates', 'pass', 'coordinates.quebec')
      else private.check_result('coordinates', 'pass', 'coordinates.town') end;
  end if;

  -- Quebec enterprise number.
  checks := checks || private.check_result('neq', case when private.is_well_formed_neq(the_neq) then 'pass' else 'fail' end,
    case when private.is_well_formed_neq(the_neq) then 'neq.valid' else 'neq.malformed' end, jsonb_build_object('neq', coalesce(the_neq, '')));

  -- Duplicates: the same NEQ fails; the same phone, website, or name in the same town warns.
  -- Published listings first, then the oldest open proposal.
  select o.name, o.city, o.published into other from (
      select l.name::text, l.city::text, true as published, l.created_at from public.listings l
        where l.status = 'published' and l.neq = the_neq and l.id is distinct from own_listing
      union all
      select p.fields ->> 'name', p.fields ->> 'city', false, p.created_at from public.proposals p
        where p.status in ('pending', 'changes_requested') and p.fields ->> 'neq' = the_neq
          and p.id <> self and p.kind = 'create'
    ) o order by o.published desc, o.created_at limit 1;
  if found then
    checks := checks || private.check_result('duplicate', 'fail',
      case when other.published then 'duplicate.neq_published' else 'duplicate.neq_waiting' end,
      jsonb_build_object('name', other.name, 'city', other.city));
  else
    select o.name, o.city, o.reason into other from (
        select l.name::text, l.city::text, true as published, l.created_at,
               case when l.phone = the_phone then 'phone' when lower(l.website) = the_website then 'website' else 'name' end as reason
          from public.listings l
          where l.status = 'published' and l.id is distinct from own_listing
            and (l.phone = the_phone or lower(l.website) = the_website
                 or private.same_town_and_name(l.city, l.municipality_code, l.name, the_city, the_code, the_name))
        union all
        select p.fields ->> 'name', p.fields ->> 'city', false, p.created_at,
               case when p.fields ->> 'phone' = the_phone then 'phone' when lower(p.fields ->> 'website') = the_website then 'website' else 'name' end
          from public.proposals p
          where p.status in ('pending', 'changes_requested') and p.id <> self and p.kind = 'create'
            and (p.fields ->> 'phone' = the_phone or lower(p.fields ->> 'website') = the_website
                 or private.same_town_and_name(p.fields ->> 'city', p.fields ->> 'municipality_code', p.fields ->> 'name', the_city, the_code, the_name))
      ) o order by o.published desc, o.created_at limit 1;
    checks := checks || case when found
      then private.check_result('duplicate', 'warn', 'duplicate.' || other.reason, jsonb_build_object('name', other.name, 'city', other.city))
      else private.check_result('duplicate', 'pass', 'duplicate.none') end;
  end if;

  -- Suspicious content. The text is folded once and searched with one pattern for each list; only a
  -- text that matches is searched word by word, to name the first word of the list. Spam words are
  -- also looked for in the links (a profane word is not: it may be part of another in an address).
  folded := private.fold(coalesce(the_name, '') || ' ' || description);
  if folded ~ ('\m(' || array_to_string(swears, '|') || ')\M') then
    select w into swear from unnest(swears) as w where folded ~ ('\m' || w || '\M') limit 1;
  end if;
  folded := folded || ' ' || private.fold(links);
  if folded ~ ('\m(' || array_to_string(spam_words, '|') || ')\M') then
    select w into spam from unnest(spam_words) as w where folded ~ ('\m' || w || '\M') limit 1;
  end if;
  select l into shortened from regexp_split_to_table(links, '\s+') as l
    where lower(l) ~ ('^https?://(www\.)?(' || replace(array_to_string(shorteners, '|'), '.', '\.') || ')(/|$)') limit 1;
  checks := checks || case
    when swear is not null then private.check_result('content', 'fail', 'content.profanity', jsonb_build_object('word', swear))
    when spam is not null then private.check_result('content', 'warn', 'content.spam', jsonb_build_object('word', spam))
    when shortened is not null then private.check_result('content', 'warn', 'content.shortener', jsonb_build_object('link', shortened))
    when description ~* '(https?://|www\.|[^@\s]+@[^@\s]+\.[a-z]{2,})' then private.check_result('content', 'warn', 'content.link')
    when the_name ~ '[A-Z]{2}' and the_name !~ '[a-zà-ÿ]' and length(regexp_replace(the_name, '[^A-Z]', '', 'g')) >= 6
      or length(regexp_replace(coalesce(fields ->> 'description_fr', ''), '[^A-Z]', '', 'g')) > 20
         and coalesce(fields ->> 'description_fr', '') !~ '[a-zà-ÿ]{3}' then private.check_result('content', 'warn', 'content.capitals')
    else private.check_result('content', 'pass', 'content.clean') end;

  return checks;
end
$$;
