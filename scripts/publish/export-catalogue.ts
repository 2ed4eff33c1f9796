// Reads the public catalogue as the read-only exporter role and writes what the static build needs
// into content/. Each row is checked against the same schema the build uses: a corrupt row is
// reported with its id and left out, and the rest of the catalogue is still published.
import { mkdirSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { asRole } from '../../functions/_shared/as-user.ts';
import type { Database, Queryable } from '../../functions/_shared/db.ts';
import { slugify } from '../../functions/_shared/slug.ts';
import { CONTENT_FILES } from '../../src/lib/catalogue-files.ts';
import {
  catalogueMerchantSchema,
  type CatalogueMerchant,
  type City,
  type Reference,
} from '../../src/lib/catalogue-schema.ts';
import { withoutPastExceptions, type OpeningHours } from '../../src/lib/opening-hours.ts';

export const CONTENT_DIR = new URL('../../content/', import.meta.url).pathname;

export type ExportProblem = { id: string; slug: string; problems: string[] };
export type ExportResult = { written: number; skipped: ExportProblem[]; cities: number };

type CatalogueRow = {
  id: string; slug: string; name: string; category_slug: string; description_fr: string; description_en: string;
  street_address: string; city: string; municipality_slug: string | null; time_zone: string; postal_code: string;
  region_code: string | null; region_slug: string | null; latitude: number | null; longitude: number | null; location_precision: string;
  phone: string | null; website: string | null; social_links: string[]; opening_hours: unknown; ways_to_buy: unknown; updated_at: Date | string;
};

const PAGE = 5000;

export async function exportCatalogue(
  db: Database,
  { outDir = CONTENT_DIR, onProgress }: { outDir?: string; onProgress?: (done: number, total: number) => void } = {},
): Promise<ExportResult> {
  return asRole(db, 'vitrine_exporter', {}, async (tx) => {
    const [{ total }] = await tx.query<{ total: number }>('select count(*)::int as total from public.catalogue');
    const merchants: CatalogueMerchant[] = [];
    const today = todayIn(new Date());
    const skipped: ExportProblem[] = [];
    // Keyset pages keep memory flat on the database side for 100,000 listings.
    for (let after = '', seen = 0; ; ) {
      const rows = await tx.query<CatalogueRow>(
        'select * from public.catalogue where slug > $1 order by slug limit $2',
        [after, PAGE],
      );
      if (rows.length === 0) break;
      for (const row of rows) {
        const parsed = catalogueMerchantSchema.safeParse(toMerchant(row, today(row.time_zone)));
        if (parsed.success) merchants.push(parsed.data);
        else skipped.push({ id: row.id, slug: row.slug, problems: parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`) });
      }
      seen += rows.length;
      after = rows[rows.length - 1].slug;
      onProgress?.(seen, total);
    }
    const reference = await readReference(tx, merchants);
    mkdirSync(outDir, { recursive: true });
    writeAtomically(join(outDir, CONTENT_FILES.merchants), JSON.stringify(merchants));
    writeAtomically(join(outDir, CONTENT_FILES.reference), JSON.stringify(reference, null, 1));
    writeAtomically(join(outDir, 'export-report.json'), JSON.stringify({ exportedAt: reference.exportedAt, written: merchants.length, skipped }, null, 1));
    return { written: merchants.length, skipped, cities: reference.cities.length };
  });
}

function toMerchant(row: CatalogueRow, today: string): Record<string, unknown> {
  return {
    id: row.id,
    slug: row.slug,
    name: row.name,
    categorySlug: row.category_slug,
    descriptionFr: row.description_fr,
    descriptionEn: row.description_en,
    streetAddress: row.street_address,
    city: row.city,
    // A town missing from the municipality list still gets a page of its own.
    citySlug: row.municipality_slug ?? slugify(row.city),
    postalCode: row.postal_code,
    regionCode: row.region_code ?? undefined,
    regionSlug: row.region_slug ?? undefined,
    locationPrecision: row.location_precision,
    latitude: row.latitude,
    longitude: row.longitude,
    phone: row.phone,
    website: row.website,
    socialLinks: row.social_links,
    // A page is built to be read from now on: holidays already past, on the shop's calendar, are left out.
    openingHours: withoutPastExceptions(row.opening_hours as OpeningHours, today),
    waysToBuy: row.ways_to_buy ?? {},
    timeZone: row.time_zone,
    updatedAt: new Date(row.updated_at).toISOString(),
  };
}

async function readReference(tx: Queryable, merchants: CatalogueMerchant[]): Promise<Reference> {
  const categories = await tx.query<{ slug: string; nameFr: string; nameEn: string; position: number }>(
    'select slug, name_fr as "nameFr", name_en as "nameEn", position from public.categories order by position',
  );
  const regions = await tx.query<{ code: string; slug: string; nameFr: string; nameEn: string }>(
    'select code, slug, name_fr as "nameFr", name_en as "nameEn" from public.regions order by code',
  );
  const municipalities = await tx.query<City & { slug: string; mrcCode: string; mrcName: string; aliases: string[] }>(
    `select m.slug, m.name, m.region_code as "regionCode", m.latitude, m.longitude, m.mrc_code as "mrcCode", m.mrc_name as "mrcName",
       coalesce(array_agg(a.alias order by a.alias) filter (where a.alias is not null), '{}') as aliases
     from public.municipalities m left join public.municipality_aliases a on a.municipality_code = m.code
     group by m.code order by m.name, m.mrc_name`,
  );
  const bySlug = new Map(municipalities.map((m) => [m.slug, m]));
  const cities = new Map<string, City>();
  for (const m of merchants) {
    if (cities.has(m.citySlug)) continue;
    const known = bySlug.get(m.citySlug);
    cities.set(m.citySlug, known
      ? { slug: known.slug, name: known.name, regionCode: known.regionCode, latitude: known.latitude, longitude: known.longitude, mrcName: known.mrcName, aliases: known.aliases }
      : { slug: m.citySlug, name: m.city, regionCode: m.regionCode, latitude: m.latitude, longitude: m.longitude, aliases: [] });
  }
  return {
    exportedAt: new Date().toISOString(), categories, regions, cities: [...cities.values()],
    municipalities: formChoices(municipalities),
    townRedirects: await townRedirects(tx, municipalities, new Set(cities.keys())),
  };
}

/** What the registration form suggests: a name that two MRCs share comes with its MRC, which is how the database tells them apart. */
function formChoices(
  municipalities: ReadonlyArray<{ name: string; mrcCode: string; mrcName: string; aliases: string[]; regionCode: string; latitude: number | null; longitude: number | null }>,
): Reference['municipalities'] {
  const mrcsByName = new Map<string, Set<string>>();
  for (const m of municipalities) mrcsByName.set(m.name, (mrcsByName.get(m.name) ?? new Set()).add(m.mrcCode));
  const seen = new Set<string>();
  return municipalities.flatMap((m) => {
    const choice = mrcsByName.get(m.name)!.size > 1 ? `${m.name} (${m.mrcName})` : m.name;
    if (seen.has(choice)) return []; // a ville and its canton: one place for the form
    seen.add(choice);
    // The reference point too: the map centres on a town typed in its "near me" box.
    return [{ choice, name: m.name, aliases: m.aliases, regionCode: m.regionCode, latitude: m.latitude ?? undefined, longitude: m.longitude ?? undefined }];
  });
}

/**
 * Town pages that moved: recorded slug changes, and an alias's own address (/villes/chicoutimi/)
 * where no town has it. Only towns that have a page now, and never away from a page that exists.
 */
async function townRedirects(
  tx: Queryable, municipalities: ReadonlyArray<{ slug: string; aliases: string[] }>, pages: ReadonlySet<string>,
): Promise<Reference['townRedirects']> {
  const changes = await tx.query<{ from: string; to: string }>(
    `select c.old_slug as "from", m.slug as "to" from public.municipality_slug_changes c
     join public.municipalities m on m.code = c.municipality_code order by c.old_slug`,
  );
  const current = new Set(municipalities.map((m) => m.slug));
  const redirects = new Map(changes.map((c) => [c.from, c.to]));
  for (const m of municipalities) for (const alias of m.aliases) if (!redirects.has(slugify(alias))) redirects.set(slugify(alias), m.slug);
  return [...redirects].filter(([from, to]) => pages.has(to) && !current.has(from) && !pages.has(from)).map(([from, to]) => ({ from, to }));
}

/** The date it is now in each of Quebec's time zones, 'YYYY-MM-DD' ('en-CA' writes dates so). */
function todayIn(now: Date): (timeZone: string) => string {
  const dates = new Map<string, string>();
  return (timeZone) => {
    let date = dates.get(timeZone);
    if (!date) dates.set(timeZone, (date = new Intl.DateTimeFormat('en-CA', { timeZone }).format(now)));
    return date;
  };
}

// A build running at the same moment reads either the old file or the new one, never half of one.
function writeAtomically(path: string, text: string): void {
  writeFileSync(`${path}.tmp`, text);
  renameSync(`${path}.tmp`, path);
}
