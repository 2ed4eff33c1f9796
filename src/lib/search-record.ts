// What Pagefind indexes for one merchant: a small HTML document built from the exported data,
// not the built page. The index then holds only what shoppers search (name, category, town, region,
// description), and it can be built from content/ while Astro renders the pages: on 2 cores the
// search index no longer adds its own minutes to a deploy (docs/benchmarks.md).
//
// The filters and result metadata are the ones the search page reads (src/components/SearchPage.astro):
// filters category, city and region; meta title, category, town and region. The English names of the
// category and the region are indexed too, so "bakery" finds what "boulangerie" finds and "Eastern
// Townships" what "Estrie" finds; so is the town's other spelling (Saint-Jérôme and St-Jérôme), its
// official name and its aliases, and the postal code. English descriptions go to a second index,
// for the English search page, built after the French one: in one index they made Pagefind take
// 5.3 GB at 100,000 merchants, and its memory is what bounds a build (docs/benchmarks.md). A
// description is indexed in the index's language, else in the other language when it is the only one.
import { escapeHtml } from '../../functions/_shared/respond.ts';
import type { City, SearchableMerchant } from './catalogue-schema.ts';
import { describeIn, type ReferenceNames } from './merchant-text.ts';
import { pathFor } from './routes.ts';
import { t, type Locale } from '../i18n/index.ts';
import { hasHours, type OpeningHours } from './opening-hours.ts';
import { encodeOpenMeta } from './open-meta.ts';
import { offered } from './ways-to-buy.ts';

export type SearchRecord = { url: string; content: string };

/**
 * The page URL a search result links to, and the HTML Pagefind indexes for it (merchant text
 * escaped), for the French index or the English one. Both hold the same names, filters (French
 * names, which the search page labels in its language) and meta; the English record holds the
 * English description (else the French one) and is stemmed as English.
 */
export function searchRecord(
  m: SearchableMerchant, catalogue: ReferenceNames, town?: Pick<City, 'name' | 'aliases'>, locale: Locale = 'fr',
): SearchRecord {
  const fr = describeIn('fr', m, catalogue);
  const en = describeIn('en', m, catalogue);
  // Other names shoppers type for the same things, each once: the English names, the town's
  // official name and the former towns and boroughs addresses use ("Chicoutimi" finds the shops of
  // Saguenay).
  const townNames = town ? [town.name, ...(town.aliases ?? [])] : [];
  const otherNames = [en.categoryName, en.regionName, otherSpelling(m.city), ...townNames].filter(
    (name, i, all) => ![fr.categoryName, fr.regionName, m.city].includes(name) && all.indexOf(name) === i,
  );
  const description = (locale === 'en' ? en : fr).description;
  const tagged = (filter: string, meta: string, value: string) =>
    `<span data-pagefind-filter="${filter}" data-pagefind-meta="${meta}">${escapeHtml(value)}</span>`;
  const content =
    `<html lang="${locale}"><body><article data-pagefind-body>` +
    `<h1 data-pagefind-meta="title">${escapeHtml(m.name)}</h1>` +
    `<p>${tagged('category', 'category', fr.categoryName)} · ${tagged('city', 'town', m.city)} · ${tagged('region', 'region', fr.regionName)}</p>` +
    (description ? `<p>${escapeHtml(description)}</p>` : '') +
    otherNames.map((name) => `<p>${escapeHtml(name)}</p>`).join('') +
    // "G6B" finds the shops of that postal area: the code's first three characters are a word here.
    `<p>${escapeHtml(m.postalCode)}</p>` +
    // Ways to buy, by their French names (the search page names them in its language); "livraison" finds those that deliver.
    offered(m.waysToBuy).map((way) => `<p data-pagefind-filter="ways">${escapeHtml(t('fr', `account.ways.${way}`))}</p>`).join('') +
    openMeta(m) +
    '</article></body></html>';
  // The merchant's one page; the English search page adds ?lang=en for its English interface.
  return { url: pathFor('fr', { kind: 'merchant', slug: m.slug }), content };
}

/**
 * The other way a town with a saint's name is written: "Saint-Jérôme" as "St-Jérôme", "Ste-Adèle" as
 * "Sainte-Adèle", wherever it occurs in the name; any other name as it is.
 */
export function otherSpelling(town: string): string {
  if (/\bSte?-/.test(town)) return town.replace(/\bSte-/g, 'Sainte-').replace(/\bSt-/g, 'Saint-');
  return town.replace(/\bSainte-/g, 'Ste-').replace(/\bSaint-/g, 'St-');
}

/** The hours as result metadata, for the search page's "open now" on the results it has loaded. */
function openMeta(m: SearchableMerchant): string {
  const hours = m.openingHours as OpeningHours | undefined;
  return hours && hasHours(hours) ? `<span data-pagefind-meta="open:${encodeOpenMeta(m.timeZone ?? 'America/Toronto', hours)}"></span>` : '';
}
