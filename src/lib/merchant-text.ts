// The words a merchant page shows in one language: category and region names, and the description
// in that language, else in the other one (then marked with its lang for screen readers).
import type { Locale } from '../i18n/index.ts';
import type { Catalogue } from './catalogue-index.ts';
import type { SearchableMerchant } from './catalogue-schema.ts';
import { otherLocale } from './routes.ts';

/** What describeIn reads of the catalogue: the names of categories and regions. */
export type ReferenceNames = Pick<Catalogue, 'categoryBySlug' | 'regionBySlug'>;

export function describeIn(locale: Locale, m: SearchableMerchant, catalogue: ReferenceNames) {
  const en = locale === 'en';
  const category = catalogue.categoryBySlug.get(m.categorySlug);
  const region = catalogue.regionBySlug.get(m.regionSlug);
  const own = (en ? m.descriptionEn : m.descriptionFr).trim();
  const fallback = (en ? m.descriptionFr : m.descriptionEn).trim();
  return {
    categoryName: category ? (en ? category.nameEn : category.nameFr) : m.categorySlug,
    regionName: region ? (en ? region.nameEn : region.nameFr) : m.regionSlug,
    own,
    fallback,
    description: own || fallback,
    descriptionLang: own ? locale : fallback ? otherLocale(locale) : locale,
  };
}
