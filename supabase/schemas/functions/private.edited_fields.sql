-- edited_fields(listing, '{"city": "Saguenay", "phone": "+14185550100"}') → every field the listing
-- would have after the edit, as a proposal stores them: the edit read the way a registration is
-- (private.submission_fields: the town located, its municipality and region, the point placed the
-- same way), over the listing's current values for what the edit leaves out.
create or replace function private.edited_fields(listing public.listings, edit jsonb) returns jsonb
language plpgsql stable
set search_path = ''
as $$
declare
  moves boolean := edit ?| array['location', 'latitude', 'longitude'];
  fields jsonb;
begin
  fields := private.submission_fields(jsonb_strip_nulls(jsonb_build_object(
    'name', coalesce(edit ->> 'name', listing.name),
    'category', coalesce(edit ->> 'category_slug', listing.category_slug),
    'locale', 'fr',
    'description', '',
    'address', coalesce(edit ->> 'street_address', listing.street_address),
    'city', coalesce(edit ->> 'city', listing.city),
    'postalCode', coalesce(edit ->> 'postal_code', listing.postal_code),
    'location', case when moves then edit ->> 'location' else listing.location_precision end,
    'latitude', case when moves then edit -> 'latitude' else to_jsonb(listing.latitude) end,
    'longitude', case when moves then edit -> 'longitude' else to_jsonb(listing.longitude) end,
    'phone', case when edit ? 'phone' then coalesce(edit ->> 'phone', '') else listing.phone end,
    'website', case when edit ? 'website' then coalesce(edit ->> 'website', '') else listing.website end,
    'links', case when edit ? 'social_links' then edit -> 'social_links' else to_jsonb(listing.social_links) end,
    'hours', case when edit ? 'opening_hours' then edit -> 'opening_hours' else listing.opening_hours::jsonb end,
    'email', coalesce(edit ->> 'contact_email', listing.contact_email),
    'neq', case when edit ? 'neq' then nullif(edit ->> 'neq', '') else listing.neq end)));
  return fields - 'description_fr' || jsonb_build_object(
    'description_fr', case when edit ? 'description_fr' then coalesce(edit ->> 'description_fr', '') else listing.description_fr end,
    'description_en', case when edit ? 'description_en' then coalesce(edit ->> 'description_en', '') else listing.description_en end,
    'ways_to_buy', case when edit ? 'ways_to_buy' then coalesce(edit -> 'ways_to_buy', '{}') else listing.ways_to_buy::jsonb end);
end
$$;
