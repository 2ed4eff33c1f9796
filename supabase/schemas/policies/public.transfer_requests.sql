-- A transfer request is seen by the account that made it and by moderators (who decide it through
-- public.decide_transfer); written only by the functions.
create policy "Requesters can see their transfer requests" on public.transfer_requests
  for select to authenticated using (requested_by = (select auth.uid()));
create policy "Moderators can see every transfer request" on public.transfer_requests
  for select to authenticated using ((select private.is_moderator()));
