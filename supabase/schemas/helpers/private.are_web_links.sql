-- Social pages: at most 8 http(s) addresses of at most 300 characters.
create or replace function private.are_web_links(links text[]) returns boolean
language sql immutable parallel safe
as $$
  select pg_catalog.cardinality(links) <= 8
    and not exists (select 1 from pg_catalog.unnest(links) as link where link !~ '^https?://[^\s]+$' or pg_catalog.length(link) > 300)
$$;
