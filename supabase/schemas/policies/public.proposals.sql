-- Proposals hold private fields (contact e-mail, NEQ) and unpublished content: moderators read
-- them; applicants see theirs through the status link (public.registration_status); members read
-- those of their own listings. Written only by the registration, decision and members' functions.
create policy "Moderators can read every proposal" on public.proposals
  for select to authenticated using ((select private.is_moderator()));
create policy "Members can read their listings' proposals" on public.proposals
  for select to authenticated using (listing_id is not null and private.member_role(listing_id) is not null);
