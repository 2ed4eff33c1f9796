// Content collections for the reference lists (categories, regions, towns with listings, every
// municipality for the registration form) from the export in the
// content folder (VITRINE_CONTENT_DIR, default content/).
//
// Merchants are deliberately NOT a collection. Measured on 2 cores with the same pages: at 100,000
// merchants the content layer added ~55 s (loading 100,000 entries into the data store, then bundling
// data-store.json into the server build) and ~1 GB of RAM to a ~185 s build. src/lib/catalogue.ts
// reads and validates merchants.json directly with the same zod schema instead.
import { defineCollection } from 'astro:content';
import { readReference } from './lib/catalogue-files.ts';
import { categorySchema, citySchema, municipalitySchema, regionSchema, type Reference } from './lib/catalogue-schema.ts';
import { contentDir } from './lib/content-dir.ts';

type ListKey = 'categories' | 'regions' | 'cities' | 'municipalities';

// An inline loader rather than file(): the folder comes from the environment, and the store is cleared
// on each run so a build of the test fixture never shows entries left by a build of the real catalogue.
function referenceList<K extends ListKey>(key: K, id: (item: Reference[K][number]) => string) {
  return {
    name: `vitrine-${key}`,
    async load({ store, parseData }: { store: { clear(): void; set(entry: { id: string; data: Record<string, unknown> }): boolean }; parseData: (p: { id: string; data: Record<string, unknown> }) => Promise<Record<string, unknown>> }) {
      const reference = await readReference(contentDir());
      store.clear();
      for (const item of reference[key]) store.set({ id: id(item), data: await parseData({ id: id(item), data: item }) });
    },
  };
}

export const collections = {
  categories: defineCollection({ loader: referenceList('categories', (c) => c.slug), schema: categorySchema }),
  regions: defineCollection({ loader: referenceList('regions', (r) => r.slug), schema: regionSchema }),
  cities: defineCollection({ loader: referenceList('cities', (c) => c.slug), schema: citySchema }),
  municipalities: defineCollection({ loader: referenceList('municipalities', (m) => m.choice), schema: municipalitySchema }),
};
