// The catalogue as shoppers meet it: a 300-merchant demo database exported, built by Astro, indexed
// by Pagefind and served by Netlify's local runtime, then read as files, over HTTP and in Chromium.
import { existsSync, mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import AxeBuilder from '@axe-core/playwright';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildSite } from '../../scripts/publish/build-site.ts';
import { launchChromium } from '../../scripts/lib/chromium.ts';
import { exportCatalogue } from '../../scripts/publish/export-catalogue.ts';
import { seedDemo } from '../../scripts/seed/seed-demo.ts';
import { insertMerchants, merchantRow } from '../support/merchants.ts';
import { startTestPlatform, type TestPlatform } from '../support/platform.ts';
import { createTestDatabase, type TestDatabase } from '../support/test-database.ts';

const SITE_URL = 'https://vitrine.example';
const HOSTILE_NAME = `Chez "Bob" </script><script>alert(1)</script> "}`;
const HOSTILE_DESCRIPTION = `<img src=x onerror=alert(2)> ' " </script><!-- "} ]]>`;

describe('the catalogue site built from 300 demo merchants', () => {
  let db: TestDatabase;
  let outDir: string;
  let platform: TestPlatform;
  let browser: Browser;
  let approved: Array<{ slug: string; name: string; city: string; category_slug: string; contact_email: string; neq: string }>;
  let pending: Array<{ slug: string; contact_email: string }>;
  let hostileSlug: string;
  const file = (...parts: string[]) => readFileSync(join(outDir, ...parts), 'utf8');
  const merchantHtml = (slug: string) => file('commerces', slug, 'index.html');

  beforeAll(async () => {
    db = await createTestDatabase();
    await seedDemo(db, { approved: 300, pending: 30, seed: 7 });
    [{ slug: hostileSlug }] = await insertMerchants(db, [merchantRow({ name: HOSTILE_NAME, description_fr: HOSTILE_DESCRIPTION, description_en: HOSTILE_DESCRIPTION })]);
    await insertMerchants(db, [merchantRow({ name: 'Atelier Nordique', description_fr: 'Raquettes faites à la main.', description_en: 'Handcrafted snowshoes and maple taffy.' })]);
    approved = await db.query(`select slug, name::text, city::text, category_slug, contact_email::text, neq from public.listings where status = 'published'`);
    // Registrations not published, with the address their page would have (when no published listing has it).
    pending = await db.query(`
      select p.slug, p.contact_email from (
        select private.slugify(concat(fields ->> 'name', ' ', fields ->> 'city')) as slug, fields ->> 'contact_email' as contact_email
        from public.proposals where status <> 'approved') p
      where not exists (select 1 from public.listings l where l.slug = p.slug)`);
    const work = mkdtempSync(join(tmpdir(), 'vitrine-site-test-'));
    outDir = join(work, 'dist');
    await exportCatalogue(db, { outDir: join(work, 'content') });
    await buildSite({ contentDir: join(work, 'content'), outDir, quiet: true, env: { ...process.env, SITE_URL } });
    platform = await startTestPlatform(db, { outDir });
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
    await platform?.stop();
    await db?.drop();
  });

  describe('built pages', () => {
    it('has one page per approved merchant and none for pending or refused ones', () => {
      expect(approved.length).toBe(302);
      for (const m of approved) expect(existsSync(join(outDir, 'commerces', m.slug, 'index.html')), m.slug).toBe(true);
      for (const m of pending) expect(existsSync(join(outDir, 'commerces', m.slug)), m.slug).toBe(false);
      expect(existsSync(join(outDir, 'index.html'))).toBe(true);
      expect(existsSync(join(outDir, 'en', 'index.html'))).toBe(true);
      expect(existsSync(join(outDir, '404.html'))).toBe(true);
    });

    it('never contains a private field: no contact e-mail, no NEQ, no pending listing', () => {
      const all = readdirSync(outDir, { recursive: true, encoding: 'utf8' })
        .filter((f) => /\.(html|json|js|xml|txt)$/.test(f))
        .map((f) => readFileSync(join(outDir, f), 'utf8'))
        .join('\n');
      for (const m of [...approved, ...pending]) expect(all.includes(m.contact_email), m.contact_email).toBe(false);
      for (const m of approved) expect(all.includes(m.neq), m.neq).toBe(false);
    });

    it('gives each merchant page absolute canonical, Open Graph and Twitter card tags', () => {
      const m = approved.find((x) => x.slug !== hostileSlug)!;
      const html = merchantHtml(m.slug);
      const url = `${SITE_URL}/commerces/${m.slug}/`;
      expect(html).toContain(`<link rel="canonical" href="${url}"`);
      expect(html).toContain(`<meta property="og:url" content="${url}"`);
      expect(html).toMatch(/<meta property="og:type" content="[a-z.]+"/);
      expect(html).toMatch(new RegExp(`<meta property="og:image" content="${SITE_URL}/[^"]+\\.png"`));
      expect(html).toMatch(/<meta name="twitter:card" content="summary_large_image"/);
      expect(html).toContain('og:title');
      expect(html).toMatch(/<meta name="description" content="[^"]{20,}"/);
    });

    it('describes each merchant as a schema.org LocalBusiness', () => {
      const m = approved.find((x) => x.slug !== hostileSlug)!;
      const [, json] = /<script type="application\/ld\+json">([\s\S]*?)<\/script>/.exec(merchantHtml(m.slug))!;
      const data = JSON.parse(json);
      const business = Array.isArray(data['@graph']) ? data['@graph'].find((n: { '@type': string }) => n['@type'] !== 'BreadcrumbList') : data;
      expect(business.name).toBe(m.name);
      expect(business.address.addressLocality).toBe(m.city);
      expect(business.address.addressRegion).toBe('QC');
    });

    it('keeps merchant text out of the JSON-LD markup: no raw "<" that could close the script element', () => {
      const html = merchantHtml(hostileSlug);
      const jsonLd = [...html.matchAll(/<script type="application\/ld\+json">([\s\S]*?)<\/script>/g)];
      expect(jsonLd).toHaveLength(1);
      expect(jsonLd[0][1]).not.toContain('<');
      expect(JSON.stringify(JSON.parse(jsonLd[0][1]))).toContain(JSON.stringify(HOSTILE_NAME).slice(1, -1));
    });
  });

  describe('served by the platform', () => {
    it('answers /api/* with the functions, never with a page', async () => {
      const health = await fetch(`${platform.url}/api/health`);
      expect(health.headers.get('content-type')).toMatch(/application\/json/);
      expect(await health.json()).toMatchObject({ status: 'ok', approvedMerchants: 302 });
      const unknown = await fetch(`${platform.url}/api/does-not-exist`);
      expect(unknown.status).toBe(404);
    });

    it('answers an unknown page with the 404 page', async () => {
      const response = await fetch(`${platform.url}/commerces/nexiste-pas/`);
      expect(response.status).toBe(404);
      expect(await response.text()).toMatch(/<html lang="fr"/);
    });

    it('answers an unknown English address with the same page, which speaks English too', async () => {
      const response = await fetch(`${platform.url}/en/businesses/does-not-exist/`);
      expect(response.status).toBe(404);
      const html = await response.text();
      expect(html).toMatch(/<div lang="en">.*Page not found/s);
      expect(html).toContain('href="/en/search/"');
    });

    it('keeps a merchant page under 50 KB compressed (HTML, CSS and JS) before any map', async () => {
      const page = await browser.newPage();
      const sizes: Array<Promise<number>> = [];
      page.on('response', (response) => {
        const type = response.request().resourceType();
        if (['document', 'stylesheet', 'script'].includes(type)) sizes.push(response.body().then((b) => gzipSync(b).length));
      });
      await page.goto(`${platform.url}/commerces/${approved[0].slug}/`, { waitUntil: 'networkidle' });
      const total = (await Promise.all(sizes)).reduce((a, b) => a + b, 0);
      expect(total).toBeGreaterThan(1000);
      expect(total).toBeLessThanOrEqual(50 * 1024);
      await page.close();
    });
  });

  describe('in the browser', () => {
    let page: Page;
    beforeAll(async () => {
      page = await (await browser.newContext()).newPage();
    });

    it('shows merchant text as text in the page, the meta tags and the JSON-LD, and runs none of it', async () => {
      const dialogs: string[] = [];
      page.on('dialog', (dialog) => (dialogs.push(dialog.message()), dialog.dismiss()));
      await page.goto(`${platform.url}/commerces/${hostileSlug}/`, { waitUntil: 'networkidle' });
      const seen = await page.evaluate(() => ({
        h1: document.querySelector('h1')?.textContent,
        description: document.querySelector('.description, [itemprop=description], article p')?.textContent ?? '',
        ogTitle: document.querySelector('meta[property="og:title"]')?.getAttribute('content'),
        metaDescription: document.querySelector('meta[name="description"]')?.getAttribute('content'),
        inlineScripts: [...document.querySelectorAll('script:not([src])')].map((s) => s.getAttribute('type')),
        images: document.querySelectorAll('main img[src="x"]').length,
        jsonLd: JSON.parse(document.querySelector('script[type="application/ld+json"]')!.textContent!),
      }));
      expect(seen.h1).toBe(HOSTILE_NAME);
      expect(seen.ogTitle).toContain(HOSTILE_NAME);
      expect(seen.metaDescription).toContain(HOSTILE_DESCRIPTION.slice(0, 30));
      expect(seen.inlineScripts).toEqual(['application/ld+json']);
      expect(seen.images).toBe(0);
      expect(JSON.stringify(seen.jsonLd)).toContain(JSON.stringify(HOSTILE_NAME).slice(1, -1));
      await page.waitForTimeout(300);
      expect(dialogs).toEqual([]);
    });

    it('finds merchants of Lac-Mégantic when the shopper types "megantic", filters by category and opens a merchant', async () => {
      await page.goto(`${platform.url}/`);
      const box = page.locator('header form[role=search] input[name=q]:visible');
      await box.fill('megantic');
      await box.press('Enter');
      await page.waitForURL(/\/recherche\/\?q=megantic/);
      const results = page.locator('#search-results li');
      await results.first().waitFor();
      const inTown = approved.filter((m) => m.city === 'Lac-Mégantic');
      expect(inTown.length).toBeGreaterThan(0);
      expect(await results.count()).toBeGreaterThanOrEqual(inTown.length);
      const texts = await results.allTextContents();
      for (const m of inTown) expect(texts.some((t) => t.includes(m.name)), m.name).toBe(true);

      const category = inTown[0].category_slug;
      const expectedCount = inTown.filter((m) => m.category_slug === category).length;
      const [{ name_fr: categoryName }] = await db.query<{ name_fr: string }>('select name_fr from public.categories where slug = $1', [category]);
      const options = await page.locator('#search-category option').evaluateAll((all) => all.map((o) => (o as HTMLOptionElement).value));
      expect(options).toContain(categoryName);
      // Each option counts what it would find with this query, not in the whole catalogue.
      const option = page.locator('#search-category option', { hasText: categoryName });
      await expect.poll(() => option.textContent()).toMatch(new RegExp(`\\(${expectedCount}\\)$`));
      await page.selectOption('#search-category', categoryName);
      await page.waitForURL(/category=/);
      await page.waitForFunction((n) => document.querySelectorAll('#search-results li').length === n, expectedCount);
      await expect.poll(() => page.locator('#search-status').textContent()).toMatch(/\d/);

      await results.first().locator('a').first().click();
      await page.waitForURL(/\/commerces\//);
      expect(await page.locator('h1:visible').textContent()).toBeTruthy();
    });

    it('searches in English and opens the English interface of the merchant page, then switches back to French', async () => {
      const m = approved.find((x) => x.city === 'Lac-Mégantic')!;
      await page.goto(`${platform.url}/en/search/?q=megantic`);
      const link = page.locator('#search-results li a', { hasText: m.name }).first();
      await link.waitFor();
      expect(await link.getAttribute('href')).toBe(`/commerces/${m.slug}/?lang=en`);
      // Filter labels are in English; their values are the index's (French) names.
      const [{ name_en: categoryEn }] = await db.query<{ name_en: string }>('select name_en from public.categories where slug = $1', [m.category_slug]);
      const labels = await page.locator('#search-category option').allTextContents();
      expect(labels.some((l) => l.startsWith(`${categoryEn} (`))).toBe(true);

      await link.click();
      await page.waitForURL(`**/commerces/${m.slug}/?lang=en`);
      expect(await page.evaluate(() => document.documentElement.lang)).toBe('en');
      expect(await page.title()).toBe(`${m.name} — Lac-Mégantic | Vitrine`);
      expect(await page.locator('h2:visible', { hasText: 'Opening hours' }).count()).toBe(1);
      expect(await page.locator('h2:visible', { hasText: 'Heures d’ouverture' }).count()).toBe(0);
      await page.locator('a[data-language-switch]:visible').click();
      await page.waitForURL(`**/commerces/${m.slug}/`);
      expect(await page.evaluate(() => document.documentElement.lang)).toBe('fr');
      expect(await page.locator('h2:visible', { hasText: 'Heures d’ouverture' }).count()).toBe(1);
    });

    it('finds a "Saint-" town written the short way, and a region by its English name', async () => {
      // The town with the fewest merchants among the "Saint-" ones, so that they all show on one page.
      const [{ city }] = await db.query<{ city: string }>(
        `select city::text from public.listings where status = 'published' and city like 'Saint-%' group by city order by count(*), city limit 1`,
      );
      const short = city.replace(/^Saint-/, 'st-').normalize('NFD').replace(/\p{Diacritic}/gu, '').toLowerCase();
      await page.goto(`${platform.url}/recherche/?q=${encodeURIComponent(short)}`);
      await page.locator('#search-results li').first().waitFor();
      const texts = await page.locator('#search-results li').allTextContents();
      for (const m of approved.filter((x) => x.city === city)) expect(texts.some((t) => t.includes(m.name)), `${short}: ${m.name}`).toBe(true);

      const [{ count }] = await db.query<{ count: number }>(
        `select count(*)::int as count from public.listings m join public.regions r on r.code = m.region_code where m.status = 'published' and r.slug = 'estrie'`,
      );
      expect(count).toBeGreaterThan(0);
      await page.goto(`${platform.url}/en/search/?q=eastern%20townships`);
      await expect.poll(() => page.locator('#search-status').textContent(), { timeout: 15_000 }).toMatch(new RegExp(`\\b${count}\\b`));
    });

    it('finds the shops of a postal area by its first three characters, and of a town by a former name', async () => {
      const [{ fsa, n }] = await db.query<{ fsa: string; n: number }>(
        `select left(postal_code, 3) as fsa, count(*)::int as n from public.listings where status = 'published' group by 1 order by 2 desc, 1 limit 1`);
      await page.goto(`${platform.url}/recherche/?q=${fsa}`);
      await expect.poll(() => page.locator('#search-status').textContent(), { timeout: 15_000 }).toMatch(new RegExp(`\\b${n}\\b`));
      const [former] = await db.query<{ alias: string; n: number }>(
        `select a.alias, count(*)::int as n from public.listings l join public.municipality_aliases a on a.municipality_code = l.municipality_code
         where l.status = 'published' group by a.alias order by 2 desc, 1 limit 1`);
      expect(former, 'the demo data has shops in a town with a former name').toBeDefined();
      await page.goto(`${platform.url}/recherche/?q=${encodeURIComponent(former!.alias)}`);
      await page.locator('#search-results li').first().waitFor();
      const shown = Number((await page.locator('#search-status').textContent())!.replace(/\D/g, ''));
      expect(shown).toBeGreaterThanOrEqual(former!.n);
    });

    it('offers in the town menu only the towns of the region chosen', async () => {
      await page.goto(`${platform.url}/recherche/?region=${encodeURIComponent('Estrie')}`);
      const towns = await db.query<{ city: string }>(
        `select distinct l.city::text as city from public.listings l where l.status = 'published' and l.region_code = '05' order by 1`);
      expect(towns.length).toBeGreaterThan(0);
      await expect.poll(async () => (await page.locator('#search-city option:not([hidden]):not([value=""])').evaluateAll(
        (all) => all.map((o) => (o as HTMLOptionElement).value))).sort()).toEqual(towns.map((t) => t.city).sort());
    });

    it('keeps, among the results it has loaded, only the shops open now on each shop’s clock', async () => {
      const clocked = await (await browser.newContext()).newPage();
      // Saturday 5 December 2026, 22:30 in Montréal.
      await clocked.clock.setFixedTime(new Date('2026-12-06T03:30:00Z'));
      await clocked.goto(`${platform.url}/recherche/?category=${encodeURIComponent('Boulangerie et pâtisserie')}`);
      await clocked.locator('#search-results li').first().waitFor();
      const loaded = await clocked.locator('#search-results li').count();
      await clocked.locator('#search-open').check();
      const open = await clocked.locator('#search-results li:not([hidden])').count();
      // Bakeries at 22:30 on a Saturday: most are closed.
      expect(open).toBeLessThan(loaded);
      expect(await clocked.locator('[data-open-note]').textContent()).toBe(`${open} ouverts maintenant parmi les ${loaded} résultats affichés.`);
      for (const li of await clocked.locator('#search-results li[hidden]').all()) expect(await li.getAttribute('data-open')).toBe('false');
      await clocked.locator('#search-open').uncheck();
      expect(await clocked.locator('#search-results li:not([hidden])').count()).toBe(loaded);
      await clocked.close();
    });

    it('finds English descriptions by English words on the English search page (its own index)', async () => {
      await page.goto(`${platform.url}/en/search/?q=snowshoes`);
      const hit = page.locator('#search-results li a', { hasText: 'Atelier Nordique' });
      await hit.first().waitFor();
      expect(await hit.first().getAttribute('href')).toMatch(/\/commerces\/atelier-nordique[^/]*\/\?lang=en$/);
      // The French index holds the French description.
      await page.goto(`${platform.url}/recherche/?q=raquettes`);
      await page.locator('#search-results li a', { hasText: 'Atelier Nordique' }).first().waitFor();
    });

    it('says so when nothing matches', async () => {
      await page.goto(`${platform.url}/recherche/?q=zzzzqxj`);
      await expect.poll(() => page.locator('#search-status').textContent(), { timeout: 15_000 }).toMatch(/Aucun/);
      expect(await page.locator('#search-results li').count()).toBe(0);
    });

    it.each([
      ['home', '/'],
      ['English home', '/en/'],
      ['category', () => `/categories/${approved[0].category_slug}/`],
      ['region', '/regions/montreal/'],
      ['merchant', () => `/commerces/${approved[0].slug}/`],
      ['English merchant', () => `/commerces/${approved[0].slug}/?lang=en`],
      ['search', '/recherche/?q=boulangerie'],
    ])('has no serious accessibility violation on the %s page', async (_name, path) => {
      await page.goto(`${platform.url}${typeof path === 'function' ? path() : path}`, { waitUntil: 'networkidle' });
      const { violations } = await new AxeBuilder({ page }).analyze();
      const serious = violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
      expect(serious.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
    });
  });
});
