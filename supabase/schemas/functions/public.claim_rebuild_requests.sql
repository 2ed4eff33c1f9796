-- claim_rebuild_requests() → {"ids": [3, 4, 5], "count": 3, "firstRequestedAt": …, "lastRequestedAt": …}, or null
-- For the scheduled function that calls Netlify's build hook (functions/rebuild-hook): the open
-- requests, once the burst they belong to has settled: none newer than `quiet`, or the oldest
-- waiting for `max_wait` already (a moderator approving for an hour still gets a build every few
-- minutes). They stay locked until the caller's transaction ends, so two overlapping runs never
-- hand the same requests to two builds; a run that dies before settling them leaves them open.
-- Only vitrine_builder may call it: through the Supabase API it would let anyone mark approvals
-- as published.
create or replace function public.claim_rebuild_requests(quiet interval default '30 seconds', max_wait interval default '5 minutes')
returns jsonb
language plpgsql security definer
set search_path = ''
as $$
declare
  ids bigint[];
  first_at timestamptz;
  last_at timestamptz;
begin
  select array_agg(r.id order by r.id), min(r.requested_at), max(r.requested_at) into ids, first_at, last_at
    from (select id, requested_at from public.rebuild_requests where built_at is null order by id for update skip locked) r;
  if ids is null or (last_at > now() - quiet and first_at > now() - max_wait) then
    return null;
  end if;
  return jsonb_build_object('ids', to_jsonb(ids), 'count', cardinality(ids), 'firstRequestedAt', first_at, 'lastRequestedAt', last_at);
end
$$;
