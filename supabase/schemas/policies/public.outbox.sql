-- Notices are composed by the database's functions only: no INSERT policy, so no token can queue
-- mail to anyone. Moderators read them (the console's outbox page); a signed-in account reads the
-- notices sent to its own address (its data export).
create policy "Moderators can read the outbox" on public.outbox
  for select to authenticated using ((select private.is_moderator()));
create policy "Recipients can read their notices" on public.outbox
  for select to authenticated using (lower(recipient) = lower((select auth.email())));
