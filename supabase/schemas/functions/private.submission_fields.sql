-- A registration as the form sends it (validated by functions/register/schema.ts), as the listing
-- fields a proposal stores: the description in the language it was written in, the town's
-- municipality, region and reference point when the town is known, and no field left unset. An
-- unknown category, or a town two municipalities are named (without saying which), is refused (VT400).
-- PL/pgSQL, which keeps its plans, with every name qualified instead of a SET clause: a SQL
-- function that cannot be inlined is planned again at every call.
-- submission_fields('{"name": "Café", "city": "Lac-Mégantic", "locale": "fr", …}')
--   → {"name": "Café", "city": "Lac-Mégantic", "municipality_code": "30030", "region_code": "05", …}
create or replace function private.submission_fields(submission jsonb) returns jsonb
language plpgsql stable
as $$
declare
  place record;
begin
  -- Proposals do not point at categories with a foreign key (their fields are jsonb): checked here.
  if not exists (select 1 from public.categories c where c.slug = submission ->> 'category') then
    raise exception 'unknown category' using errcode = 'VT400';
  end if;
  select * into place from private.locate(submission ->> 'city');
  if place.choices is not null then
    -- Two towns of this name in different MRCs: the applicant says which (the form offers both).
    raise exception 'ambiguous town' using errcode = 'VT400', detail = pg_catalog.jsonb_build_object(
      'field', 'city', 'message', 'register.city.ambiguous',
      'params', pg_catalog.jsonb_build_object('town', pg_catalog.btrim(submission ->> 'city'), 'choices', pg_catalog.array_to_string(place.choices, ' · ')))::text;
  end if;
  return pg_catalog.jsonb_strip_nulls(pg_catalog.jsonb_build_object(
    'name', pg_catalog.btrim(submission ->> 'name'),
    'category_slug', submission ->> 'category',
    'description_' || case submission ->> 'locale' when 'en' then 'en' else 'fr' end, coalesce(submission ->> 'description', ''),
    'street_address', coalesce(submission ->> 'address', ''),
    'city', pg_catalog.btrim(submission ->> 'city'),
    'municipality_code', place.municipality_code,
    'region_code', place.region_code,
    'postal_code', submission ->> 'postalCode',
    -- The merchant's pin; the town's reference point for a business that shows only its town (its
    -- home's point is never stored: Law 25) or placed none; nothing for a delivery-only business.
    'location_precision', case
      when submission ->> 'location' = 'none' then 'none'
      when submission ->> 'location' is distinct from 'town' and submission ->> 'latitude' is not null then 'pin'
      when place.latitude is not null then 'town'
      else 'none' end,
    'latitude', case
      when submission ->> 'location' = 'none' then null
      when submission ->> 'location' = 'town' then place.latitude
      else coalesce((submission ->> 'latitude')::double precision, place.latitude) end,
    'longitude', case
      when submission ->> 'location' = 'none' then null
      when submission ->> 'location' = 'town' then place.longitude
      else coalesce((submission ->> 'longitude')::double precision, place.longitude) end,
    'phone', nullif(submission ->> 'phone', ''),
    'website', nullif(submission ->> 'website', ''),
    'social_links', coalesce(submission -> 'links', '[]'::jsonb),
    'opening_hours', coalesce(submission -> 'hours', '{}'::jsonb),
    'contact_email', submission ->> 'email',
    'neq', submission ->> 'neq'));
end
$$;
