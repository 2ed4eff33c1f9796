// Builds the Pagefind index of the catalogue from the export (content/), not from the built pages:
// one small record per merchant (src/lib/search-record.ts). It needs nothing from Astro, so a build
// runs it beside `astro build` (scripts/publish/build-site.ts).
//
// Two ways to hand the records over. Up to a few tens of thousands, as files in a scratch folder in
// memory (/dev/shm where the machine has one), which Pagefind reads and parses on every core: at
// 20,000 merchants 16 s and 23 s of CPU against 30 s and 39 s. Beyond, one message each through its
// Node API, parsed on one core but lighter: at 100,000 the folder took the build to 7.4 GB beside
// Astro, the messages 6.7 GB (both over 6 GiB today: docs/benchmarks.md).
import { accessSync, constants, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as pagefind from 'pagefind';
import { readReference, readSearchableMerchants } from '../../src/lib/catalogue-files.ts';
import { referenceNames } from '../../src/lib/catalogue-index.ts';
import { searchRecord, type SearchRecord } from '../../src/lib/search-record.ts';
import type { Locale } from '../../src/i18n/index.ts';

// Progress (and a check for a stop) every so many records.
const STEP = 1000;
// Records sent before waiting for Pagefind's answers: the service works on them while more arrive.
const IN_FLIGHT = 256;

export type SearchIndexOptions = {
  contentDir: string; outputPath: string; onProgress?: (done: number, total: number) => void;
  /** The index's language: 'fr' for /pagefind/, 'en' for the English search page's /pagefind-en/. */
  locale?: Locale;
  /** Stops the indexing (with an AbortError) when the build it is part of failed. */
  signal?: AbortSignal;
  /** How the records reach Pagefind: as a folder (faster) or one message each (less memory). */
  through?: 'folder' | 'messages';
};

/** Writes the search index (pagefind.js, its WebAssembly, the index and filter files) into outputPath. */
export async function writeSearchIndex(options: SearchIndexOptions): Promise<{ pages: number }> {
  const { outputPath, signal } = options;
  // One Pagefind service per process, closed in every case: a service left open after a failure
  // would fail every later index of a long-running `npm start`.
  try {
    const { index, errors } = await pagefind.createIndex({});
    if (!index) throw new Error(`Pagefind could not start: ${errors.join('; ')}`);
    const pages = await (options.through === 'messages' ? sendRecords : addRecordFolder)(index, options);
    signal?.throwIfAborted();
    rmSync(outputPath, { recursive: true, force: true });
    const written = await index.writeFiles({ outputPath });
    if (written.errors.length) throw new Error(`Pagefind could not write ${outputPath}: ${written.errors.join('; ')}`);
    return { pages };
  } finally {
    await pagefind.close();
  }
}

/** The records as files in a scratch folder, given to Pagefind as a folder; returns how many. */
async function addRecordFolder(index: pagefind.PagefindIndex, options: SearchIndexOptions): Promise<number> {
  const folder = mkdtempSync(join(scratchRoot(), `vitrine-search-${options.locale ?? 'fr'}-`));
  try {
    // The record's path is its page's: Pagefind gives a result the URL of the file it came from.
    const count = await eachRecord(options, ({ url, content }) => {
      mkdirSync(join(folder, url), { recursive: true });
      writeFileSync(join(folder, url, 'index.html'), content);
    });
    const added = await index.addDirectory({ path: folder });
    if (added.errors.length) throw new Error(`Pagefind could not index the search records: ${added.errors.join('; ')}`);
    if (added.page_count !== count) throw new Error(`Pagefind indexed ${added.page_count} search records, not ${count} (one per merchant)`);
    return count;
  } finally {
    // Pagefind holds what it read: the files' memory is given back before it builds the index.
    rmSync(folder, { recursive: true, force: true });
  }
}

/** The records sent one message each, IN_FLIGHT at a time; returns how many. */
async function sendRecords(index: pagefind.PagefindIndex, options: SearchIndexOptions): Promise<number> {
  let batch: Promise<pagefind.NewFileResponse>[] = [];
  const settle = async () => {
    for (const { errors: problems, file } of await Promise.all(batch)) {
      if (problems.length) throw new Error(`Pagefind could not index ${file?.url ?? 'a merchant'}: ${problems.join('; ')}`);
    }
    batch = [];
  };
  const count = await eachRecord(options, async (record) => {
    batch.push(index.addHTMLFile(record));
    if (batch.length === IN_FLIGHT) await settle();
  });
  await settle();
  return count;
}

/**
 * Calls `use` with each merchant's search record, reporting progress; returns how many. The
 * merchants are read here, so that their memory is free again while Pagefind builds the index.
 */
async function eachRecord(
  { contentDir, locale = 'fr', signal, onProgress }: SearchIndexOptions, use: (record: SearchRecord) => void | Promise<void>,
): Promise<number> {
  const [merchants, reference] = await Promise.all([readSearchableMerchants(contentDir), readReference(contentDir)]);
  // Only the category and region names: sorting 100,000 merchants by name would be wasted here.
  const names = referenceNames(reference);
  const towns = new Map(reference.cities.map((c) => [c.slug, c]));
  for (const [i, merchant] of merchants.entries()) {
    await use(searchRecord(merchant, names, towns.get(merchant.citySlug), locale));
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
