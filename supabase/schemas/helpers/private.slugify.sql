-- slugify('L''Île-Perrot') = 'l-ile-perrot', the same as functions/_shared/slug.ts.
create or replace function private.slugify(value text) returns text
language sql immutable parallel safe
as $$
  select pg_catalog.btrim(pg_catalog.regexp_replace(private.fold(value), '[^a-z0-9]+', '-', 'g'), '-')
$$;
