-- A listing's place from its town (private.find_towns): municipality, region and reference point.
-- Namesakes in one MRC (a ville and its canton, a Cree village and its reserved land) are one place
-- for the region and the map: the municipality first, then the most populous. Namesakes in
-- different MRCs (two L'Ange-Gardien) cannot be told apart: no place, and `choices` names them as
-- the form offers them, "L'Ange-Gardien (La Côte-de-Beaupré)", for the applicant to pick one.
create or replace function private.locate(city text)
returns table (municipality_code text, region_code text, latitude double precision, longitude double precision, choices text[])
language plpgsql stable
as $$
begin
  -- The towns found once, then either the one place or, across MRCs, their names.
  return query
    with towns as materialized (select * from private.find_towns(city)),
    spread as (
      select count(distinct t.mrc_code) as mrcs,
             pg_catalog.array_agg(t.name || ' (' || t.mrc_name || ')' order by t.name, t.mrc_name) as named
      from towns t
    )
    (select t.code, t.region_code, t.latitude, t.longitude, null::text[] from towns t
      where (select s.mrcs from spread s) = 1
      order by t.category = 'municipality' desc, t.population desc nulls last, t.code limit 1)
    union all
    select null::text, null::text, null::double precision, null::double precision, s.named from spread s where s.mrcs > 1;
end
$$;
