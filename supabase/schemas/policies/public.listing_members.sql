-- Who manages a listing is known to its members and to moderators; changed only through the
-- members' functions (invite, accept, remove, change role), which keep an owner on every listing.
create policy "Members can see who else manages their listing" on public.listing_members
  for select to authenticated using (private.member_role(listing_id) is not null);
create policy "Moderators can see every listing's members" on public.listing_members
  for select to authenticated using ((select private.is_moderator()));
