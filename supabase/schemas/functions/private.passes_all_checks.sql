-- Pending, every pre-check passed, and publishable: what "approve all that pass" may approve.
create or replace function private.passes_all_checks(p public.proposals) returns boolean
language sql stable
as $$
  select p.status = 'pending' and p.checks_outcome = 'pass'
    and private.is_publishable(p.fields ->> 'neq', p.fields ->> 'postal_code', p.fields ->> 'region_code')
$$;
