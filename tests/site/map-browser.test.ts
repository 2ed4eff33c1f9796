// The map as shoppers meet it: a demo catalogue built and served, opened in Chromium with every
// outside request (map tiles) aborted, so the built-in base, the markers and the list must do.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium } from '../../scripts/lib/chromium.ts';
import { buildSite } from '../../scripts/publish/build-site.ts';
import { exportCatalogue } from '../../scripts/publish/export-catalogue.ts';
import { seedDemo } from '../../scripts/seed/seed-demo.ts';
import { isOpenAt } from '../../src/lib/open-now.ts';
import type { OpeningHours } from '../../src/lib/opening-hours.ts';
import { seriousViolations } from '../support/axe.ts';
import { insertMerchants, merchantRow } from '../support/merchants.ts';
import { startTestPlatform, type TestPlatform } from '../support/platform.ts';
import { createTestDatabase, type TestDatabase } from '../support/test-database.ts';

const HOSTILE_NAME = `Chez <script>window.__pwned = 1</script> <img src=x onerror="window.__pwned = 2">`;
// Saturday 5 December 2026, 22:30 in Trois-Rivières (EST): 03:30 UTC on Sunday.
const SATURDAY_NIGHT = new Date('2026-12-06T03:30:00Z');

type Town = { code: string; name: string; region_code: string; latitude: number; longitude: number };

describe('the map of approved merchants', () => {
  let db: TestDatabase;
  let platform: TestPlatform;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  let trois: Town;
  let tadoussac: Town;

  beforeAll(async () => {
    db = await createTestDatabase();
    await seedDemo(db, { approved: 300, pending: 0, seed: 11 });
    const town = async (name: string) => (await db.query<Town>('select code, name, region_code, latitude, longitude from public.municipalities where name = $1', [name]))[0]!;
    [trois, tadoussac] = [await town('Trois-Rivières'), await town('Tadoussac')];
    const at = (t: Town, extra: Record<string, unknown>) => merchantRow({ city: t.name, municipality_code: t.code, region_code: t.region_code, ...extra });
    await insertMerchants(db, [
      // A bar open past midnight, a few hundred metres from the town's centre.
      at(trois, {
        name: 'Bar de nuit Le Zinc', category_slug: 'bieres-vins-spiritueux', postal_code: 'G9A 1A1', latitude: 46.3465, longitude: -72.5445,
        opening_hours: { week: { fri: [['17:00', '02:00']], sat: [['17:00', '03:00']] } },
      }),
      at(trois, {
        name: 'Boulangerie du matin', postal_code: 'G9A 1A2', latitude: 46.3440, longitude: -72.5500,
        opening_hours: { week: { sat: [['07:00', '12:00']] } },
      }),
      // Two shops run from home: shown at the town's point, and both reachable from it.
      at(tadoussac, { name: HOSTILE_NAME, postal_code: 'G0T 2A0', latitude: tadoussac.latitude, longitude: tadoussac.longitude, location_precision: 'town' }),
      at(tadoussac, { name: 'Atelier des Dunes', postal_code: 'G0T 2A0', latitude: tadoussac.latitude, longitude: tadoussac.longitude, location_precision: 'town' }),
      // Delivers only: listed, never on the map.
      at(trois, { name: 'Paniers livrés', postal_code: 'G9A 1A3', latitude: null, longitude: null, location_precision: 'none' }),
    ]);
    const work = mkdtempSync(join(tmpdir(), 'vitrine-map-test-'));
    const outDir = join(work, 'dist');
    await exportCatalogue(db, { outDir: join(work, 'content') });
    await buildSite({ contentDir: join(work, 'content'), outDir, quiet: true, env: { ...process.env, SITE_URL: 'https://vitrine.example' } });
    platform = await startTestPlatform(db, { outDir });
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
    await platform?.stop();
    await db?.drop();
  });

  beforeAll(async () => {
    context = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'fr-CA', timezoneId: 'America/Toronto' });
    // No tile server, no outside call of any kind: the map must work on what the site serves.
    await context.route((url) => !url.href.startsWith(platform.url), (route) => route.abort());
  });
  const open = async (query = '') => {
    page = await context.newPage();
    await page.goto(`${platform.url}/carte/${query}`);
    await page.locator('vitrine-map[data-ready]').waitFor();
    await expect.poll(() => page.locator('[data-map-status]').textContent()).toMatch(/dans cette vue/);
    return page;
  };
  /** The counts the map shows: each cluster's number, and 1 for each single shop. */
  const shownCount = async () => {
    const clusters = await page.locator('.map-cluster').allTextContents();
    return clusters.reduce((n, text) => n + Number(text.replace(/\D/g, '')), 0) + (await page.locator('.map-point').count());
  };
  const onMap = async (where = "location_precision <> 'none'") =>
    (await db.query<{ n: number }>(`select count(*)::int as n from public.listings where status = 'published' and ${where}`))[0]!.n;

  it('draws clusters whose counts add up to every approved merchant with a point, with tiles blocked', async () => {
    await open('?lat=52&lng=-70&z=4');
    await expect.poll(shownCount).toBe(await onMap());
    expect(await page.locator('.leaflet-tile-loaded').count()).toBe(0);
    // The built-in base: region names from the municipality reference.
    await expect.poll(() => page.locator('.map-region-label').count()).toBeGreaterThanOrEqual(17);
  });

  it('filters by category, keeping the filter in the address, and Back undoes it', async () => {
    await open('?lat=52&lng=-70&z=4');
    await page.locator('#map-category').selectOption('bieres-vins-spiritueux');
    await expect.poll(shownCount).toBe(await onMap(`location_precision <> 'none' and category_slug = 'bieres-vins-spiritueux'`));
    expect(new URL(page.url()).searchParams.get('categorie')).toBe('bieres-vins-spiritueux');
    await page.goBack();
    await expect.poll(shownCount).toBe(await onMap());
    expect(await page.locator('#map-category').inputValue()).toBe('');
  });

  it('lists shops near the shopper nearest first, the nearest in their town, without sending the position anywhere', async () => {
    const requests: string[] = [];
    await context.grantPermissions(['geolocation'], { origin: platform.url });
    await context.setGeolocation({ latitude: 46.3452, longitude: -72.5480 });
    await open();
    page.on('request', (r) => requests.push(r.url()));
    await page.getByRole('button', { name: 'Autour de moi' }).click();
    await expect.poll(() => page.locator('[data-list-order]').textContent()).toMatch(/de vous/);
    const details = await page.locator('[data-map-list] li .map-entry-details').allTextContents();
    expect(details[0]).toMatch(/^Trois-Rivières/);
    const km = details.map((d) => Number(/([\d,]+) km/.exec(d)![1]!.replace(',', '.')));
    expect(km).toEqual([...km].sort((a, b) => a - b));
    // The address keeps the view to about a kilometre, and no request carries the position.
    expect(new URL(page.url()).searchParams.get('lat')).toBe('46.350');
    for (const url of requests) expect(url).not.toMatch(/46\.345|72\.548/);
  });

  it('finds a town typed without accents or with St-, and a postal area by its first three characters', async () => {
    await open();
    for (const [typed, town] of [['trois rivieres', 'Trois-Rivières'], ['st-georges', 'Saint-Georges']] as const) {
      await page.locator('#map-near').fill(typed);
      await page.locator('#map-near').press('Enter');
      const [{ latitude, longitude }] = await db.query<Town>('select latitude, longitude from public.municipalities where name = $1', [town]);
      // The address follows once the places are loaded and the map has moved.
      const away = () => {
        const url = new URL(page.url());
        return Math.max(Math.abs(Number(url.searchParams.get('lat')) - latitude), Math.abs(Number(url.searchParams.get('lng')) - longitude));
      };
      await expect.poll(away).toBeLessThan(0.01);
      // The list's distances are from the town typed, and it says so (the test's demo has shops in Trois-Rivières).
      if (town === 'Trois-Rivières') await expect.poll(() => page.locator('[data-list-order]').textContent()).toBe(`Du plus proche au plus loin de ${town}.`);
    }
    await page.locator('#map-near').fill('g9a');
    await page.locator('#map-near').press('Enter');
    await expect.poll(() => new URL(page.url()).searchParams.get('lat')).toMatch(/^46\.3/);
    await expect.poll(() => page.locator('[data-map-list] li a').allTextContents()).toContain('Bar de nuit Le Zinc');
  });

  it('keeps only the shops open on Saturday at 22:30, overnight bars included, computed on the shop’s clock', async () => {
    page = await context.newPage();
    await page.clock.setFixedTime(SATURDAY_NIGHT);
    await page.goto(`${platform.url}/carte/?lat=52&lng=-70&z=4`);
    await page.locator('vitrine-map[data-ready]').waitFor();
    await page.locator('#map-open').check();
    const merchants = await db.query<{ opening_hours: OpeningHours; time_zone: string }>(
      `select opening_hours, time_zone from public.catalogue where location_precision <> 'none'`);
    const openThen = merchants.filter((m) => isOpenAt(m.opening_hours, m.time_zone, SATURDAY_NIGHT)).length;
    expect(openThen).toBeGreaterThan(0);
    expect(openThen).toBeLessThan(merchants.length);
    await expect.poll(shownCount).toBe(openThen);
    await page.goto(`${platform.url}/carte/?lat=46.345&lng=-72.547&z=15&ouvert=1`);
    await page.locator('vitrine-map[data-ready]').waitFor();
    await expect.poll(() => page.locator('[data-map-list] li a').allTextContents()).toContain('Bar de nuit Le Zinc');
    expect(await page.locator('[data-map-list] li a').allTextContents()).not.toContain('Boulangerie du matin');
  });

  it('reaches every shop sharing one point from it, and shows a hostile name as text in the popup and the list', async () => {
    await open(`?lat=${tadoussac.latitude}&lng=${tadoussac.longitude}&z=17`);
    const cluster = page.locator('.map-cluster', { hasText: /^2$/ });
    await cluster.focus();
    await page.keyboard.press('Enter');
    const popup = page.locator('.leaflet-popup-content');
    await expect.poll(() => popup.locator('a').allTextContents()).toEqual(expect.arrayContaining([HOSTILE_NAME, 'Atelier des Dunes']));
    expect(await popup.textContent()).toContain('emplacement approximatif');
    expect(await page.locator('[data-map-list] li a').allTextContents()).toContain(HOSTILE_NAME);
    expect(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
    expect(await page.locator('.leaflet-popup-content script, [data-map-list] script, [data-map-list] img').count()).toBe(0);
  });

  it('never lists a delivery-only shop on the map, and says how many there are', async () => {
    await open(`?lat=${trois.latitude}&lng=${trois.longitude}&z=14`);
    expect(await page.locator('[data-map-list] li a').allTextContents()).not.toContain('Paniers livrés');
    expect(await page.locator('.list').textContent()).toMatch(/livrent seulement/);
  });

  it('has no serious accessibility violation, and its English twin speaks English', async () => {
    await open();
    expect(await seriousViolations(page)).toEqual([]);
    page = await context.newPage();
    await page.goto(`${platform.url}/en/map/`);
    await page.locator('vitrine-map[data-ready]').waitFor();
    await expect.poll(() => page.locator('[data-map-status]').textContent()).toMatch(/in this view/);
    expect(await seriousViolations(page)).toEqual([]);
  });

  describe('a merchant page', () => {
    const slugOf = async (name: string) => (await db.query<{ slug: string }>('select slug from public.listings where name = $1', [name]))[0]!.slug;

    it('says whether the shop is open now on the shop’s clock, and marks today’s row; the built page claims nothing', async () => {
      const slug = await slugOf('Bar de nuit Le Zinc');
      const html = await (await fetch(`${platform.url}/commerces/${slug}/`)).text();
      // The line is empty and hidden in the built page: only the browser knows what time it is.
      expect(html).toMatch(/<p class="open-now" data-open-now hidden[^>]*><\/p>/);
      page = await context.newPage();
      await page.clock.setFixedTime(SATURDAY_NIGHT);
      await page.goto(`${platform.url}/commerces/${slug}/`);
      await expect.poll(() => page.locator('[data-ui="fr"] [data-open-now]').textContent()).toBe('Ouvert maintenant · ferme à 3 h');
      expect(await page.locator('[data-ui="fr"] tr.today th').textContent()).toBe('Samedi');
      await page.goto(`${platform.url}/commerces/${await slugOf('Boulangerie du matin')}/?lang=en`);
      await expect.poll(() => page.locator('[data-ui="en"] [data-open-now]').textContent()).toBe('Closed · opens Saturday at 7 a.m.');
    });

    it('loads its map only when scrolled to, lists nearby shops from the map data, and gives directions to its address', async () => {
      const slug = await slugOf('Bar de nuit Le Zinc');
      page = await context.newPage();
      await page.setViewportSize({ width: 1280, height: 500 });
      const requests: string[] = [];
      page.on('request', (r) => requests.push(r.url()));
      await page.goto(`${platform.url}/commerces/${slug}/`, { waitUntil: 'networkidle' });
      expect(requests.filter((u) => u.includes('/carte/'))).toEqual([]);
      expect(await page.locator('.leaflet-container').count()).toBe(0);
      const directions = page.locator('[data-ui="fr"] a.directions');
      expect(await directions.getAttribute('href')).toContain(encodeURIComponent('Trois-Rivières, QC, G9A 1A1'));
      await page.locator('[data-ui="fr"] [data-shop-map]').scrollIntoViewIfNeeded();
      await page.locator('[data-ui="fr"] [data-shop-map][data-ready]').waitFor();
      await expect.poll(() => page.locator('[data-ui="fr"] [data-nearby] li').count()).toBe(5);
      const nearby = await page.locator('[data-ui="fr"] [data-nearby] li a').allTextContents();
      expect(nearby).not.toContain('Bar de nuit Le Zinc');
      const km = (await page.locator('[data-ui="fr"] [data-nearby] li').allTextContents()).map((t) => Number(/([\d,]+) km/.exec(t)![1]!.replace(',', '.')));
      expect(km).toEqual([...km].sort((a, b) => a - b));
      expect(km[0]).toBeLessThan(1);
      expect(requests.some((u) => u.includes('/carte/donnees/points-'))).toBe(true);
      expect(await seriousViolations(page)).toEqual([]);
    });

    it('opens the phone’s map application from Directions on Android', async () => {
      const android = await browser.newContext({ userAgent: 'Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0 Mobile Safari/537.36' });
      await android.route((url) => !url.href.startsWith(platform.url), (route) => route.abort());
      const phone = await android.newPage();
      await phone.goto(`${platform.url}/commerces/${await slugOf('Bar de nuit Le Zinc')}/`);
      await expect.poll(() => phone.locator('[data-ui="fr"] a.directions').getAttribute('href')).toMatch(/^geo:0,0\?q=.*Trois-Rivi%C3%A8res/);
      await android.close();
    });

    it('loads no map code for a delivery-only shop, and says it has no point', async () => {
      page = await context.newPage();
      const scripts: string[] = [];
      page.on('request', (r) => r.resourceType() === 'script' && scripts.push(r.url()));
      await page.goto(`${platform.url}/commerces/${await slugOf('Paniers livrés')}/`, { waitUntil: 'networkidle' });
      expect(await page.locator('[data-ui="fr"] .where').textContent()).toMatch(/livre seulement/);
      expect(await page.locator('[data-shop-map]').count()).toBe(0);
      const code = await Promise.all(scripts.map(async (u) => (await fetch(u)).text()));
      for (const text of code) expect(text).not.toMatch(/shop-map|IntersectionObserver/);
    });
  });

  it('writes its data compact, content-hashed and cached for good', async () => {
    const manifest = await (await fetch(`${platform.url}/carte/manifeste.json`)).json();
    expect(manifest.points).toMatch(/^\/carte\/donnees\/points-[0-9a-f]{12}\.bin$/);
    const response = await fetch(`${platform.url}${manifest.points}`);
    expect(response.headers.get('cache-control')).toContain('immutable');
    const bytes = new Uint8Array(await response.arrayBuffer());
    // Gzipped already, about 5 bytes a shop at this size (most of it the header's hours).
    expect([bytes[0], bytes[1]]).toEqual([0x1f, 0x8b]);
    expect(bytes.length).toBeLessThan(manifest.count * 40);
  });
});
