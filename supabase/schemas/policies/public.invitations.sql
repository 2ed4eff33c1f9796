-- An invitation is seen by the owners of its listing and by the account signed in with the address
-- it was sent to; written only by the functions that send and accept them.
create policy "Owners can see their listing's invitations" on public.invitations
  for select to authenticated using (private.member_role(listing_id) = 'owner');
create policy "The invited can see their invitations" on public.invitations
  for select to authenticated using (lower(email) = lower((select auth.email())));
create policy "Moderators can see every invitation" on public.invitations
  for select to authenticated using ((select private.is_moderator()));
