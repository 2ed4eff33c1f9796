-- Moderation at the scale of a backlog (npm run bench:moderation, docs/benchmarks.md): indexes that
-- the faster pre-checks and registrations read (the functions themselves are in supabase/schemas).

-- A registration finds its town by name (private.locate): one index lookup instead of folding the
-- name of every municipality.
create index municipalities_name_key_idx on public.municipalities (private.name_key(name), population desc);

-- take_rate_limit() sweeps old windows now and then: by date, not by reading the whole table (it
-- holds a row per client and minute).
create index rate_limits_window_idx on private.rate_limits (window_start);
