// The catalogue for this build, read once and shared by every page (module cache): merchants from
// merchants.json, validated with the export's zod schema (catalogue-files.ts), and the reference
// lists from the content collections (src/content.config.ts). See content.config.ts for why merchants are not a collection.
import { getCollection } from 'astro:content';
import { indexCatalogue, type Catalogue } from './catalogue-index.ts';
import { readMerchants } from './catalogue-files.ts';
import { contentDir } from './content-dir.ts';

export type { Catalogue };

let loading: Promise<Catalogue> | undefined;

/** The sorted, grouped catalogue; the files are read and validated on the first call only. */
export function loadCatalogue(): Promise<Catalogue> {
  loading ??= (async () => {
    const [merchants, categories, regions, cities, municipalities] = await Promise.all([
      readMerchants(contentDir()),
      getCollection('categories'),
      getCollection('regions'),
      getCollection('cities'),
      getCollection('municipalities'),
    ]);
    return indexCatalogue(merchants, {
      categories: categories.map((e) => e.data),
      regions: regions.map((e) => e.data),
      cities: cities.map((e) => e.data),
      municipalities: municipalities.map((e) => e.data),
    });
  })();
  return loading;
}
