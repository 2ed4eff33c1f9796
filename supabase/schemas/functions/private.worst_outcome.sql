-- The worst outcome of a list of checks: fail, else warn, else pass.
create or replace function private.worst_outcome(checks jsonb) returns text
language sql immutable
as $$
  select case
    when checks @> '[{"outcome": "fail"}]'::jsonb then 'fail'
    when checks @> '[{"outcome": "warn"}]'::jsonb then 'warn'
    else 'pass' end
$$;
