-- field_at(listing, 'phone', 3) → the value the field had at version 3 of the listing: the "before"
-- of the first journaled change of that field after it, or the current value if none. Lets a
-- member's edit, which sends every field of the form, tell the fields it changed from those it
-- left as they were when someone else changed them meanwhile.
create or replace function private.field_at(listing public.listings, field text, version integer) returns jsonb
language sql stable
set search_path = ''
as $$
  select coalesce(
    (select j.changes -> field -> 0 from public.journal j
      where j.listing_id = listing.id and j.listing_version > version and j.changes ? field
      order by j.listing_version limit 1),
    to_jsonb(listing) -> field,
    'null'::jsonb)
$$;
