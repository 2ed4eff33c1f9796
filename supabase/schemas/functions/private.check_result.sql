-- One pre-check's result: check_result('postal_code', 'fail', 'postal_code.outside', '{"postalCode": "K1A 0B1"}').
-- The code names the sentence (the dictionary's "check.<code>"), the params fill it in.
-- Inlinable (no SET clause): pre-checks build six of these per submission.
create or replace function private.check_result(name text, outcome text, code text, params jsonb default '{}') returns jsonb
language sql immutable
as $$
  select pg_catalog.jsonb_build_object('check', name, 'outcome', outcome, 'code', code, 'params', params)
$$;
