-- member_role(listing) = 'owner', 'editor', or null: the caller's place on a listing. security
-- definer so that the policies of listing_members can call it without reading through themselves;
-- policies call it as `(select …)` where they can.
create or replace function private.member_role(listing uuid) returns public.member_role
language sql stable security definer
set search_path = ''
as $$
  select m.role from public.listing_members m where m.listing_id = listing and m.user_id = auth.uid()
$$;
