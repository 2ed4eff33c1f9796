-- The key that ignores accents, case, punctuation and legal suffixes: "Café Ginette inc." = "cafe ginette".
-- Indexed (listings and proposals by town and name, municipalities by name): changing it means
-- rebuilding those indexes in a migration.
create or replace function private.name_key(name text) returns text
language sql immutable parallel safe
as $$
  select pg_catalog.regexp_replace(
    pg_catalog.regexp_replace(private.fold(name), '\m(inc|ltee|ltd|enr|senc|cie)\M', '', 'g'),
    '[^a-z0-9]+', '', 'g')
$$;
