// The search index is built from the export, one record per merchant, by Pagefind itself: these tests
// read back what Pagefind made of the records (the browser tests then search through the real page).
import { copyFileSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as pagefind from 'pagefind';
import { afterAll, describe, expect, it } from 'vitest';
import { readMerchants, readReference } from '../../src/lib/catalogue-files.ts';
import { indexCatalogue } from '../../src/lib/catalogue-index.ts';
import { otherSpelling, searchRecord } from '../../src/lib/search-record.ts';
import { writeSearchIndex } from './search-index.ts';

const FIXTURE = new URL('../../tests/fixtures/content/', import.meta.url).pathname;
const work = mkdtempSync(join(tmpdir(), 'vitrine-search-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

describe('search records', async () => {
  const catalogue = indexCatalogue(await readMerchants(FIXTURE), await readReference(FIXTURE));
  const bySlug = (slug: string) => catalogue.merchants.find((m) => m.slug === slug)!;

  async function indexed(slug: string) {
    const { index } = await pagefind.createIndex({});
    try {
      const { errors, file } = await index!.addHTMLFile(searchRecord(bySlug(slug), catalogue));
      expect(errors).toEqual([]);
      return file;
    } finally {
      await pagefind.close();
    }
  }

  it('give each merchant page its URL and the metadata and filters the search page shows', async () => {
    const file = await indexed('epicerie-lafleur');
    expect(file.url).toBe('/commerces/epicerie-lafleur/');
    expect(file.meta).toMatchObject({ title: 'Épicerie Lafleur', category: 'Épicerie et alimentation', town: "L'Île-Perrot", region: 'Montérégie' });
    // The search page's filters (category, city, region), with the values its checkboxes show.
    const { content } = searchRecord(bySlug('epicerie-lafleur'), catalogue);
    const text = (html: string) => html.replace(/&#(\d+);/g, (_, code: string) => String.fromCharCode(Number(code)));
    const filters = [...content.matchAll(/data-pagefind-filter="(\w+)"[^>]*>([^<]*)</g)].map(([, name, value]) => [name, text(value!)]);
    expect(filters).toEqual([['category', 'Épicerie et alimentation'], ['city', "L'Île-Perrot"], ['region', 'Montérégie']]);
  });

  it('keep hostile merchant text as text: Pagefind reads back the exact name, not markup', async () => {
    const hostile = bySlug('le-script-bar');
    const file = await indexed('le-script-bar');
    expect(file.meta.title).toBe(hostile.name);
    expect(searchRecord(hostile, catalogue).content).not.toContain('<script>');
  });

  it('hold the French description, else the English one, and the category’s English name', () => {
    const bilingual = searchRecord(bySlug('cafe-chez-ginette'), catalogue).content;
    expect(bilingual).toContain('<html lang="fr">');
    expect(bilingual).toContain(bySlug('cafe-chez-ginette').descriptionFr);
    expect(bilingual).not.toContain(bySlug('cafe-chez-ginette').descriptionEn);
    expect(bilingual).toContain('Restaurant and café');
    const englishOnly = bySlug('zinc-bar');
    expect(searchRecord(englishOnly, catalogue).content).toContain(englishOnly.descriptionEn);
  });

  it('hold the other names shoppers type: the region in English, the town’s other spelling', () => {
    const inEstrie = catalogue.merchants.find((m) => m.regionSlug === 'estrie')!;
    expect(searchRecord(inEstrie, catalogue).content).toContain('<p>Eastern Townships</p>');
    expect(otherSpelling('Saint-Jérôme')).toBe('St-Jérôme');
    expect(otherSpelling('Sainte-Anne-des-Monts')).toBe('Ste-Anne-des-Monts');
    expect(otherSpelling('Baie-Saint-Paul')).toBe('Baie-St-Paul');
    expect(otherSpelling('St-Jérôme')).toBe('Saint-Jérôme');
    expect(otherSpelling('Ste-Adèle')).toBe('Sainte-Adèle');
    expect(otherSpelling('Lac-Mégantic')).toBe('Lac-Mégantic');
    // A name that is the same in both forms is not repeated.
    expect(searchRecord(inEstrie, catalogue).content.match(new RegExp(inEstrie.city, 'g'))).toHaveLength(1);
  });
});

describe('writeSearchIndex', () => {
  it('writes one French index with every exported merchant, and reports progress', async () => {
    const seen: number[] = [];
    const { pages } = await writeSearchIndex({ contentDir: FIXTURE, outputPath: join(work, 'pagefind'), onProgress: (done) => seen.push(done) });
    const merchants = JSON.parse(readFileSync(join(FIXTURE, 'merchants.json'), 'utf8'));
    expect(pages).toBe(merchants.length);
    const entry = JSON.parse(readFileSync(join(work, 'pagefind/pagefind-entry.json'), 'utf8'));
    expect(Object.keys(entry.languages)).toEqual(['fr']);
    expect(entry.languages.fr.page_count).toBe(merchants.length);
    expect(seen.at(-1)).toBe(merchants.length);
    // The records' scratch folder (in memory where the machine has /dev/shm) is gone.
    for (const root of ['/dev/shm', tmpdir()].filter(existsSync)) expect(readdirSync(root).filter((name) => name.startsWith('vitrine-search-fr-'))).toEqual([]);
  });

  it('writes the same index when the records are sent one by one (the way for large catalogues)', async () => {
    const { pages } = await writeSearchIndex({ contentDir: FIXTURE, outputPath: join(work, 'pagefind-sent'), through: 'messages' });
    const entry = (dir: string) => JSON.parse(readFileSync(join(work, dir, 'pagefind-entry.json'), 'utf8')).languages.fr;
    // Both hold every merchant (their hashes differ: a folder is read in another order).
    expect(entry('pagefind-sent').page_count).toBe(pages);
    expect(entry('pagefind').page_count).toBe(pages);
    expect(readdirSync(join(work, 'pagefind-sent/filter')).length).toBe(readdirSync(join(work, 'pagefind/filter')).length);
  });

  it('names the file when the export is not valid, and writes nothing', async () => {
    const broken = mkdtempSync(join(work, 'broken-'));
    copyFileSync(join(FIXTURE, 'reference.json'), join(broken, 'reference.json'));
    writeFileSync(join(broken, 'merchants.json'), JSON.stringify([{ slug: 'x' }]));
    await expect(writeSearchIndex({ contentDir: broken, outputPath: join(broken, 'pagefind') })).rejects.toThrow(/merchants\.json does not match the catalogue schema/);
    expect(existsSync(join(broken, 'pagefind'))).toBe(false);
  });
});
