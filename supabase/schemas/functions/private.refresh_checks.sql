-- Recomputes the pre-checks of the given proposals (every pending one when ids is null).
-- Two statements rather than one with "ids is null or …": a plan cached for one case must not serve
-- the other (a resubmission rechecks one row by its key, not by a scan of the table); and the checks
-- are computed once per row (materialized) before the update joins them.
create or replace function private.refresh_checks(ids uuid[] default null) returns integer
language plpgsql security definer
set search_path = ''
as $$
declare
  n integer;
begin
  if ids is null then
    with computed as materialized (
      select p.id, private.compute_checks(private.proposed_fields(p), p.id, p.listing_id) as checks from public.proposals p where p.status = 'pending'
    )
    update public.proposals p set checks = c.checks, checks_outcome = private.worst_outcome(c.checks), checks_computed_at = now()
      from computed c where p.id = c.id;
  else
    with computed as materialized (
      select p.id, private.compute_checks(private.proposed_fields(p), p.id, p.listing_id) as checks from public.proposals p where p.id = any(ids)
    )
    update public.proposals p set checks = c.checks, checks_outcome = private.worst_outcome(c.checks), checks_computed_at = now()
      from computed c where p.id = c.id;
  end if;
  get diagnostics n = row_count;
  return n;
end
$$;
