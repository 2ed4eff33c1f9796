// Paths and headings of the paginated lists (categories, towns, regions), shared by both languages.
import type { PaginateFunction } from 'astro';
import { t, type Locale } from '../i18n/index.ts';
import { inRegion, inTown } from '../i18n/places.ts';
import type { Catalogue } from './catalogue-index.ts';
import { listFormat } from './format.ts';
import { pageSize } from './page-size.ts';
import { loadCatalogue } from './catalogue.ts';

export type ListingKind = 'category' | 'city' | 'region';

export { pageSize };

/** getStaticPaths for one kind of list: a page per 50 merchants of each category, town or region. */
export async function listingPaths(kind: ListingKind, paginate: PaginateFunction) {
  const catalogue = await loadCatalogue();
  const groups = { category: catalogue.byCategory, city: catalogue.byCity, region: catalogue.byRegion }[kind];
  const size = pageSize();
  return [...groups].flatMap(([slug, merchants]) => paginate(merchants, { pageSize: size, params: { slug }, props: { slug, catalogue } }));
}

/** The heading and lead sentence of a list page in a language. */
export function listingText(locale: Locale, kind: ListingKind, slug: string, catalogue: Catalogue): { heading: string; lead: string } {
  const en = locale === 'en';
  if (kind === 'category') {
    const c = catalogue.categoryBySlug.get(slug);
    const name = c ? (en ? c.nameEn : c.nameFr) : slug;
    return { heading: name, lead: t(locale, 'list.category.lead', { name }) };
  }
  if (kind === 'region') {
    const r = catalogue.regionBySlug.get(slug);
    const place = r ? inRegion(locale, r) : slug;
    return { heading: t(locale, 'list.region.title', { in: place }), lead: t(locale, 'list.region.lead', { in: place }) };
  }
  const first = catalogue.byCity.get(slug)?.[0];
  const city = catalogue.cityBySlug.get(slug);
  const name = city?.name ?? first?.city ?? slug;
  const r = first ? catalogue.regionBySlug.get(first.regionSlug) : undefined;
  // "Rimouski, au Bas-Saint-Laurent"; Montréal and Laval are towns and regions of the same name. A
  // name two towns share says its MRC: "L'Ange-Gardien (Les Collines-de-l'Outaouais), en Outaouais".
  const named = city?.mrcName && catalogue.sharedTownNames.has(name) ? `${name} (${city.mrcName})` : name;
  const where = r && (en ? r.nameEn : r.nameFr) !== name ? `${named}, ${inRegion(locale, r)}` : named;
  const lead = t(locale, 'list.city.lead', { where });
  // The former towns and boroughs that addresses still name: "Chicoutimi, Jonquière, La Baie…".
  const aliases = city?.aliases?.length ? ` ${t(locale, 'list.city.aliases', { names: listFormat(locale, city.aliases) })}` : '';
  return { heading: t(locale, 'list.city.title', { in: inTown(locale, named) }), lead: lead + aliases };
}
