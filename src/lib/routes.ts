// Every URL the site links to comes from here, so a page and its twin in the other language always
// agree. The folders under src/pages/ must match these segments (the build test checks them).
// A merchant has one page (/commerces/<slug>/) carrying both languages; ?lang=en shows its English
// interface (see src/layouts/BaseLayout.astro).
import type { Locale } from '../i18n/index.ts';

export type PageRef =
  | { kind: 'home' }
  | { kind: 'search' }
  | { kind: 'register' }
  | { kind: 'status' }
  | { kind: 'map' }
  | { kind: 'account' }
  | { kind: 'merchant'; slug: string }
  | { kind: 'category' | 'city' | 'region'; slug: string; page?: number }
  /** Every category, region or town with listings: /categories/, /regions/, /villes/. */
  | { kind: 'index'; of: 'category' | 'city' | 'region' };

const SEGMENTS = {
  fr: { merchant: 'commerces', category: 'categories', city: 'villes', region: 'regions', search: 'recherche', register: 'inscription', status: 'statut', map: 'carte', account: 'compte' },
  en: { merchant: 'commerces', category: 'categories', city: 'cities', region: 'regions', search: 'search', register: 'register', status: 'status', map: 'map', account: 'account' },
} as const;

const PREFIX: Record<Locale, string> = { fr: '', en: '/en' };

/**
 * The site-relative path of a page, ending with a slash (trailingSlash: 'always') before any query.
 * pathFor('en', { kind: 'city', slug: 'lac-megantic', page: 2 }) === '/en/cities/lac-megantic/2/'
 * pathFor('en', { kind: 'merchant', slug: 'cafe-chez-ginette' }) === '/commerces/cafe-chez-ginette/?lang=en'
 * pathFor('fr', { kind: 'index', of: 'city' }) === '/villes/'
 */
export function pathFor(locale: Locale, ref: PageRef): string {
  const s = SEGMENTS[locale];
  const prefix = PREFIX[locale];
  switch (ref.kind) {
    case 'home':
      return `${prefix}/`;
    case 'search':
    case 'register':
    case 'status':
    case 'map':
    case 'account':
      return `${prefix}/${s[ref.kind]}/`;
    case 'merchant':
      return `/${s.merchant}/${ref.slug}/${locale === 'en' ? '?lang=en' : ''}`;
    case 'index':
      return `${prefix}/${s[ref.of]}/`;
    default: {
      const page = ref.page && ref.page > 1 ? `${ref.page}/` : '';
      return `${prefix}/${s[ref.kind]}/${ref.slug}/${page}`;
    }
  }
}

/** The other language of the site: otherLocale('fr') === 'en'. */
export function otherLocale(locale: Locale): Locale {
  return locale === 'fr' ? 'en' : 'fr';
}

/** An absolute URL on the configured site (SITE_URL): absoluteUrl('/commerces/x/', site). */
export function absoluteUrl(path: string, site: URL | undefined): string {
  if (!site) throw new Error('astro `site` is not set: canonical and Open Graph URLs need SITE_URL.');
  return new URL(path, site).href;
}
