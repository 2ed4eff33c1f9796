// The catalogue as the pages need it: merchants sorted by name and grouped by category, town and
// region, plus the reference lists. Built once per build and shared by every page (module cache).
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { z } from 'zod';
import { catalogueMerchantSchema, referenceSchema, type CatalogueMerchant, type Category, type City, type Reference, type Region } from './catalogue-schema.ts';
import { compareFr } from './collate.ts';
import { contentDir } from './content-dir.ts';

export type Catalogue = {
  /** Every merchant, sorted by name with the fr-CA collator. */
  merchants: CatalogueMerchant[];
  categories: Category[];
  regions: Region[];
  categoryBySlug: Map<string, Category>;
  regionBySlug: Map<string, Region>;
  cityBySlug: Map<string, City>;
  /** Merchants of each category, town and region, already in name order. */
  byCategory: Map<string, CatalogueMerchant[]>;
  byCity: Map<string, CatalogueMerchant[]>;
  byRegion: Map<string, CatalogueMerchant[]>;
};

let loading: Promise<Catalogue> | undefined;

/** The catalogue for this build; the files are read and validated only once. */
export function loadCatalogue(): Promise<Catalogue> {
  loading ??= (async () => {
    const [merchants, reference] = await (process.env.VITRINE_CATALOGUE_SOURCE === 'content-layer' ? fromContentLayer() : fromFiles());
    return indexCatalogue(merchants, reference);
  })();
  return loading;
}

async function fromFiles(): Promise<[CatalogueMerchant[], Reference]> {
  const dir = contentDir();
  const [merchantsText, referenceText] = await Promise.all([
    readFile(join(dir, 'merchants.json'), 'utf8'),
    readFile(join(dir, 'reference.json'), 'utf8'),
  ]);
  return [z.array(catalogueMerchantSchema).parse(JSON.parse(merchantsText)), referenceSchema.parse(JSON.parse(referenceText))];
}

async function fromContentLayer(): Promise<[CatalogueMerchant[], Reference]> {
  const { getCollection } = await import('astro:content');
  const [merchants, categories, regions, cities] = await Promise.all([
    getCollection('merchants'), getCollection('categories'), getCollection('regions'), getCollection('cities'),
  ]);
  return [merchants.map((e) => e.data), { exportedAt: '', categories: categories.map((e) => e.data), regions: regions.map((e) => e.data), cities: cities.map((e) => e.data) }];
}

/** Sorts and groups validated catalogue data. Pure, so tests can call it on small arrays. */
export function indexCatalogue(merchants: CatalogueMerchant[], reference: Reference): Catalogue {
  const sorted = [...merchants].sort((a, b) => compareFr(a.name, b.name) || compareFr(a.city, b.city) || (a.slug < b.slug ? -1 : 1));
  const group = (key: (m: CatalogueMerchant) => string) => {
    const groups = new Map<string, CatalogueMerchant[]>();
    for (const m of sorted) {
      const list = groups.get(key(m));
      if (list) list.push(m);
      else groups.set(key(m), [m]);
    }
    return groups;
  };
  const categories = [...reference.categories].sort((a, b) => a.position - b.position);
  const regions = [...reference.regions].sort((a, b) => a.code.localeCompare(b.code));
  return {
    merchants: sorted,
    categories,
    regions,
    categoryBySlug: new Map(categories.map((c) => [c.slug, c])),
    regionBySlug: new Map(regions.map((r) => [r.slug, r])),
    cityBySlug: new Map(reference.cities.map((c) => [c.slug, c])),
    byCategory: group((m) => m.categorySlug),
    byCity: group((m) => m.citySlug),
    byRegion: group((m) => m.regionSlug),
  };
}
