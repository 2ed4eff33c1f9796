-- The journal is read by moderators and written only by the decision and resubmission functions:
-- no INSERT policy, so nobody can forge an entry (a backdated decision under another e-mail).
create policy "Moderators can read the journal" on public.journal
  for select to authenticated using ((select private.is_moderator()));
