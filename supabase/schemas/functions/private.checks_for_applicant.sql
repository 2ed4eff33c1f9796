-- The checks as an applicant may see them: a possible duplicate does not name the other listing,
-- whose name and town may belong to a registration that is not public (anyone could probe for it
-- with a phone number). Done here, not only in the site, because registration_status is callable
-- through the Supabase API by anyone holding a status link.
-- PL/pgSQL rather than SQL: PostgreSQL cannot inline this one, and plans a SQL function that is not
-- inlined again at every call; PL/pgSQL keeps its plan (a bulk approval calls it 1,000 times).
create or replace function private.checks_for_applicant(checks jsonb) returns jsonb
language plpgsql immutable
as $$
begin
  return (select coalesce(pg_catalog.jsonb_agg(
    case when c ->> 'check' = 'duplicate' and c ->> 'outcome' <> 'pass'
      then private.check_result('duplicate', c ->> 'outcome', 'duplicate.similar')
      else c end order by n), '[]'::jsonb)
  from pg_catalog.jsonb_array_elements(checks) with ordinality as e(c, n));
end
$$;
