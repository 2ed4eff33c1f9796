// sitemap.xml and robots.txt, written by the build from the export (content/): every public page,
// each list page with its twin in the other language as hreflang alternates (as the pages' own
// <link rel="alternate"> say), merchants' pages with their last change. Past 50,000 addresses (the
// sitemaps protocol's limit per file), sitemap.xml becomes an index of sitemap-1.xml, sitemap-2.xml…
// robots.txt keeps crawlers off the moderators' pages, the applicants' private status pages and the API.
import { escapeHtml } from '../../functions/_shared/respond.ts';
import { LOCALES, type Locale } from '../../src/i18n/index.ts';
import { pathFor, type PageRef } from '../../src/lib/routes.ts';

export type SitemapMerchant = { slug: string; categorySlug: string; citySlug: string; regionSlug: string; updatedAt: string };
export type SitemapUrl = { loc: string; alternates?: Record<Locale, string>; lastmod?: string };

const PER_FILE = 50_000;

/** Every public page's address, site-relative. */
export function sitemapUrls(merchants: readonly SitemapMerchant[], pageSize: number): SitemapUrl[] {
  const urls: SitemapUrl[] = [];
  // A page in both languages: one entry per language, each naming both.
  const twins = (ref: PageRef) => {
    const alternates = Object.fromEntries(LOCALES.map((l) => [l, pathFor(l, ref)])) as Record<Locale, string>;
    for (const locale of LOCALES) urls.push({ loc: alternates[locale], alternates });
  };
  for (const kind of ['home', 'search', 'register'] as const) twins({ kind });
  for (const of of ['category', 'region', 'city'] as const) twins({ kind: 'index', of });
  const counts = { category: new Map<string, number>(), city: new Map<string, number>(), region: new Map<string, number>() };
  for (const m of merchants) {
    for (const [kind, slug] of [['category', m.categorySlug], ['city', m.citySlug], ['region', m.regionSlug]] as const) {
      counts[kind].set(slug, (counts[kind].get(slug) ?? 0) + 1);
    }
  }
  for (const kind of ['category', 'region', 'city'] as const) {
    for (const [slug, n] of counts[kind]) {
      for (let page = 1; page <= Math.ceil(n / pageSize); page++) twins({ kind, slug, page });
    }
  }
  // A merchant's page carries both languages at one canonical address: no alternates (see SeoTags).
  for (const m of merchants) urls.push({ loc: pathFor('fr', { kind: 'merchant', slug: m.slug }), lastmod: m.updatedAt.slice(0, 10) });
  return urls;
}

/** The sitemap files: sitemap.xml alone, or an index and its parts past 50,000 addresses. */
export function sitemapFiles(site: string, urls: readonly SitemapUrl[], perFile = PER_FILE): Array<{ name: string; xml: string }> {
  const absolute = (path: string) => escapeHtml(new URL(path, site).href);
  const urlset = (part: readonly SitemapUrl[]) =>
    '<?xml version="1.0" encoding="UTF-8"?>\n<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" xmlns:xhtml="http://www.w3.org/1999/xhtml">\n'
    + part.map((u) => `<url><loc>${absolute(u.loc)}</loc>${u.lastmod ? `<lastmod>${u.lastmod}</lastmod>` : ''}`
      + (u.alternates ? LOCALES.map((l) => `<xhtml:link rel="alternate" hreflang="${l}" href="${absolute(u.alternates![l])}"/>`).join('')
        + `<xhtml:link rel="alternate" hreflang="x-default" href="${absolute(u.alternates.fr)}"/>` : '')
      + '</url>\n').join('')
    + '</urlset>\n';
  if (urls.length <= perFile) return [{ name: 'sitemap.xml', xml: urlset(urls) }];
  const parts: Array<{ name: string; xml: string }> = [];
  for (let i = 0; i < urls.length; i += perFile) parts.push({ name: `sitemap-${parts.length + 1}.xml`, xml: urlset(urls.slice(i, i + perFile)) });
  const index = '<?xml version="1.0" encoding="UTF-8"?>\n<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n'
    + parts.map((p) => `<sitemap><loc>${absolute(`/${p.name}`)}</loc></sitemap>\n`).join('') + '</sitemapindex>\n';
  return [{ name: 'sitemap.xml', xml: index }, ...parts];
}

/** robots.txt: everything public may be crawled but the moderators' pages, the status pages and the API. */
export function robotsTxt(site: string): string {
  const private_ = ['/moderation/', '/en/moderation/', pathFor('fr', { kind: 'status' }), pathFor('en', { kind: 'status' }), pathFor('fr', { kind: 'account' }),
    pathFor('en', { kind: 'account' }), '/api/', '/gabarit/', '/en/template/'];
  return `User-agent: *\n${private_.map((p) => `Disallow: ${p}`).join('\n')}\n\nSitemap: ${new URL('/sitemap.xml', site).href}\n`;
}
