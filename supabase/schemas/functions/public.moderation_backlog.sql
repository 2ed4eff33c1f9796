-- The backlog at a glance: how many proposals wait, by outcome, and since when. Moderators only.
create or replace function public.moderation_backlog() returns jsonb
language plpgsql stable
set search_path = ''
as $$
declare
  result jsonb;
begin
  perform private.require_moderator();
  select jsonb_build_object(
    'pending', count(*),
    'pass', count(*) filter (where checks_outcome = 'pass'),
    'warn', count(*) filter (where checks_outcome = 'warn'),
    'fail', count(*) filter (where checks_outcome = 'fail'),
    'oldestSubmittedAt', min(created_at))
  into result from public.proposals where status = 'pending';
  return result;
end
$$;
