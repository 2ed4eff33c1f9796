-- A listing's or a proposal's fields as moderators compare them (private fields included), from
-- listing column names: fields_for_moderators(to_jsonb(listing)) or (proposal.fields).
create or replace function private.fields_for_moderators(fields jsonb) returns jsonb
language sql immutable
as $$
  select pg_catalog.jsonb_build_object(
    'name', fields ->> 'name', 'category', fields ->> 'category_slug', 'address', coalesce(fields ->> 'street_address', ''),
    'city', fields ->> 'city', 'region', fields ->> 'region_code', 'postalCode', fields ->> 'postal_code',
    'neq', fields ->> 'neq', 'phone', fields ->> 'phone', 'website', fields ->> 'website', 'email', fields ->> 'contact_email',
    'descriptionFr', coalesce(fields ->> 'description_fr', ''), 'descriptionEn', coalesce(fields ->> 'description_en', ''),
    'socialLinks', coalesce(fields -> 'social_links', '[]'::jsonb), 'openingHours', coalesce(fields -> 'opening_hours', '{}'::jsonb),
    -- Where the map will show it: a merchant's pin, its town's point, or none.
    'location', pg_catalog.jsonb_build_object(
      'precision', coalesce(fields ->> 'location_precision', case when fields ->> 'latitude' is null then 'none' else 'town' end),
      'latitude', (fields ->> 'latitude')::double precision, 'longitude', (fields ->> 'longitude')::double precision))
$$;
