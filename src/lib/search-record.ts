// What Pagefind indexes for one merchant: a small French HTML document built from the exported data,
// not the built page. The index then holds only what shoppers search (name, category, town, region,
// description), and it can be built from content/ while Astro renders the pages: on 2 cores the
// search index no longer adds its own minutes to a deploy (docs/benchmarks.md).
//
// The filters and result metadata are the ones the search page reads (src/components/SearchPage.astro):
// filters category, city and region; meta title, category, town and region. The English category name
// and description are indexed too, so "bakery" finds what "boulangerie" finds.
import type { Catalogue } from './catalogue-index.ts';
import type { CatalogueMerchant } from './catalogue-schema.ts';
import { describeIn } from './merchant-text.ts';
import { pathFor } from './routes.ts';

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' };
const escapeHtml = (text: string) => text.replace(/[&<>"]/g, (c) => ESCAPES[c]!);

export type SearchRecord = { url: string; content: string };

/** The page URL a search result links to, and the HTML Pagefind indexes for it (merchant text escaped). */
export function searchRecord(m: CatalogueMerchant, catalogue: Catalogue): SearchRecord {
  const fr = describeIn('fr', m, catalogue);
  const en = describeIn('en', m, catalogue);
  const tagged = (filter: string, meta: string, value: string) =>
    `<span data-pagefind-filter="${filter}" data-pagefind-meta="${meta}">${escapeHtml(value)}</span>`;
  const english = [en.categoryName, en.own && en.own !== fr.description ? en.own : ''].filter(Boolean);
  const content =
    '<html lang="fr"><body><article data-pagefind-body>' +
    `<h1 data-pagefind-meta="title">${escapeHtml(m.name)}</h1>` +
    `<p>${tagged('category', 'category', fr.categoryName)} · ${tagged('city', 'town', m.city)} · ${tagged('region', 'region', fr.regionName)}</p>` +
    (fr.description ? `<p>${escapeHtml(fr.description)}</p>` : '') +
    english.map((text) => `<p lang="en">${escapeHtml(text)}</p>`).join('') +
    '</article></body></html>';
  return { url: pathFor('fr', { kind: 'merchant', slug: m.slug }), content };
}
