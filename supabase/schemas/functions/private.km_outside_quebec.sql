-- How far (km) a point is outside Quebec's outline (private.quebec_outline), 0 inside it. The
-- outline is Natural Earth's 1:10m line, up to about 2 km off the real border: callers allow for it
-- (BORDER_TOLERANCE_KM in src/lib/quebec-boundary.ts).
-- km_outside_quebec(45.4765, -75.7013) = 0 (Gatineau); km_outside_quebec(45.35, -75.75) ≈ 5.3 (Ottawa)
create or replace function private.km_outside_quebec(latitude double precision, longitude double precision) returns double precision
language sql stable security definer
set search_path = ''
as $$
  -- x scaled as the table's rows are (0.6884 = cos 46.5°); a degree of latitude is 111.2 km.
  with spot as (select pg_catalog.point(longitude * 0.6884, latitude) as p)
  select case
    when exists (select 1 from private.quebec_outline o, spot where o.bounds operator(pg_catalog.@>) spot.p and o.outline operator(pg_catalog.@>) spot.p) then 0
    else (select min(o.outline operator(pg_catalog.<->) spot.p) from private.quebec_outline o, spot) * 111.2 end
$$;
