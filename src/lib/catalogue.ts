// The catalogue for this build, read once and shared by every page (module cache): merchants from
// merchants.json, validated here with the export's zod schema, and the reference lists from the content
// collections (src/content.config.ts). See content.config.ts for why merchants are not a collection.
import { getCollection } from 'astro:content';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { z } from 'zod';
import { indexCatalogue, type Catalogue } from './catalogue-index.ts';
import { catalogueMerchantSchema } from './catalogue-schema.ts';
import { contentDir } from './content-dir.ts';

export type { Catalogue };

let loading: Promise<Catalogue> | undefined;

/** The sorted, grouped catalogue; the files are read and validated on the first call only. */
export function loadCatalogue(): Promise<Catalogue> {
  loading ??= (async () => {
    const [merchants, categories, regions, cities] = await Promise.all([
      readMerchants(),
      getCollection('categories'),
      getCollection('regions'),
      getCollection('cities'),
    ]);
    return indexCatalogue(merchants, {
      categories: categories.map((e) => e.data),
      regions: regions.map((e) => e.data),
      cities: cities.map((e) => e.data),
    });
  })();
  return loading;
}

async function readMerchants() {
  const file = join(contentDir(), 'merchants.json');
  const parsed = z.array(catalogueMerchantSchema).safeParse(JSON.parse(await readFile(file, 'utf8')));
  if (!parsed.success) {
    // The export already leaves invalid rows out, so this means the file was edited or corrupted.
    const first = parsed.error.issues.slice(0, 5).map((i) => `${i.path.join('.')}: ${i.message}`).join('; ');
    throw new Error(`${file} does not match the catalogue schema (${parsed.error.issues.length} problems; first: ${first}).`);
  }
  return parsed.data;
}
