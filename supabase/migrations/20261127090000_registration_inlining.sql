-- Registration at 500 a second (npm run bench:moderation, docs/benchmarks.md): the small SQL helpers
-- a registration calls, made inlinable, as 20261127081000_moderation_performance.sql did for fold()
-- and name_key(). A function with a SET clause is never inlined, and PostgreSQL 15 plans a SQL
-- function that is not inlined again at every call: private.locate() cost 0.13 ms a registration,
-- most of it planning the same town lookup. Without the clause, and with every function and table
-- they use schema-qualified, the caller's search_path still cannot change what they call; their
-- callers (register_merchant, compute_checks, the slug trigger) run with search_path = '' anyway.
-- Same bodies, same results.

/** Fills a listing's place from its town: municipality, region and the town centre's coordinates. */
create or replace function private.locate(city text)
returns table (municipality_code text, region_code text, latitude double precision, longitude double precision)
language sql stable
as $$
  select mu.code, mu.region_code, mu.latitude, mu.longitude from public.municipalities mu
  where private.name_key(mu.name) = private.name_key(city)
  order by mu.population desc limit 1
$$;

create or replace function private.check_result(name text, outcome text, message_fr text, message_en text) returns jsonb
language sql immutable
as $$
  select pg_catalog.jsonb_build_object('check', name, 'outcome', outcome, 'message_fr', message_fr, 'message_en', message_en)
$$;

create or replace function private.worst_outcome(checks jsonb) returns text
language sql immutable
as $$
  select case
    when checks @> '[{"outcome": "fail"}]'::jsonb then 'fail'
    when checks @> '[{"outcome": "warn"}]'::jsonb then 'warn'
    else 'pass' end
$$;

/** slugify('L''Île-Perrot') = 'l-ile-perrot', the same as functions/_shared/slug.ts. */
create or replace function private.slugify(value text) returns text
language sql immutable parallel safe
as $$
  select pg_catalog.btrim(pg_catalog.regexp_replace(private.fold(value), '[^a-z0-9]+', '-', 'g'), '-')
$$;

-- Quebec enterprise number: 10 digits, starting with 11, 22, 33 or 88 according to the kind of
-- enterprise (Registraire des entreprises).
create or replace function private.is_well_formed_neq(neq text) returns boolean
language sql immutable parallel safe
as $$
  select neq ~ '^(11|22|33|88)[0-9]{8}$'
$$;
