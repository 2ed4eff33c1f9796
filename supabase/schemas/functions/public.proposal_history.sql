-- A proposal's story for moderators: the submission and every journal entry on it, oldest first.
create or replace function public.proposal_history(proposal_id uuid) returns jsonb
language plpgsql stable
set search_path = ''
as $$
declare
  result jsonb;
begin
  perform private.require_moderator();
  select jsonb_build_object(
    'id', p.id, 'kind', p.kind, 'name', p.fields ->> 'name', 'status', p.status, 'submittedAt', p.created_at, 'checks', p.checks,
    'decisions', coalesce((select jsonb_agg(jsonb_build_object(
        'decision', j.action, 'reason', j.reason, 'moderator', j.actor_email, 'previousStatus', j.previous_status,
        'listingChange', j.listing_change, 'decidedAt', j.at)
        order by j.at, j.id)
      from public.journal j where j.proposal_id = p.id), '[]'))
  into result from public.proposals p where p.id = proposal_history.proposal_id;
  if result is null then
    raise exception 'unknown proposal' using errcode = 'VT404';
  end if;
  return result;
end
$$;
