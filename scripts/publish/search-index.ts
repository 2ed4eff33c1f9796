// Builds the Pagefind index of the catalogue from the export (content/), not from the built pages:
// one small record per merchant (src/lib/search-record.ts), fed to Pagefind's indexing service through
// its Node API. It needs nothing from Astro, so a build runs it beside `astro build`
// (scripts/publish/build-site.ts).
import { rmSync } from 'node:fs';
import * as pagefind from 'pagefind';
import { readReference, readSearchableMerchants } from '../../src/lib/catalogue-files.ts';
import { referenceNames } from '../../src/lib/catalogue-index.ts';
import { searchRecord } from '../../src/lib/search-record.ts';
import type { Locale } from '../../src/i18n/index.ts';

// Records sent before waiting for Pagefind's answers: the service works on them while more arrive.
// One at a time, 5,000 records took 2.5 s to send instead of 1.4 s.
const IN_FLIGHT = 256;

export type SearchIndexOptions = {
  contentDir: string; outputPath: string; onProgress?: (done: number, total: number) => void;
  /** The index's language: 'fr' for /pagefind/, 'en' for the English search page's /pagefind-en/. */
  locale?: Locale;
  /** Stops the indexing (with an AbortError) when the build it is part of failed. */
  signal?: AbortSignal;
};

/** Writes the search index (pagefind.js, its WebAssembly, the index and filter files) into outputPath. */
export async function writeSearchIndex({ contentDir, outputPath, onProgress, signal, locale = 'fr' }: SearchIndexOptions): Promise<{ pages: number }> {
  const [merchants, reference] = await Promise.all([readSearchableMerchants(contentDir), readReference(contentDir)]);
  // Only the category and region names: sorting 100,000 merchants by name would be wasted here.
  const names = referenceNames(reference);
  const towns = new Map(reference.cities.map((c) => [c.slug, c]));
  // One Pagefind service per process, closed in every case: a service left open after a failure
  // would fail every later index of a long-running `npm start`.
  try {
    const { index, errors } = await pagefind.createIndex({});
    if (!index) throw new Error(`Pagefind could not start: ${errors.join('; ')}`);
    let batch: Promise<pagefind.NewFileResponse>[] = [];
    const settle = async () => {
      for (const { errors: problems, file } of await Promise.all(batch)) {
        if (problems.length) throw new Error(`Pagefind could not index ${file?.url ?? 'a merchant'}: ${problems.join('; ')}`);
      }
      batch = [];
    };
    for (const [i, merchant] of merchants.entries()) {
      batch.push(index.addHTMLFile(searchRecord(merchant, names, towns.get(merchant.citySlug), locale)));
      if (batch.length === IN_FLIGHT) {
        await settle();
        signal?.throwIfAborted();
        onProgress?.(i + 1, merchants.length);
      }
    }
    await settle();
    signal?.throwIfAborted();
    onProgress?.(merchants.length, merchants.length);
    rmSync(outputPath, { recursive: true, force: true });
    const written = await index.writeFiles({ outputPath });
    if (written.errors.length) throw new Error(`Pagefind could not write ${outputPath}: ${written.errors.join('; ')}`);
    return { pages: merchants.length };
  } finally {
    await pagefind.close();
  }
}
