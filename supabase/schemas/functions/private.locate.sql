-- A listing's place from its town (private.find_towns): municipality, region and reference point.
-- Namesakes in one MRC (a ville and its canton, a Cree village and its reserved land) are one place
-- for the region and the map: the municipality first, then the most populous. Namesakes in
-- different MRCs (two L'Ange-Gardien) cannot be told apart: no place, and `choices` names them as
-- the form offers them, "L'Ange-Gardien (La Côte-de-Beaupré)", for the applicant to pick one.
create or replace function private.locate(city text)
returns table (municipality_code text, region_code text, latitude double precision, longitude double precision, choices text[])
language plpgsql stable
as $$
declare
  towns record;
begin
  select count(distinct f.mrc_code) as mrcs,
         pg_catalog.array_agg(f.name || ' (' || f.mrc_name || ')' order by f.name, f.mrc_name) as named
    into towns from private.find_towns(city) f;
  if towns.mrcs > 1 then
    return query select null::text, null::text, null::double precision, null::double precision, towns.named;
    return;
  end if;
  return query
    select f.code, f.region_code, f.latitude, f.longitude, null::text[] from private.find_towns(city) f
    order by f.category = 'municipality' desc, f.population desc nulls last, f.code limit 1;
end
$$;
