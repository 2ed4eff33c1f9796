-- Listings are read by the public through public.catalogue only. Nobody writes them but
-- private.apply_decision (security definer): no INSERT, UPDATE or DELETE policy exists, for
-- moderators either, so a moderator's token cannot change a listing behind the journal's back.
create policy "Moderators can read every listing" on public.listings
  for select to authenticated using ((select private.is_moderator()));
create policy "Owners can read their own listing" on public.listings
  for select to authenticated using (owner_id = (select auth.uid()));
