-- Proposals hold private fields (contact e-mail, NEQ) and unpublished content: moderators read
-- them; applicants see theirs through the status link (public.registration_status). Written only
-- by the registration and decision functions.
create policy "Moderators can read every proposal" on public.proposals
  for select to authenticated using ((select private.is_moderator()));
