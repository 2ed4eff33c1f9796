// Reads the export's files (content/merchants.json, content/reference.json) with the export's zod
// schemas. Used by the Astro build (src/lib/catalogue.ts) and by the search indexer, which runs
// beside it (scripts/publish/search-index.ts).
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { z } from 'zod';
import {
  catalogueMerchantSchema, referenceSchema, searchableMerchantSchema, type CatalogueMerchant, type Reference, type SearchableMerchant,
} from './catalogue-schema.ts';

/** The export's files in a content folder: what the export writes and the build reads. */
export const CONTENT_FILES = { merchants: 'merchants.json', reference: 'reference.json' } as const;

export async function readMerchants(dir: string): Promise<CatalogueMerchant[]> {
  return readValidated(join(dir, CONTENT_FILES.merchants), z.array(catalogueMerchantSchema));
}

/** The merchants as the search index reads them: hours left unread (the pages' build checks them). */
export async function readSearchableMerchants(dir: string): Promise<SearchableMerchant[]> {
  return readValidated(join(dir, CONTENT_FILES.merchants), z.array(searchableMerchantSchema));
}

export async function readReference(dir: string): Promise<Reference> {
  return readValidated(join(dir, CONTENT_FILES.reference), referenceSchema);
}

async function readValidated<T>(file: string, schema: z.ZodType<T>): Promise<T> {
  const parsed = schema.safeParse(JSON.parse(await readFile(file, 'utf8')));
  if (!parsed.success) {
    // The export already leaves invalid rows out, so this means the file was edited or corrupted.
    const first = parsed.error.issues.slice(0, 5).map((i) => `${i.path.join('.')}: ${i.message}`).join('; ');
    throw new Error(`${file} does not match the catalogue schema (${parsed.error.issues.length} problems; first: ${first}).`);
  }
  return parsed.data;
}
