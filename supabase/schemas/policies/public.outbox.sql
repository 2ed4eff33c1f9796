-- Notices are composed by private.apply_decision only: no INSERT policy, so no token can queue
-- mail to anyone. Moderators read them (the console's outbox page).
create policy "Moderators can read the outbox" on public.outbox
  for select to authenticated using ((select private.is_moderator()));
