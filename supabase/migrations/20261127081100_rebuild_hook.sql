-- Rebuilds in production. Approvals ask for a rebuild in public.rebuild_requests; locally `npm start`
-- builds from them itself (scripts/lib/rebuilder.ts). On Netlify there is no long-running process:
-- a scheduled function (functions/rebuild-hook) takes the open requests once a burst of approvals
-- has settled, calls the site's build hook once for all of them, and records how that went. There,
-- built_at is when Netlify's build hook accepted the build that publishes the request.

-- The role that scheduled function switches to, and the only one that may take or settle requests:
-- called through the Supabase API, these would let anyone mark approvals as published.
do $$
begin
  if not exists (select 1 from pg_roles where rolname = 'vitrine_builder') then
    create role vitrine_builder nologin noinherit;
  end if;
end
$$;
grant vitrine_builder to current_user;
grant usage on schema public to vitrine_builder;

/**
 * claim_rebuild_requests() → {"ids": [3, 4, 5], "count": 3, "firstRequestedAt": …, "lastRequestedAt": …}, or null
 * The open requests, once the burst they belong to has settled: none newer than `quiet`, or the
 * oldest waiting for `max_wait` already (a moderator approving for an hour still gets a build every
 * few minutes). They stay locked until the caller's transaction ends, so two overlapping runs never
 * hand the same requests to two builds; a run that dies before settling them leaves them open.
 */
create function public.claim_rebuild_requests(quiet interval default '30 seconds', max_wait interval default '5 minutes')
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

/**
 * settle_rebuild_requests(array[3, 4, 5], null): the build hook accepted the build, the requests are done.
 * settle_rebuild_requests(array[3, 4, 5], 'Build hook answered 500'): it did not; they stay open with
 * the error, which the next run retries and clears.
 */
create function public.settle_rebuild_requests(ids bigint[], error text default null) returns integer
language plpgsql security definer
set search_path = ''
as $$
declare
  n integer;
begin
  if error is null then
    update public.rebuild_requests set built_at = now(), failed_at = null, last_error = null
      where id = any(ids) and built_at is null;
  else
    update public.rebuild_requests set failed_at = now(), last_error = left(error, 4000)
      where id = any(ids) and built_at is null;
  end if;
  get diagnostics n = row_count;
  return n;
end
$$;

-- Functions in public are granted to the API roles by default (Supabase's default privileges).
revoke execute on function public.claim_rebuild_requests(interval, interval) from public, anon, authenticated, service_role;
revoke execute on function public.settle_rebuild_requests(bigint[], text) from public, anon, authenticated, service_role;
grant execute on function public.claim_rebuild_requests(interval, interval) to vitrine_builder;
grant execute on function public.settle_rebuild_requests(bigint[], text) to vitrine_builder;
