// Builds the Pagefind index of the catalogue from the export (content/), not from the built pages:
// one small record per merchant (src/lib/search-record.ts). It needs nothing from Astro, so a build
// runs it beside `astro build` (scripts/publish/build-site.ts).
//
// The records are written as files into a scratch folder in memory (/dev/shm where the machine has
// one) and given to Pagefind as a folder: Pagefind reads and parses a folder on every core, whereas
// records sent one by one through its Node API each cost a message both ways, parsed on one core.
// At 20,000 merchants: 16 s and 23 s of CPU against 30 s and 39 s (docs/benchmarks.md).
import { accessSync, constants, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as pagefind from 'pagefind';
import { readReference, readSearchableMerchants } from '../../src/lib/catalogue-files.ts';
import { referenceNames } from '../../src/lib/catalogue-index.ts';
import { searchRecord } from '../../src/lib/search-record.ts';
import type { Locale } from '../../src/i18n/index.ts';

// Progress (and a check for a stop) every so many records written.
const STEP = 1000;

export type SearchIndexOptions = {
  contentDir: string; outputPath: string; onProgress?: (done: number, total: number) => void;
  /** The index's language: 'fr' for /pagefind/, 'en' for the English search page's /pagefind-en/. */
  locale?: Locale;
  /** Stops the indexing (with an AbortError) when the build it is part of failed. */
  signal?: AbortSignal;
};

/** Writes the search index (pagefind.js, its WebAssembly, the index and filter files) into outputPath. */
export async function writeSearchIndex({ contentDir, outputPath, onProgress, signal, locale = 'fr' }: SearchIndexOptions): Promise<{ pages: number }> {
  const records = mkdtempSync(join(scratchRoot(), `vitrine-search-${locale}-`));
  // One Pagefind service per process, closed in every case: a service left open after a failure
  // would fail every later index of a long-running `npm start`.
  try {
    const count = await writeRecords(contentDir, records, locale, signal, onProgress);
    const { index, errors } = await pagefind.createIndex({});
    if (!index) throw new Error(`Pagefind could not start: ${errors.join('; ')}`);
    const added = await index.addDirectory({ path: records });
    if (added.errors.length) throw new Error(`Pagefind could not index the search records: ${added.errors.join('; ')}`);
    if (added.page_count !== count) throw new Error(`Pagefind indexed ${added.page_count} search records, not ${count} (one per merchant)`);
    // Pagefind holds what it read: the files' memory is given back before it builds the index.
    rmSync(records, { recursive: true, force: true });
    signal?.throwIfAborted();
    rmSync(outputPath, { recursive: true, force: true });
    const written = await index.writeFiles({ outputPath });
    if (written.errors.length) throw new Error(`Pagefind could not write ${outputPath}: ${written.errors.join('; ')}`);
    return { pages: count };
  } finally {
    await pagefind.close();
    rmSync(records, { recursive: true, force: true });
  }
}

/**
 * One record file per merchant in `dir`, at its page's path (Pagefind gives a result the URL of the
 * file it came from); returns how many. The merchants are read here, so that their memory is free
 * again while Pagefind builds the index.
 */
async function writeRecords(
  contentDir: string, dir: string, locale: Locale, signal?: AbortSignal, onProgress?: (done: number, total: number) => void,
): Promise<number> {
  const [merchants, reference] = await Promise.all([readSearchableMerchants(contentDir), readReference(contentDir)]);
  // Only the category and region names: sorting 100,000 merchants by name would be wasted here.
  const names = referenceNames(reference);
  const towns = new Map(reference.cities.map((c) => [c.slug, c]));
  for (const [i, merchant] of merchants.entries()) {
    const { url, content } = searchRecord(merchant, names, towns.get(merchant.citySlug), locale);
    mkdirSync(join(dir, url), { recursive: true });
    writeFileSync(join(dir, url, 'index.html'), content);
    if ((i + 1) % STEP === 0) {
      signal?.throwIfAborted();
      onProgress?.(i + 1, merchants.length);
    }
  }
  onProgress?.(merchants.length, merchants.length);
  return merchants.length;
}

/** Where the records are written: memory when the machine offers it (20,000 small files), else the temporary folder. */
function scratchRoot(): string {
  try {
    accessSync('/dev/shm', constants.W_OK);
    return '/dev/shm';
  } catch {
    return tmpdir();
  }
}
