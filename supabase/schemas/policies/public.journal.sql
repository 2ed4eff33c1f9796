-- The journal is read by moderators and by the members of the listing an entry is about; written
-- only by the decision, resubmission and members' functions: no INSERT policy, so nobody can forge
-- an entry (a backdated decision under another e-mail).
create policy "Moderators can read the journal" on public.journal
  for select to authenticated using ((select private.is_moderator()));
create policy "Members can read their listings' journal" on public.journal
  for select to authenticated using (listing_id is not null and private.member_role(listing_id) is not null);
