// Sorting and grouping of the catalogue for the pages. Pure: the tests call it on small arrays.
import type { CatalogueMerchant, Category, City, Reference, Region } from './catalogue-schema.ts';
import { compareFr, sortByText } from './collate.ts';

export type Catalogue = {
  /** Every merchant, sorted by name with the fr-CA collator (then town, then slug, so the order is stable). */
  merchants: CatalogueMerchant[];
  /** Categories in their editorial order (position). */
  categories: Category[];
  /** Regions in administrative order (code 01 to 17). */
  regions: Region[];
  categoryBySlug: Map<string, Category>;
  regionBySlug: Map<string, Region>;
  cityBySlug: Map<string, City>;
  /** Town names that two municipalities share ("L'Ange-Gardien"), which pages follow with the MRC. */
  sharedTownNames: Set<string>;
  /** Merchants of each category, town and region, already in name order. */
  byCategory: Map<string, CatalogueMerchant[]>;
  byCity: Map<string, CatalogueMerchant[]>;
  byRegion: Map<string, CatalogueMerchant[]>;
  /** The towns of each region that have listings, in French name order, with how many. */
  townsByRegion: Map<string, Town[]>;
};

export type Town = { slug: string; name: string; merchants: number };

/** Sorts merchants by name and groups them by category, town and region. */
export function indexCatalogue(
  merchants: readonly CatalogueMerchant[],
  reference: Pick<Reference, 'categories' | 'regions' | 'cities'> & Partial<Pick<Reference, 'municipalities'>>,
): Catalogue {
  const sorted = [...merchants].sort(
    (a, b) => compareFr(a.name, b.name) || compareFr(a.city, b.city) || (a.slug < b.slug ? -1 : a.slug > b.slug ? 1 : 0),
  );
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
  const byCity = group((m) => m.citySlug);
  // A town is named and placed as the municipality list has it (as its own page does), not as its
  // first merchant typed it.
  const cityBySlug = new Map(reference.cities.map((c) => [c.slug, c]));
  const regionSlugByCode = new Map(reference.regions.map((r) => [r.code, r.slug]));
  const townsByRegion = new Map<string, Town[]>();
  for (const [slug, inTown] of byCity) {
    const city = cityBySlug.get(slug);
    const regionSlug = (city && regionSlugByCode.get(city.regionCode)) ?? inTown[0]!.regionSlug;
    const town = { slug, name: city?.name ?? inTown[0]!.city, merchants: inTown.length };
    const towns = townsByRegion.get(regionSlug);
    if (towns) towns.push(town);
    else townsByRegion.set(regionSlug, [town]);
  }
  for (const [region, towns] of townsByRegion) townsByRegion.set(region, sortByText(towns, (t) => t.name));
  return {
    merchants: sorted,
    categories,
    regions,
    ...referenceNames(reference),
    cityBySlug,
    sharedTownNames: new Set((reference.municipalities ?? []).filter((m) => m.choice !== m.name).map((m) => m.name)),
    byCategory: group((m) => m.categorySlug),
    byCity,
    byRegion: group((m) => m.regionSlug),
    townsByRegion,
  };
}

/** The category and region lookups alone: for the search index, which needs no sorting or grouping. */
export function referenceNames(reference: Pick<Reference, 'categories' | 'regions'>): Pick<Catalogue, 'categoryBySlug' | 'regionBySlug'> {
  return {
    categoryBySlug: new Map(reference.categories.map((c) => [c.slug, c])),
    regionBySlug: new Map(reference.regions.map((r) => [r.slug, r])),
  };
}
