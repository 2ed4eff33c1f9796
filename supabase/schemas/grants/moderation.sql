-- Moderation: signed-in users may call these, and row-level security (policies/*.sql) or the
-- functions' own first line (private.require_moderator) let only moderators through. The service
-- role (a server job with Supabase's service key) bypasses row-level security and is journaled as
-- "no moderator". No INSERT, UPDATE or DELETE on any table, for anyone: decisions go through the
-- functions, which journal, notify and request rebuilds.
grant usage on schema private to authenticated, service_role;
grant select on public.listings, public.proposals, public.journal, public.outbox, public.rebuild_requests to authenticated, service_role;
grant execute on function
  public.moderation_queue(text, text, text, text, integer, text),
  public.moderation_backlog(),
  public.moderation_compare(uuid),
  public.proposal_history(uuid),
  public.passing_submissions(text, text, text, integer),
  public.decide_proposals(uuid[], text, text),
  public.approve_passing(uuid[], integer),
  public.recheck_submissions(uuid[])
  to authenticated, service_role;
-- What policies and the moderators' read functions (which run with the caller's rights) call.
grant execute on function
  private.is_moderator(), private.require_moderator(), private.fold(text), private.name_key(text),
  private.is_well_formed_neq(text), private.is_publishable(text, text, text),
  private.matches_filters(public.proposals, text, text, text), private.passes_all_checks(public.proposals),
  private.fields_for_moderators(jsonb), private.same_town_and_name(text, text, text, text, text, text),
  private.proposed_fields(public.proposals), private.fields_of(public.listings)
  to authenticated, service_role;
