-- Listings are read by the public through public.catalogue only. Nobody writes them but
-- private.apply_decision and the members' functions (security definer): no INSERT, UPDATE or
-- DELETE policy exists, for moderators or members either, so no token can change a listing behind
-- the journal's back.
create policy "Moderators can read every listing" on public.listings
  for select to authenticated using ((select private.is_moderator()));
-- A member (owner or editor) reads its own listings whole, private fields included.
create policy "Members can read their listings" on public.listings
  for select to authenticated using (private.member_role(id) is not null);
