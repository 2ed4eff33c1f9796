// Content collections read from the export in the content folder (VITRINE_CONTENT_DIR, default content/).
import { defineCollection } from 'astro:content';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { catalogueMerchantSchema, categorySchema, citySchema, referenceSchema, regionSchema, type Reference } from './lib/catalogue-schema.ts';
import { contentDir } from './lib/content-dir.ts';

async function readReference(): Promise<Reference> {
  return referenceSchema.parse(JSON.parse(await readFile(join(contentDir(), 'reference.json'), 'utf8')));
}

// Inline loaders rather than file(): the folder comes from the environment, and the store is cleared
// each run so a build of the test fixture never shows data left by a build of the real catalogue.
function referenceList<K extends 'categories' | 'regions' | 'cities'>(name: string, key: K, id: (item: Reference[K][number]) => string) {
  return {
    name,
    async load({ store, parseData }: { store: any; parseData: any }) {
      store.clear();
      for (const item of (await readReference())[key]) {
        store.set({ id: id(item), data: await parseData({ id: id(item), data: item }) });
      }
    },
  };
}

const merchants = defineCollection({
  loader: {
    name: 'vitrine-merchants',
    async load({ store, parseData }) {
      store.clear();
      const rows = JSON.parse(await readFile(join(contentDir(), 'merchants.json'), 'utf8'));
      for (const row of rows) store.set({ id: row.slug, data: await parseData({ id: row.slug, data: row }) });
    },
  },
  schema: catalogueMerchantSchema,
});

export const collections = {
  ...(process.env.VITRINE_CATALOGUE_SOURCE === 'content-layer' ? { merchants } : {}),
  categories: defineCollection({ loader: referenceList('vitrine-categories', 'categories', (c) => c.slug), schema: categorySchema }),
  regions: defineCollection({ loader: referenceList('vitrine-regions', 'regions', (r) => r.slug), schema: regionSchema }),
  cities: defineCollection({ loader: referenceList('vitrine-cities', 'cities', (c) => c.slug), schema: citySchema }),
};
