-- Social pages: at most 8 http(s) addresses of at most 300 characters.
-- PL/pgSQL rather than SQL: PostgreSQL cannot inline this one, and plans a SQL function that is not
-- inlined again at every call; PL/pgSQL keeps its plan (a bulk approval calls it 1,000 times).
create or replace function private.are_web_links(links text[]) returns boolean
language plpgsql immutable parallel safe
as $$
begin
  return pg_catalog.cardinality(links) <= 8
    and not exists (select 1 from pg_catalog.unnest(links) as link where link !~ '^https?://[^\s]+$' or pg_catalog.length(link) > 300);
end
$$;
