-- The scheduled function that calls Netlify's build hook (vitrine_builder) takes and settles
-- rebuild requests, and nothing else.
grant usage on schema public to vitrine_builder;
grant execute on function public.claim_rebuild_requests(interval, interval), public.settle_rebuild_requests(bigint[], text) to vitrine_builder;
