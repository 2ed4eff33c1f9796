-- Moves the municipalities, listings and proposals onto the reference loaded by the previous
-- migration, then empties the import tables. Where each one's town now is, in this order:
--   1. its town as written (the listing's city, the old municipality's name) is an official name of
--      the reference (accents, case, St-/Ste- optional; among namesakes, the one it had, then one in
--      its region, then the most populous);
--   2. else that name is an alias (a former town or borough: "Chicoutimi", "Asbestos");
--   3. else the code it had, or the code that replaced it when it was retired (14085 → 14082…).
-- The old reference took GeoNames places' codes, some of them wrong (Joliette under 61020,
-- Saint-Laurent under Mont-Royal's code): the town as written is the better witness.
-- A reference point (latitude, longitude) that was the old town centre moves to the new one; a
-- point a business placed itself stays. A town page whose address changes redirects to the new one.

create temporary table town_moves (
  kind text not null, id text not null, old_code text, old_latitude double precision, old_longitude double precision,
  new_code text, primary key (kind, id)
) on commit drop;

with subjects as (
  select 'municipality' as kind, m.code as id, m.name as city, m.code as old_code, m.region_code as old_region
    from public.municipalities m
  union all
  select 'listing', l.id::text, l.city::text, l.municipality_code, l.region_code from public.listings l
  union all
  select 'proposal', p.id::text, p.fields ->> 'city', p.fields ->> 'municipality_code', p.fields ->> 'region_code' from public.proposals p
), carried as (
  select s.*, coalesce(cc.new_code, s.old_code) as carried_code
  from subjects s left join private.municipality_code_change_import cc on cc.old_code = s.old_code
)
insert into town_moves (kind, id, old_code, old_latitude, old_longitude, new_code)
select c.kind, c.id, c.old_code, om.latitude, om.longitude, coalesce(
  (select i.code from private.municipality_import i where private.town_key(i.name) = private.town_key(c.city)
    order by i.code = c.carried_code desc, i.region_code = c.old_region desc, i.category = 'municipality' desc,
             i.population desc nulls last, i.code limit 1),
  (select a.municipality_code from private.municipality_alias_import a where private.town_key(a.alias) = private.town_key(c.city)
    order by a.alias limit 1),
  (select i.code from private.municipality_import i where i.code = c.carried_code))
from carried c left join public.municipalities om on om.code = c.old_code;

-- The old town pages' addresses, before the slugs change. A slug that names a town of the new
-- reference is that town's page now, and does not redirect.
create temporary table old_slugs on commit drop as
  select m.slug as old_slug, t.new_code from public.municipalities m join town_moves t on t.kind = 'municipality' and t.id = m.code
  where t.new_code is not null;

-- Every slug out of the way first: slugs are unique, and the new ones reuse old ones elsewhere.
update public.municipalities set slug = 'old-' || code;
insert into public.municipalities as m
    (code, slug, name, region_code, mrc_code, mrc_name, designation, category, time_zone, latitude, longitude, population)
  select code, slug, name, region_code, mrc_code, mrc_name, designation, category, time_zone, latitude, longitude, coalesce(population, 0)
  from private.municipality_import
on conflict (code) do update set
  slug = excluded.slug, name = excluded.name, region_code = excluded.region_code, mrc_code = excluded.mrc_code,
  mrc_name = excluded.mrc_name, designation = excluded.designation, category = excluded.category,
  time_zone = excluded.time_zone, latitude = excluded.latitude, longitude = excluded.longitude, population = excluded.population;

insert into public.municipality_slug_changes (old_slug, municipality_code)
  select o.old_slug, o.new_code from old_slugs o
  where not exists (select 1 from public.municipalities m where m.slug = o.old_slug)
on conflict (old_slug) do update set municipality_code = excluded.municipality_code, changed_at = now();
-- Earlier redirects follow their town when its code is retired.
update public.municipality_slug_changes s set municipality_code = cc.new_code
  from private.municipality_code_change_import cc where s.municipality_code = cc.old_code;

update public.listings l set
    municipality_code = t.new_code,
    region_code = coalesce(m.region_code, l.region_code),
    latitude = case when l.latitude = t.old_latitude and l.longitude = t.old_longitude then m.latitude else l.latitude end,
    longitude = case when l.latitude = t.old_latitude and l.longitude = t.old_longitude then m.longitude else l.longitude end
  from town_moves t left join public.municipalities m on m.code = t.new_code
  where t.kind = 'listing' and t.id = l.id::text
    and (t.new_code is distinct from l.municipality_code or m.region_code is distinct from l.region_code
         or (l.latitude = t.old_latitude and l.longitude = t.old_longitude and (m.latitude, m.longitude) is distinct from (l.latitude, l.longitude)));

-- A pending proposal whose town changed gets its pre-checks computed again, by the current
-- functions once they are in place (scripts/publish/migrate.ts: checks_computed_at is null).
update public.proposals p set
    fields = (p.fields - 'municipality_code' - 'region_code') || jsonb_strip_nulls(jsonb_build_object(
      'municipality_code', t.new_code,
      'region_code', coalesce(m.region_code, p.fields ->> 'region_code'),
      'latitude', case when (p.fields ->> 'latitude')::double precision = t.old_latitude
                        and (p.fields ->> 'longitude')::double precision = t.old_longitude or p.fields ->> 'latitude' is null
                       then m.latitude else (p.fields ->> 'latitude')::double precision end,
      'longitude', case when (p.fields ->> 'latitude')::double precision = t.old_latitude
                         and (p.fields ->> 'longitude')::double precision = t.old_longitude or p.fields ->> 'latitude' is null
                        then m.longitude else (p.fields ->> 'longitude')::double precision end)),
    checks_computed_at = case when p.status = 'pending' then null else p.checks_computed_at end
  from town_moves t left join public.municipalities m on m.code = t.new_code
  where t.kind = 'proposal' and t.id = p.id::text and p.fields ? 'city'
    and (t.new_code is distinct from p.fields ->> 'municipality_code' or m.region_code is distinct from p.fields ->> 'region_code');

delete from public.municipality_aliases;
insert into public.municipality_aliases (alias, municipality_code, source)
  select alias, municipality_code, source from private.municipality_alias_import;

-- Units the reference no longer has (retired codes, GeoNames places that were not municipalities):
-- nothing points at them any more.
delete from public.municipalities m where not exists (select 1 from private.municipality_import i where i.code = m.code);

alter table public.municipalities
  alter column mrc_code set not null, alter column mrc_name set not null, alter column designation set not null;

truncate private.municipality_import, private.municipality_alias_import, private.municipality_code_change_import;
