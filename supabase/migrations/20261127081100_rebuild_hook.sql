-- Rebuilds in production. Approvals ask for a rebuild in public.rebuild_requests; locally `npm start`
-- builds from them itself (scripts/local/rebuilder.ts). On Netlify there is no long-running process:
-- a scheduled function (functions/rebuild-hook) takes the open requests once a burst of approvals
-- has settled, calls the site's build hook once for all of them, and records how that went
-- (public.claim_rebuild_requests and public.settle_rebuild_requests, in supabase/schemas).

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
