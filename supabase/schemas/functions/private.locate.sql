-- A listing's place from its town: municipality, region and the town centre's coordinates. No SET
-- clause, so that PostgreSQL inlines it into the registration (a town lookup by index, not a plan
-- of its own at every call).
create or replace function private.locate(city text)
returns table (municipality_code text, region_code text, latitude double precision, longitude double precision)
language sql stable
as $$
  select mu.code, mu.region_code, mu.latitude, mu.longitude from public.municipalities mu
  where private.name_key(mu.name) = private.name_key(city)
  order by mu.population desc limit 1
$$;
