-- Whether a member's change of one field waits for a moderator. Sensitive: what says who the
-- business is and where (name, address, town, postal code, category, NEQ), where its links lead
-- (the website's domain, social links), and a pin moved far, that is, one the registration's
-- location check would not pass (outside Quebec, or more than 25 km from its town). Everything else
-- publishes at once: hours, descriptions, phone, ways to buy, the contact address, a website on
-- the same domain, a pin within its town.
create or replace function private.needs_moderator(field text, listing public.listings, fields jsonb, checks jsonb) returns boolean
language plpgsql stable
set search_path = ''
as $$
begin
  return case
    when field in ('name', 'category_slug', 'street_address', 'city', 'municipality_code', 'region_code', 'postal_code', 'neq', 'social_links') then true
    when field = 'website' then private.web_domain(fields ->> 'website') is distinct from private.web_domain(listing.website)
      and fields ->> 'website' is not null
    when field in ('latitude', 'longitude', 'location_precision') then
      exists (select 1 from jsonb_array_elements(checks) c where c ->> 'check' = 'coordinates' and c ->> 'outcome' <> 'pass')
    else false
  end;
end
$$;
