// The sitemap past the protocol's 50,000 addresses a file: an index of parts, each a full sitemap.
import { describe, expect, it } from 'vitest';
import { sitemapFiles, sitemapUrls } from './sitemap.ts';

describe('sitemapFiles', () => {
  const merchants = Array.from({ length: 5 }, (_, i) => ({
    slug: `commerce-${i}`, categorySlug: 'librairie', citySlug: 'perce', regionSlug: 'gaspesie-iles-de-la-madeleine', updatedAt: '2026-12-01T10:00:00Z',
  }));

  it('lists the list pages of each category, town and region in both languages, page by page', () => {
    const locs = sitemapUrls(merchants, 2).map((u) => u.loc);
    expect(locs).toEqual(expect.arrayContaining(['/categories/librairie/', '/categories/librairie/3/', '/en/categories/librairie/3/']));
    expect(locs).not.toContain('/categories/librairie/4/');
  });

  it('writes one sitemap up to the limit, then an index of parts that hold every address once', () => {
    const urls = sitemapUrls(merchants, 50);
    expect(sitemapFiles('https://vitrine.example', urls, urls.length).map((f) => f.name)).toEqual(['sitemap.xml']);
    const files = sitemapFiles('https://vitrine.example', urls, 10);
    expect(files.map((f) => f.name)).toEqual(['sitemap.xml', ...Array.from({ length: Math.ceil(urls.length / 10) }, (_, i) => `sitemap-${i + 1}.xml`)]);
    expect(files[0]!.xml).toContain('<sitemapindex');
    expect(files[0]!.xml).toContain('<loc>https://vitrine.example/sitemap-2.xml</loc>');
    const inParts = files.slice(1).flatMap((f) => [...f.xml.matchAll(/<loc>([^<]+)<\/loc>/g)].map((m) => m[1]));
    expect(inParts).toHaveLength(urls.length);
    expect(new Set(inParts).size).toBe(urls.length);
  });
});
