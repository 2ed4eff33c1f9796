// Builds the test fixture (tests/fixtures/content) once, exactly as a deploy does (astro build and the
// Pagefind index, scripts/publish/build-site.ts), and checks the generated pages: routes, <head> tags,
// structured data, escaping of hostile merchant text, the Content-Security-Policy constraints,
// collation and pagination.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CATEGORY_SLUGS, HOURS_SPAN_SUFFIXES, REGISTRATION_FIELDS } from '../../functions/_shared/registration-schema.ts';
import { headersFile } from '../../functions/_shared/security-headers.ts';
import { SHELL_TITLE } from '../../functions/_shared/site-shell.ts';
import { buildSite } from '../../scripts/publish/build-site.ts';
import { t } from '../../src/i18n/index.ts';
import { elements, inside, meta, parseHtml, textOf, withoutAttributeValues, type Element } from '../support/html.ts';

const ROOT = new URL('../../', import.meta.url).pathname;
const FIXTURE = join(ROOT, 'tests/fixtures/content');
const SITE = 'https://vitrine.example';
const HOSTILE = 'Le <script>alert(1)</script> "Bar" \'}</script><!--';
const fixture: Array<{ slug: string; name: string }> = JSON.parse(readFileSync(join(FIXTURE, 'merchants.json'), 'utf8'));

let out: string;

function run(args: string[], env: NodeJS.ProcessEnv) {
  // process.execPath is the project's Node 22 (npm test runs vitest with it).
  return spawnSync(process.execPath, args, { cwd: ROOT, env, encoding: 'utf8', maxBuffer: 64 * 2 ** 20 });
}

function buildEnv(extra: Record<string, string>): NodeJS.ProcessEnv {
  const { CONTEXT: _context, SITE_URL: _site, ...env } = process.env;
  return { ...env, ...extra };
}

beforeAll(async () => {
  out = mkdtempSync(join(tmpdir(), 'vitrine-site-'));
  await buildSite({ contentDir: FIXTURE, outDir: out, quiet: true, env: buildEnv({ SITE_URL: SITE, VITRINE_PAGE_SIZE: '3' }) });
}, 240_000);

afterAll(() => {
  // VITRINE_KEEP_TEST_SITE=1 keeps the built site for a look after a failure.
  if (out && !process.env.VITRINE_KEEP_TEST_SITE) rmSync(out, { recursive: true, force: true });
});

const html = (path: string) => readFileSync(join(out, path, 'index.html'), 'utf8');
const page = (path: string) => parseHtml(readFileSync(join(out, path, path.endsWith('.html') ? '' : 'index.html'), 'utf8'));

function htmlFiles(dir = out): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const path = join(dir, e.name);
    if (e.isDirectory()) return e.name.startsWith('pagefind') ? [] : htmlFiles(path);
    return e.name.endsWith('.html') ? [path] : [];
  });
}

function merchantNames(path: string): string[] {
  const doc = page(path);
  const list = elements(doc, 'ul').find((u) => u.attrs.class === 'merchant-list')!;
  return inside(doc, list)
    .filter((t): t is Element => 'name' in t && t.name === 'a')
    .map((a) => textOf(doc, a));
}

describe('routes', () => {
  it('builds one page per merchant, carrying both languages, both "Boulangerie du Village" included', () => {
    for (const m of fixture) expect(existsSync(join(out, 'commerces', m.slug, 'index.html')), m.slug).toBe(true);
    expect(existsSync(join(out, 'en/businesses'))).toBe(false);
    const doc = page('commerces/cafe-chez-ginette');
    const copies = elements(doc, 'div').filter((d) => d.attrs.class === 'ui');
    expect(copies.map((d) => [d.attrs['data-ui'], d.attrs.lang])).toEqual([['fr', undefined], ['en', 'en']]);
    expect(elements(doc, 'html')[0].attrs['data-title-en']).toBe('Café chez Ginette — Montréal | Vitrine');
    // English lists link to the English interface of the same page.
    expect(merchantNames('en/cities/montreal')).toContain('Café chez Ginette');
    const enLink = elements(page('en/cities/montreal'), 'a').find((a) => a.attrs.href?.startsWith('/commerces/cafe-chez-ginette/'))!;
    expect(enLink.attrs.href).toBe('/commerces/cafe-chez-ginette/?lang=en');
    const villages = fixture.filter((m) => m.name === 'Boulangerie du Village').map((m) => m.slug);
    expect(villages).toEqual(['boulangerie-du-village-lac-megantic', 'boulangerie-du-village-rimouski']);
  });

  it('builds home, search, 404 and the category, town and region lists in both languages', () => {
    for (const path of [
      'index.html', 'en/index.html', 'recherche/index.html', 'en/search/index.html', '404.html',
      'categories/restaurant-cafe/index.html', 'categories/restaurant-cafe/2/index.html', 'categories/restaurant-cafe/3/index.html',
      'en/categories/restaurant-cafe/3/index.html', 'categories/boulangerie-patisserie/index.html',
      'villes/lac-megantic/index.html', 'villes/l-ile-perrot/index.html', 'en/cities/lac-megantic/index.html', 'en/cities/l-ile-perrot/index.html',
      'regions/estrie/index.html', 'regions/monteregie/index.html', 'en/regions/estrie/index.html', 'en/regions/bas-saint-laurent/index.html',
    ]) {
      expect(existsSync(join(out, path)), path).toBe(true);
    }
    expect(existsSync(join(out, 'categories/restaurant-cafe/4/index.html'))).toBe(false);
    // Empty categories get no page (and no link from the home page).
    expect(existsSync(join(out, 'categories/animaux/index.html'))).toBe(false);
  });

  it('leaves no catch-all server function for Netlify, so /api/* stays with functions/', () => {
    expect(existsSync(join(ROOT, '.netlify/v1/functions/ssr'))).toBe(false);
  });

  it('links each page to the same page in the other language', () => {
    const [fr, enCopy] = elements(page('commerces/cafe-chez-ginette'), 'a').filter((a) => 'data-language-switch' in a.attrs);
    expect(fr.attrs).toMatchObject({ href: '/commerces/cafe-chez-ginette/?lang=en', hreflang: 'en', lang: 'en' });
    expect(enCopy.attrs).toMatchObject({ href: '/commerces/cafe-chez-ginette/', hreflang: 'fr', lang: 'fr' });
    const en = elements(page('en/categories/restaurant-cafe/2'), 'a').find((a) => 'data-language-switch' in a.attrs)!;
    expect(en.attrs).toMatchObject({ href: '/categories/restaurant-cafe/2/', hreflang: 'fr' });
  });
});

describe('<head> of a merchant page', () => {
  const link = (doc: ReturnType<typeof page>, rel: string, hreflang?: string) =>
    elements(doc, 'link').find((l) => l.attrs.rel === rel && (hreflang === undefined || l.attrs.hreflang === hreflang))?.attrs.href;

  it('has a title, a description, and canonical and hreflang URLs made absolute with SITE_URL', () => {
    const doc = page('commerces/cafe-chez-ginette');
    expect(textOf(doc, elements(doc, 'title')[0])).toBe('Café chez Ginette — Montréal | Vitrine');
    expect(meta(doc, 'description')).toBe('Petit café de quartier : espresso, muffins maison et soupe du jour.');
    expect(link(doc, 'canonical')).toBe(`${SITE}/commerces/cafe-chez-ginette/`);
    // One URL for both languages: no hreflang alternates, which would point at the same document.
    expect(link(doc, 'alternate')).toBeUndefined();
    expect(link(page('en/cities/montreal'), 'alternate', 'fr')).toBe(`${SITE}/villes/montreal/`);
    expect(elements(doc, 'html')[0].attrs.lang).toBe('fr');
  });

  it('has Open Graph and Twitter card tags with absolute URLs and an existing 1200×630 image', () => {
    const doc = page('commerces/cafe-chez-ginette');
    expect(meta(doc, 'og:title')).toBe('Café chez Ginette — Montréal | Vitrine');
    expect(meta(doc, 'og:url')).toBe(`${SITE}/commerces/cafe-chez-ginette/`);
    expect(meta(doc, 'og:type')).toBe('business.business');
    expect(meta(doc, 'og:site_name')).toBe('Vitrine');
    expect(meta(doc, 'og:locale')).toBe('fr_CA');
    expect(meta(doc, 'og:locale:alternate')).toBe('en_CA');
    const image = meta(doc, 'og:image')!;
    expect(image).toMatch(new RegExp(`^${SITE}/.+\\.png$`));
    const png = readFileSync(join(out, new URL(image).pathname));
    expect([png.readUInt32BE(16), png.readUInt32BE(20)]).toEqual([1200, 630]); // IHDR width, height
    expect(meta(doc, 'twitter:card')).toBe('summary_large_image');
    expect(meta(doc, 'twitter:image')).toBe(image);

    // The English copy carries the English description.
    const en = elements(doc, 'p').filter((p) => p.attrs.class === 'description').map((p) => textOf(doc, p));
    expect(en).toEqual(['Petit café de quartier : espresso, muffins maison et soupe du jour.', 'Neighbourhood café: espresso, homemade muffins and soup of the day.']);
  });

  it('describes the business in schema.org LocalBusiness JSON-LD', () => {
    const doc = page('commerces/aubergine-bistro');
    const [script] = elements(doc, 'script').filter((s) => s.attrs.type === 'application/ld+json');
    const data = JSON.parse(script.raw!);
    expect(data).toMatchObject({
      '@context': 'https://schema.org',
      '@type': 'LocalBusiness',
      name: 'Aubergine Bistro',
      telephone: '+14185550104',
      address: { '@type': 'PostalAddress', addressLocality: 'Québec', postalCode: 'G1R 4P5', addressRegion: 'QC', addressCountry: 'CA' },
      geo: { '@type': 'GeoCoordinates' },
    });
    expect(data.openingHoursSpecification).toContainEqual({
      '@type': 'OpeningHoursSpecification', dayOfWeek: 'https://schema.org/Wednesday', opens: '17:00', closes: '22:00',
    });
  });
});

describe('hostile merchant text', () => {
  it('is data in the JSON-LD: it parses back verbatim and cannot close the <script> element', () => {
    const doc = page('commerces/le-script-bar');
    const [script] = elements(doc, 'script').filter((s) => s.attrs.type === 'application/ld+json');
    expect(script.raw).not.toMatch(/[<>]/);
    const data = JSON.parse(script.raw!);
    expect(data.name).toBe(HOSTILE);
    expect(data.description).toBe('Le meilleur "bar" en ville"} </script><!-- <img src=x onerror=alert(2)> & plus\u2028encore');
    expect(data.address.streetAddress).toBe('13 rue "Saint-<b>Denis</b>"');
  });

  it('is text in the page and attribute values, never markup', () => {
    for (const path of ['commerces/le-script-bar', 'categories/restaurant-cafe/2', 'villes/montreal', 'regions/montreal']) {
      const doc = page(path);
      // Outside attribute values the name only appears escaped.
      const markup = withoutAttributeValues(doc.html);
      expect(markup, path).not.toContain('<script>alert');
      expect(markup, path).not.toContain('<img src=x');
      expect(markup, path).toContain('Le &lt;script&gt;alert(1)&lt;/script&gt;');
      // The only scripts are the JSON-LD and files (bundled modules, and the merchant page's language picker).
      for (const s of elements(doc, 'script')) {
        const file = (s.attrs.type === 'module' || s.attrs.src === '/ui-language.js') && s.attrs.src && s.raw === '';
        expect(s.attrs.type === 'application/ld+json' || file, `${path}: ${JSON.stringify(s)}`).toBe(true);
      }
    }
    const doc = page('commerces/le-script-bar');
    expect(textOf(doc, elements(doc, 'h1')[0])).toBe(HOSTILE);
    expect(meta(doc, 'og:title')).toBe(`${HOSTILE} — Montréal | Vitrine`);
    expect(meta(doc, 'twitter:title')).toBe(`${HOSTILE} — Montréal | Vitrine`);
  });
});

describe('Content-Security-Policy (script-src and style-src \'self\')', () => {
  it('no page has an inline script (other than JSON-LD), an inline <style> or a style attribute', () => {
    const files = htmlFiles();
    expect(files.length).toBeGreaterThan(60);
    for (const file of files) {
      const doc = parseHtml(readFileSync(file, 'utf8'));
      const name = relative(out, file);
      expect(elements(doc, 'style'), name).toEqual([]);
      for (const s of elements(doc, 'script')) {
        if (s.attrs.type === 'application/ld+json') continue;
        // Merchant pages pick their language before the first paint: a classic script, from a file.
        if (s.attrs.src === '/ui-language.js' && s.raw === '' && existsSync(join(out, 'ui-language.js'))) continue;
        expect(s.attrs.src, `${name}: inline script`).toMatch(/^\/_astro\/.+\.js$/);
        expect(s.raw, name).toBe('');
        expect(existsSync(join(out, s.attrs.src)), s.attrs.src).toBe(true);
      }
      for (const t of doc.tokens) if ('attrs' in t) expect(Object.keys(t.attrs), `${name}: <${t.name}>`).not.toContain('style');
      for (const l of elements(doc, 'link').filter((l) => l.attrs.rel === 'stylesheet')) {
        expect(existsSync(join(out, l.attrs.href)), l.attrs.href).toBe(true);
      }
    }
  });
});

describe('lists', () => {
  it('sort merchants by name the French-Canadian way (É with E, not after Z) across pages', () => {
    const names = ['categories/restaurant-cafe', 'categories/restaurant-cafe/2', 'categories/restaurant-cafe/3'].flatMap(merchantNames);
    expect(names).toEqual(['Aubergine Bistro', 'Café chez Ginette', 'Eau Vive Café', 'Éden Resto', 'Ermitage Bistro', HOSTILE, 'Zinc Bar']);
  });

  it('paginate with rel prev/next links and a nav marking the current page', () => {
    const second = page('categories/restaurant-cafe/2');
    const head = (rel: string) => elements(second, 'link').find((l) => l.attrs.rel === rel)?.attrs.href;
    expect(head('prev')).toBe(`${SITE}/categories/restaurant-cafe/`);
    expect(head('next')).toBe(`${SITE}/categories/restaurant-cafe/3/`);
    expect(head('canonical')).toBe(`${SITE}/categories/restaurant-cafe/2/`);
    const nav = elements(second, 'nav').find((n) => n.attrs.class === 'pagination')!;
    const links = inside(second, nav).filter((t): t is Element => 'name' in t && t.name === 'a');
    expect(links.map((a) => a.attrs.href)).toEqual([
      '/categories/restaurant-cafe/', '/categories/restaurant-cafe/', '/categories/restaurant-cafe/2/', '/categories/restaurant-cafe/3/', '/categories/restaurant-cafe/3/',
    ]);
    expect(links.filter((a) => a.attrs['aria-current'] === 'page').map((a) => a.attrs.href)).toEqual(['/categories/restaurant-cafe/2/']);
    expect(links[0].attrs.rel).toBe('prev');
    expect(links.at(-1)!.attrs.rel).toBe('next');

    const first = page('categories/restaurant-cafe');
    expect(elements(first, 'link').some((l) => l.attrs.rel === 'prev')).toBe(false);
    const last = page('en/categories/restaurant-cafe/3');
    expect(elements(last, 'link').some((l) => l.attrs.rel === 'next')).toBe(false);
    expect(elements(last, 'link').find((l) => l.attrs.rel === 'prev')?.attrs.href).toBe(`${SITE}/en/categories/restaurant-cafe/2/`);
  });

  it('show town pages with their accented names', () => {
    const doc = page('villes/l-ile-perrot');
    expect(textOf(doc, elements(doc, 'h1')[0])).toBe("Commerces locaux à L'Île-Perrot");
    expect(merchantNames('villes/l-ile-perrot')).toEqual(['Épicerie Lafleur', 'Quincaillerie Dupuis']);
  });

  it('say on the page of a shop in the Magdalen Islands that its hours are in Atlantic time, and nowhere else', () => {
    expect(html('commerces/poissonnerie-la-vague-les-iles-de-la-madeleine')).toContain(t('fr', 'merchant.hours.zone.America/Halifax'));
    expect(html('commerces/poissonnerie-la-vague-les-iles-de-la-madeleine')).toContain(t('en', 'merchant.hours.zone.America/Halifax'));
    expect(html('commerces/zinc-bar')).not.toContain('hours-zone');
  });

  it('name on a town page the former towns its addresses use, and credit the municipality data on every page', () => {
    const doc = page('villes/quebec');
    expect(meta(doc, 'description')).toContain('Comprend aussi Sainte-Foy et Sillery.');
    expect(textOf(doc, elements(doc, 'footer')[0])).toContain('MAMH – Répertoire des municipalités), CC BY 4.0; GeoNames, CC BY 4.0');
    expect(textOf(page('en/cities/quebec'), elements(page('en/cities/quebec'), 'footer')[0])).toContain('Statistics Canada Open Licence');
  });

  it('list every category, region and town with listings on index pages, linked from every header', () => {
    const anchors = (doc: ReturnType<typeof page>, el: Element) => inside(doc, el).filter((t): t is Element => 'name' in t && t.name === 'a');
    const links = (path: string) => { const doc = page(path); return anchors(doc, elements(doc, 'main')[0]!).map((a) => a.attrs.href); };
    expect(links('categories')).toContain('/categories/restaurant-cafe/');
    expect(links('en/regions')).toContain('/en/regions/estrie/');
    expect(links('villes')).toEqual(expect.arrayContaining(['/villes/l-ile-perrot/', '/villes/lac-megantic/', '/regions/monteregie/']));
    expect(textOf(page('villes'), elements(page('villes'), 'main')[0])).toContain("L'Île-Perrot (2)");
    const header = elements(page('index.html'), 'header')[0]!;
    expect(anchors(page('index.html'), header).map((a) => a.attrs.href)).toEqual(expect.arrayContaining(['/categories/', '/regions/', '/villes/']));
  });

  it('write sitemap.xml with every public page and its twin in the other language, and robots.txt that keeps crawlers off private pages', () => {
    const sitemap = readFileSync(join(out, 'sitemap.xml'), 'utf8');
    const locs = [...sitemap.matchAll(/<loc>([^<]+)<\/loc>/g)].map((m) => m[1]!);
    expect(locs).toEqual(expect.arrayContaining([`${SITE}/`, `${SITE}/en/`, `${SITE}/villes/`, `${SITE}/categories/restaurant-cafe/3/`, `${SITE}/en/categories/restaurant-cafe/3/`, `${SITE}/commerces/zinc-bar/`]));
    expect(locs.filter((l) => l.includes('/commerces/'))).toHaveLength(fixture.length);
    expect(locs.some((l) => /statut|status|moderation|gabarit|template/.test(l))).toBe(false);
    expect(sitemap).toContain(`<url><loc>${SITE}/en/categories/restaurant-cafe/3/</loc><xhtml:link rel="alternate" hreflang="fr" href="${SITE}/categories/restaurant-cafe/3/"/><xhtml:link rel="alternate" hreflang="en" href="${SITE}/en/categories/restaurant-cafe/3/"/><xhtml:link rel="alternate" hreflang="x-default" href="${SITE}/categories/restaurant-cafe/3/"/></url>`);
    expect(sitemap).toMatch(new RegExp(`<url><loc>${SITE}/commerces/zinc-bar/</loc><lastmod>\\d{4}-\\d{2}-\\d{2}</lastmod></url>`));
    // Every address in it is a page the build wrote.
    for (const loc of locs) expect(existsSync(join(out, new URL(loc).pathname, 'index.html')), loc).toBe(true);
    const robots = readFileSync(join(out, 'robots.txt'), 'utf8');
    for (const path of ['/moderation/', '/en/moderation/', '/statut/', '/en/status/', '/api/']) expect(robots).toContain(`Disallow: ${path}\n`);
    expect(robots).toContain(`Sitemap: ${SITE}/sitemap.xml`);
  });

  it('send a town page that moved to its current address with 301 (_redirects, for every page of it, in both languages)', () => {
    const rules = readFileSync(join(out, '_redirects'), 'utf8');
    expect(rules).toContain('/villes/sainte-foy /villes/quebec/ 301\n/villes/sainte-foy/* /villes/quebec/:splat 301');
    expect(rules).toContain('/en/cities/lachine/* /en/cities/montreal/:splat 301');
  });

  it('lead from a region to its towns, in both languages', () => {
    const towns = (path: string) => {
      const doc = page(path);
      return elements(doc, 'a').filter((a) => /^\/(en\/cities|villes)\/[a-z]/.test(a.attrs.href ?? '')).map((a) => [a.attrs.href, textOf(doc, a)]);
    };
    expect(towns('regions/estrie')).toEqual([['/villes/lac-megantic/', 'Lac-Mégantic']]);
    expect(towns('en/regions/estrie')).toEqual([['/en/cities/lac-megantic/', 'Lac-Mégantic']]);
  });

  it('name regions with the preposition each takes, in French and in English', () => {
    // Without the "(page 1 of 2)" of paginated lists.
    const heading = (path: string) => {
      const doc = page(path);
      return textOf(doc, elements(doc, 'h1')[0]).split(' (')[0];
    };
    expect(heading('regions/estrie')).toBe('Commerces locaux en Estrie');
    expect(heading('regions/capitale-nationale')).toBe('Commerces locaux dans la Capitale-Nationale');
    expect(heading('regions/bas-saint-laurent')).toBe('Commerces locaux au Bas-Saint-Laurent');
    expect(heading('regions/montreal')).toBe('Commerces locaux à Montréal');
    expect(heading('en/regions/estrie')).toBe('Local businesses in the Eastern Townships');
    expect(heading('en/regions/montreal')).toBe('Local businesses in Montréal');
  });
});

describe('merchant page content', () => {
  it('formats the phone number and links it with tel:', () => {
    const doc = page('commerces/cafe-chez-ginette');
    const tel = elements(doc, 'a').find((a) => a.attrs.href?.startsWith('tel:'))!;
    expect(tel.attrs.href).toBe('tel:+15145550123');
    expect(textOf(doc, tel)).toBe('(514) 555-0123');
  });

  it('lists opening hours with day names in the page language', () => {
    const fr = page('commerces/aubergine-bistro');
    const rows = elements(fr, 'th').filter((th) => th.attrs.scope === 'row').map((th) => textOf(fr, th));
    // The French copy, then the English one.
    expect(rows.slice(0, 7)).toEqual(['Lundi', 'Mardi', 'Mercredi', 'Jeudi', 'Vendredi', 'Samedi', 'Dimanche']);
    expect(rows[7]).toBe('Monday');
    expect(fr.html).toContain('11 h 30 à 14 h, 17 h à 22 h');
    // Midnight and noon in words: "12 a.m." is read both ways.
    expect(fr.html).toContain('11 h 30 à 14 h, 17 h à minuit');
    expect(fr.html).toContain('11:30 a.m. to 2 p.m., 5 p.m. to midnight');
    expect(fr.html).not.toContain('12 a.m.');
  });

  it('reads a night past midnight as people say it, and lists special dates, seasons and a temporary closing', () => {
    const bar = page('commerces/zinc-bar');
    expect(bar.html).toContain('16 h à 2 h');
    expect(bar.html).toContain('4 p.m. to 2 a.m.');
    const village = page('commerces/boulangerie-du-village-lac-megantic');
    const captions = elements(village, 'caption').map((c) => textOf(village, c));
    expect(captions).toContain('Dates particulières');
    expect(captions).toContain('Special dates');
    const rows = elements(village, 'tr').map((tr) => textOf(village, tr));
    for (const row of ['24 décembre 20267 h à midi', '25–26 décembre 2026Fermé', '24 juin 2027Fermé', 'December 25–26, 2026Closed']) {
      expect(rows).toContain(row);
    }
    expect(page('commerces/zoe-fleuriste').html).toContain('Fermé chaque année du 24 décembre au 15 janvier.');
    const eden = page('commerces/eden-resto');
    expect(elements(eden, 'p').filter((e) => e.attrs.class === 'closed-now').map((e) => textOf(eden, e))).toEqual(['Temporairement fermé', 'Temporarily closed']);
  });

  it('gives special dates, seasons and a temporary closing in the JSON-LD', () => {
    const ld = (path: string) => JSON.parse(elements(page(path), 'script').find((e) => e.attrs.type === 'application/ld+json')!.raw!);
    expect(ld('commerces/zinc-bar').openingHoursSpecification).toContainEqual(
      { '@type': 'OpeningHoursSpecification', dayOfWeek: 'https://schema.org/Friday', opens: '16:00', closes: '02:00' });
    expect(ld('commerces/boulangerie-du-village-lac-megantic').specialOpeningHoursSpecification).toContainEqual(
      { '@type': 'OpeningHoursSpecification', opens: '00:00', closes: '00:00', validFrom: '2027-06-24', validThrough: '2027-06-24' });
    expect(ld('commerces/eden-resto').specialOpeningHoursSpecification[0]).toMatchObject({ opens: '00:00', closes: '00:00', validFrom: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/) });
  });

  it('tells Netlify the security headers of every page in _headers, from their one home', () => {
    const file = readFileSync(join(out, '_headers'), 'utf8');
    expect(file).toBe(headersFile());
    expect(file).toMatch(/^\/\*\n  Content-Security-Policy: default-src 'self'/);
    expect(file).toContain('/_astro/*\n  Cache-Control: public, max-age=31536000, immutable');
  });

  it('falls back to the description in the other language, marked with its lang', () => {
    const doc = page('commerces/zinc-bar');
    const p = elements(doc, 'p').find((e) => e.attrs.class === 'description')!;
    expect(p.attrs.lang).toBe('en');
    expect(textOf(doc, p)).toBe('Cocktail bar with local spirits.');
  });

  it('marks the merchant’s own links rel="nofollow ugc noopener" and offers share links with a disabled share button', () => {
    const doc = page('commerces/boulangerie-du-village-lac-megantic');
    const social = elements(doc, 'a').filter((a) => a.attrs.href?.startsWith('https://www.instagram.com/'));
    expect(social.map((a) => a.attrs.rel)).toEqual(['nofollow ugc noopener', 'nofollow ugc noopener']); // French and English copies
    const website = elements(doc, 'a').filter((a) => a.attrs.href === 'https://boulangerie-village.example.com/');
    expect(website.map((a) => a.attrs.rel)).toEqual(['nofollow ugc noopener', 'nofollow ugc noopener']);
    const hrefs = elements(doc, 'a').map((a) => a.attrs.href ?? '');
    const url = encodeURIComponent(`${SITE}/commerces/boulangerie-du-village-lac-megantic/`);
    expect(hrefs).toContain(`https://www.facebook.com/sharer/sharer.php?u=${url}`);
    expect(hrefs.some((h) => h.startsWith('https://www.linkedin.com/sharing/share-offsite/?url='))).toBe(true);
    expect(hrefs.some((h) => h.startsWith('https://x.com/intent/post?url='))).toBe(true);
    expect(hrefs.some((h) => h.startsWith('mailto:?subject=Boulangerie%20du%20Village%20sur%20Vitrine&body='))).toBe(true);
    for (const b of elements(doc, 'button').filter((b) => 'data-share-native' in b.attrs || 'data-share-copy' in b.attrs)) {
      expect(b.attrs).toHaveProperty('disabled');
      expect(b.attrs).toHaveProperty('hidden');
    }
  });
});

describe('search', () => {
  it('every page header has a GET search form to the search page of its language', () => {
    for (const [path, action] of [['index.html', '/recherche/'], ['en/index.html', '/en/search/'], ['commerces/zinc-bar', '/recherche/'], ['en/regions/estrie', '/en/search/']]) {
      const doc = page(path);
      const form = elements(doc, 'form').find((f) => f.attrs.class === 'search-form')!;
      expect(form.attrs).toMatchObject({ role: 'search', action, method: 'get' });
      const input = inside(doc, form).find((t): t is Element => 'name' in t && t.name === 'input')!;
      expect(input.attrs).toMatchObject({ name: 'q', id: 'site-search-q' });
      expect(elements(doc, 'label').some((l) => l.attrs.for === 'site-search-q')).toBe(true);
    }
  });

  it('indexes each merchant once in French for the French search page, and once in English for the English one', () => {
    const entry = JSON.parse(readFileSync(join(out, 'pagefind/pagefind-entry.json'), 'utf8'));
    expect(Object.keys(entry.languages)).toEqual(['fr']);
    expect(entry.languages.fr.page_count).toBe(fixture.length);
    const english = JSON.parse(readFileSync(join(out, 'pagefind-en/pagefind-entry.json'), 'utf8'));
    expect(Object.keys(english.languages)).toEqual(['en']);
    expect(english.languages.en.page_count).toBe(fixture.length);
  });

  it('says that search needs JavaScript, with links to the browsable lists, until the script runs', () => {
    const doc = page('recherche');
    const needsJs = elements(doc, 'div').find((d) => 'data-search-needs-js' in d.attrs)!;
    expect(textOf(doc, needsJs)).toContain('La recherche a besoin de JavaScript');
    expect(inside(doc, needsJs).filter((t): t is Element => 'name' in t && t.name === 'a').map((a) => a.attrs.href)).toEqual(['/#categories', '/#regions']);
    expect(elements(doc, 'form').find((f) => 'data-search-form' in f.attrs)!.attrs).toHaveProperty('hidden');
    expect(elements(doc, 'fieldset')[0].attrs).toHaveProperty('disabled');
    for (const id of ['search-q', 'search-category', 'search-region', 'search-city']) {
      expect(elements(doc, 'label').some((l) => l.attrs.for === id), id).toBe(true);
    }
    expect(elements(doc, 'p').find((p) => p.attrs.id === 'search-status')!.attrs['aria-live']).toBe('polite');
  });
});

describe('registration and status pages', () => {
  const within = (doc: ReturnType<typeof page>, el: Element, name: string) =>
    inside(doc, el).filter((t): t is Element => 'name' in t && t.name === name);
  // The hours are a table of time fields (fromForm reads them): two spans a day, the second for a
  // lunch break; a closing earlier than the opening is after midnight.
  const HOURS_FIELDS = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'].flatMap((day) =>
    HOURS_SPAN_SUFFIXES.flatMap((suffix) => [`hours-${day}-opens${suffix}`, `hours-${day}-closes${suffix}`]));
  const FORM_FIELDS = [...REGISTRATION_FIELDS.filter((f) => f !== 'hours'), ...HOURS_FIELDS];

  it('builds the signup and status pages in both languages, linked from every header and footer', () => {
    // The status page is rendered by a function (functions/registration-status-page) into these templates.
    for (const path of ['inscription/index.html', 'en/register/index.html', 'statut/gabarit/index.html', 'en/status/template/index.html']) {
      expect(existsSync(join(out, path)), path).toBe(true);
    }
    for (const [path, href] of [['index.html', '/inscription/'], ['en/index.html', '/en/register/'], ['commerces/zinc-bar', '/inscription/'], ['en/search', '/en/register/']]) {
      const doc = page(path);
      for (const region of ['header', 'footer']) {
        const [el] = elements(doc, region);
        expect(within(doc, el, 'a').map((a) => a.attrs.href), `${path} ${region}`).toContain(href);
      }
    }
    const switchLink = elements(page('inscription'), 'a').find((a) => 'data-language-switch' in a.attrs)!;
    expect(switchLink.attrs.href).toBe('/en/register/');
  });

  it('has a plain POST form to /api/register with every field of the API, each labelled', () => {
    for (const [path, locale] of [['inscription', 'fr'], ['en/register', 'en']] as const) {
      const doc = page(path);
      const forms = elements(doc, 'form').filter((f) => f.attrs.action === '/api/register');
      expect(forms, path).toHaveLength(1);
      const form = forms[0];
      expect(form.attrs.method).toBe('post');
      expect(form.attrs.enctype ?? 'application/x-www-form-urlencoded').toBe('application/x-www-form-urlencoded');
      const controls = inside(doc, form).filter((t): t is Element => 'name' in t && ['input', 'select', 'textarea'].includes(t.name) && 'name' in t.attrs);
      expect([...new Set(controls.map((c) => c.attrs.name))].sort(), path).toEqual([...FORM_FIELDS].sort());
      // Where the business is shown: its town's point unless chosen otherwise; the pin needs the script's map.
      const location = controls.filter((c) => c.attrs.name === 'location');
      expect(location.map((c) => [c.attrs.value, 'checked' in c.attrs, 'disabled' in c.attrs]), path).toEqual([['pin', false, true], ['town', true, false], ['none', false, false]]);
      const labelled = new Set(elements(doc, 'label').map((l) => l.attrs.for));
      for (const c of controls.filter((c) => c.attrs.type !== 'hidden')) {
        expect(labelled.has(c.attrs.id), `${path}: label for ${c.attrs.name}`).toBe(true);
      }
      const byName = Object.fromEntries(controls.map((c) => [c.attrs.name, c]));
      expect(byName.locale.attrs).toMatchObject({ type: 'hidden', value: locale });
      expect(byName.consent.attrs).toMatchObject({ type: 'checkbox' });
      expect(byName.consent.attrs).toHaveProperty('required');
      expect(byName.description.name).toBe('textarea');
      expect(byName.links.name).toBe('textarea');
      for (const name of HOURS_FIELDS) expect(byName[name].attrs, `${path}: ${name}`).toMatchObject({ type: 'time' });
      for (const name of ['name', 'neq', 'category', 'address', 'city', 'postalCode', 'phone', 'email']) {
        expect(byName[name].attrs, `${path}: ${name}`).toHaveProperty('required');
      }
      // The town suggests every municipality, a name two MRCs share with its MRC (which is how the
      // database tells them apart), and the former towns addresses use, labelled with the town.
      const list = elements(doc, 'datalist').find((d) => d.attrs.id === byName.city.attrs.list)!;
      const options = within(doc, list, 'option').map((o) => o.attrs);
      expect(options.map((o) => o.value)).toEqual(expect.arrayContaining(["L'Île-Perrot", 'Percé', "L'Ange-Gardien (Les Collines-de-l'Outaouais)"]));
      expect(options.map((o) => o.value)).not.toContain("L'Ange-Gardien");
      expect(options).toContainEqual({ value: 'Sainte-Foy', label: 'Québec' });
      // Fields are grouped, each group named by its legend.
      expect(elements(doc, 'fieldset').length).toBe(elements(doc, 'legend').length);
      expect(elements(doc, 'fieldset').length).toBeGreaterThanOrEqual(3);
    }
  });

  it('offers the categories the API accepts, named in the page language', () => {
    const options = (path: string) => {
      const doc = page(path);
      const select = elements(doc, 'select').find((s) => s.attrs.name === 'category')!;
      return within(doc, select, 'option').map((o) => [o.attrs.value, textOf(doc, o)]);
    };
    const fr = options('inscription');
    expect(fr[0]).toEqual(['', 'Choisissez une catégorie']);
    expect(fr.slice(1).map(([v]) => v)).toEqual([...CATEGORY_SLUGS]);
    expect(fr[1]).toEqual(['epicerie-alimentation', 'Épicerie et alimentation']);
    expect(options('en/register')[1]).toEqual(['epicerie-alimentation', 'Grocery and food']);
  });

  it('hides the honeypot from people, screen readers, the keyboard and autofill', () => {
    const doc = page('inscription');
    const wrapper = elements(doc, 'div').find((d) => d.attrs.class?.split(' ').includes('honeypot'))!;
    expect(wrapper.attrs['aria-hidden']).toBe('true');
    const [input] = within(doc, wrapper, 'input');
    expect(input.attrs).toMatchObject({ name: 'company', tabindex: '-1', autocomplete: 'off' });
    // Moved off screen by the page's stylesheet (the CSP forbids a style attribute).
    const css = elements(doc, 'link').filter((l) => l.attrs.rel === 'stylesheet').map((l) => readFileSync(join(out, l.attrs.href), 'utf8')).join('\n');
    expect(css).toMatch(/\.honeypot[^{]*\{[^}]*position:\s*absolute/);
  });

  it('has no inline script or style: the behaviour comes from bundled files', () => {
    for (const path of ['inscription', 'en/register', 'statut/gabarit', 'en/status/template', 'moderation', 'en/moderation', 'moderation/outbox', 'en/moderation/outbox']) {
      const doc = page(path);
      expect(elements(doc, 'style'), path).toEqual([]);
      const scripts = elements(doc, 'script');
      expect(scripts.length, path).toBeGreaterThan(0);
      for (const s of scripts) {
        expect(s.attrs.src, path).toMatch(/^\/_astro\/.+\.js$/);
        expect(s.raw, path).toBe('');
      }
      for (const t of doc.tokens) if ('attrs' in t) expect(Object.keys(t.attrs), `${path}: <${t.name}>`).not.toContain('style');
    }
  });

  it('builds the templates functions render their pages into: a slot, the site\'s chrome, not indexed', () => {
    for (const path of ['statut/gabarit', 'en/status/template', 'gabarit', 'en/template']) {
      const html = readFileSync(join(out, path, 'index.html'), 'utf8');
      expect(html, path).toMatch(/<div data-shell-main[^>]*><\/div>/);
      expect(html, path).toContain(`<title>${SHELL_TITLE}</title>`);
      const doc = page(path);
      expect(meta(doc, 'robots')).toBe('noindex');
      expect(elements(doc, 'link').some((l) => l.attrs.rel === 'canonical')).toBe(false);
      expect(elements(doc, 'header').length, path).toBe(1);
    }
  });
});

describe('moderation pages', () => {
  const PAGES = ['moderation', 'en/moderation', 'moderation/outbox', 'en/moderation/outbox'];

  it('are built in both languages, not indexed, and left out of the search index', () => {
    for (const path of PAGES) {
      const doc = page(path);
      expect(meta(doc, 'robots'), path).toBe('noindex');
      expect(elements(doc, 'link').some((l) => l.attrs.rel === 'canonical'), path).toBe(false);
    }
    const index = readdirSync(join(out, 'pagefind')).join(' ');
    expect(index).not.toMatch(/moderation/);
  });

  it('offer the development sign-in when the build has no Supabase settings, and link the console to the outbox', () => {
    for (const [path, label] of [['moderation', 'Jeton d’accès de développement'], ['en/moderation/outbox', 'Development access token']] as const) {
      const doc = page(path);
      expect(elements(doc, 'form').some((f) => 'data-dev-signin' in f.attrs), path).toBe(true);
      expect(elements(doc, 'form').some((f) => 'data-magic-link' in f.attrs), path).toBe(false);
      expect(textOf(doc, elements(doc, 'label').find((l) => l.attrs.for === 'mod-token')!), path).toBe(label);
      expect(elements(doc, 'div').find((d) => 'data-gate' in d.attrs)!.attrs, path).not.toHaveProperty('data-supabase-url');
    }
    const links = elements(page('moderation'), 'a').map((a) => a.attrs);
    expect(links).toContainEqual(expect.objectContaining({ href: '/moderation/outbox/' }));
    expect(links).toContainEqual(expect.objectContaining({ href: '/moderation/', 'aria-current': 'page' }));
    const switchLink = elements(page('en/moderation/outbox'), 'a').find((a) => 'data-language-switch' in a.attrs)!;
    expect(switchLink.attrs.href).toBe('/moderation/outbox/');
  });
});

describe('configuration', () => {
  it('a production build without SITE_URL stops with one sentence naming SITE_URL', () => {
    const result = run(['node_modules/astro/bin/astro.mjs', 'build', '--silent'], buildEnv({
      CONTEXT: 'production', VITRINE_CONTENT_DIR: FIXTURE, VITRINE_OUT_DIR: join(out, 'never'),
    }));
    expect(result.status).not.toBe(0);
    expect(`${result.stdout}${result.stderr}`).toContain('SITE_URL must be set for a production build');
    expect(existsSync(join(out, 'never'))).toBe(false);
  }, 60_000);
});
