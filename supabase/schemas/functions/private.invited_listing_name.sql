-- The name of a listing the caller is invited to (an open invitation to its signed-in address),
-- else null: what "you are invited to manage …" shows before the caller may read the listing.
create or replace function private.invited_listing_name(listing uuid) returns text
language sql stable security definer
set search_path = ''
as $$
  select l.name from public.listings l
  where l.id = listing and exists (
    select 1 from public.invitations i where i.listing_id = listing and lower(i.email) = lower(auth.email())
      and i.accepted_at is null and i.expires_at > now())
$$;
