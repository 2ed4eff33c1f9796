// schema.org data for merchant pages. Merchant text is untrusted: the serializer below is what makes
// it safe to place inside <script type="application/ld+json">.
import type { CatalogueMerchant } from './catalogue-schema.ts';
import type { Day } from './format.ts';

/**
 * JSON for an inline <script> element. JSON.stringify already escapes quotes and backslashes; this also
 * writes <, >, & and U+2028/U+2029 as \u escapes, so no merchant text can close the element
 * (`</script>`), open an HTML comment (`<!--`) or end a line in older parsers. The result parses back
 * to exactly the same data. serializeJsonLd({ a: '</script>' }) === '{"a":"\\u003c/script\\u003e"}'
 */
export function serializeJsonLd(value: unknown): string {
  return JSON.stringify(value).replace(/[<>&\u2028\u2029]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

const SCHEMA_DAYS: Record<Day, string> = {
  mon: 'Monday', tue: 'Tuesday', wed: 'Wednesday', thu: 'Thursday', fri: 'Friday', sat: 'Saturday', sun: 'Sunday',
};

type LocalBusinessOptions = { pageUrl: string; imageUrl: string; description: string; inLanguage: string };

/** The schema.org LocalBusiness object for a merchant page. */
export function localBusiness(m: CatalogueMerchant, { pageUrl, imageUrl, description, inLanguage }: LocalBusinessOptions) {
  const sameAs = [m.website, ...m.socialLinks].filter((u): u is string => Boolean(u));
  return {
    '@context': 'https://schema.org',
    '@type': 'LocalBusiness',
    '@id': `${pageUrl}#business`,
    name: m.name,
    ...(description ? { description } : {}),
    url: m.website ?? pageUrl,
    mainEntityOfPage: pageUrl,
    image: imageUrl,
    inLanguage,
    address: {
      '@type': 'PostalAddress',
      streetAddress: m.streetAddress,
      addressLocality: m.city,
      postalCode: m.postalCode,
      addressRegion: 'QC',
      addressCountry: 'CA',
    },
    geo: { '@type': 'GeoCoordinates', latitude: m.latitude, longitude: m.longitude },
    ...(m.phone ? { telephone: m.phone } : {}),
    ...(sameAs.length ? { sameAs } : {}),
    openingHoursSpecification: Object.entries(m.openingHours).flatMap(([day, ranges]) =>
      (ranges ?? []).map(([opens, closes]) => ({
        '@type': 'OpeningHoursSpecification',
        dayOfWeek: `https://schema.org/${SCHEMA_DAYS[day as Day]}`,
        opens,
        closes: closes === '24:00' ? '23:59' : closes,
      })),
    ),
  };
}
