-- The inverse of submission_fields: a proposal's fields in the registration form's names, for the
-- applicant to correct them after "changes requested" (their own data: the status link is theirs).
create or replace function private.submission_of(fields jsonb, locale text) returns jsonb
language sql immutable
as $$
  select pg_catalog.jsonb_strip_nulls(pg_catalog.jsonb_build_object(
    'name', fields ->> 'name',
    'neq', fields ->> 'neq',
    'category', fields ->> 'category_slug',
    'description', coalesce(fields ->> ('description_' || locale), ''),
    'address', fields ->> 'street_address',
    'city', fields ->> 'city',
    'postalCode', fields ->> 'postal_code',
    -- Where it is shown; the point only when it is the merchant's own pin (a town's is found again).
    'location', fields ->> 'location_precision',
    'latitude', case when fields ->> 'location_precision' = 'pin' then (fields ->> 'latitude')::double precision end,
    'longitude', case when fields ->> 'location_precision' = 'pin' then (fields ->> 'longitude')::double precision end,
    'phone', fields ->> 'phone',
    'email', fields ->> 'contact_email',
    'website', fields ->> 'website',
    'links', coalesce(fields -> 'social_links', '[]'),
    'hours', coalesce(fields -> 'opening_hours', '{}'),
    'locale', locale))
$$;
