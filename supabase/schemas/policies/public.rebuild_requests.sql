-- Requested by private.apply_decision, taken by the builder's functions: moderators only read them.
create policy "Moderators can see rebuild requests" on public.rebuild_requests
  for select to authenticated using ((select private.is_moderator()));
