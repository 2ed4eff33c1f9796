-- The municipalities a town as someone wrote it may be: by official name first (accents, case,
-- St-/Ste-, dashes and apostrophes optional: private.town_key), and only when no official name
-- matches, by alias (a former town or borough: "Chicoutimi" is Saguenay), so that an alias never
-- hides an official name. A qualifier in parentheses tells namesakes apart by MRC, region or
-- designation: "L'Ange-Gardien (Les Collines-de-l'Outaouais)", "Stanstead (Canton)"; "(QC)" and
-- ", Québec" after a town say nothing and are ignored.
-- find_towns('st-georges') → 29073 Saint-Georges; find_towns('L''Ange-Gardien') → both of them.
create or replace function private.find_towns(city text)
returns table (code text, name text, mrc_code text, mrc_name text, designation text, category text, region_code text,
               latitude double precision, longitude double precision, population integer, alias text)
language plpgsql stable
as $$
declare
  written text := pg_catalog.regexp_replace(pg_catalog.btrim(coalesce(city, '')), '\s*,\s*(qc|qu[eéÉ]bec)\.?$', '', 'i');
  qualifier text := private.town_key(pg_catalog.substring(written, '\(([^()]*)\)\s*$'));
  town text := private.town_key(pg_catalog.regexp_replace(written, '\s*\([^()]*\)\s*$', ''));
begin
  if qualifier in ('', 'qc', 'quebec') then qualifier := null; end if;
  if town = '' then return; end if;
  return query
    select m.code, m.name, m.mrc_code, m.mrc_name, m.designation, m.category, m.region_code, m.latitude, m.longitude, m.population, null::text
    from public.municipalities m left join public.regions r on r.code = m.region_code
    where private.town_key(m.name) = town
      and (qualifier is null or qualifier in (private.town_key(m.mrc_name), private.town_key(m.designation), private.town_key(r.name_fr), private.town_key(r.name_en)));
  if found then return; end if;
  return query
    select m.code, m.name, m.mrc_code, m.mrc_name, m.designation, m.category, m.region_code, m.latitude, m.longitude, m.population, a.alias
    from public.municipality_aliases a join public.municipalities m on m.code = a.municipality_code
    where private.town_key(a.alias) = town;
end
$$;
