// The signup and status pages in Chromium against the real platform (Netlify's local runtime, the
// functions, a fresh database): a business registers with JavaScript on (fetch, inline errors,
// Idempotency-Key) and with JavaScript off (plain form post, 303), then reads its status page.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { asRole } from '../../functions/_shared/as-user.ts';
import { buildSite } from '../../scripts/publish/build-site.ts';
import { launchChromium } from '../../scripts/lib/chromium.ts';
import { startTestPlatform, type TestPlatform } from '../support/platform.ts';
import { seriousViolations } from '../support/axe.ts';
import { fillRegistrationForm } from '../support/registration-form.ts';
import { createTestDatabase, type TestDatabase } from '../support/test-database.ts';

const ROOT = new URL('../../', import.meta.url).pathname;
const FIXTURE = join(ROOT, 'tests/fixtures/content');

describe('registering a business in the browser', () => {
  let db: TestDatabase;
  let work: string;
  let platform: TestPlatform;
  let browser: Browser;
  // Status links follow SITE_URL; the test platform sets it to its own address.
  const previousSiteUrl = process.env.SITE_URL;

  beforeAll(async () => {
    delete process.env.SITE_URL;
    work = mkdtempSync(join(tmpdir(), 'vitrine-register-'));
    const outDir = join(work, 'dist');
    const { CONTEXT: _context, SITE_URL: _site, ...env } = process.env;
    await buildSite({ contentDir: FIXTURE, outDir, quiet: true, env: { ...env, SITE_URL: 'https://vitrine.example' } });
    db = await createTestDatabase();
    platform = await startTestPlatform(db, { outDir });
    browser = await launchChromium();
  }, 240_000);

  afterAll(async () => {
    await browser?.close();
    await platform?.stop();
    await db?.drop();
    if (work) rmSync(work, { recursive: true, force: true });
    if (previousSiteUrl === undefined) delete process.env.SITE_URL;
    else process.env.SITE_URL = previousSiteUrl;
  });

  const count = async (email: string) =>
    (await db.query<{ n: number }>(`select count(*)::int as n from public.proposals where fields ->> 'contact_email' = $1`, [email]))[0]!.n;
  const storedHours = async (email: string) =>
    (await db.query<{ hours: unknown }>(`select fields -> 'opening_hours' as hours from public.proposals where fields ->> 'contact_email' = $1`, [email]))[0]!.hours;

  it('with JavaScript: shows errors beside the fields, then registers once and opens the status page', async () => {
    // axe needs a page opened from a context of its own.
    const context = await browser.newContext();
    const page = await context.newPage();
    try {
      await page.goto(`${platform.url}/inscription/`);

      // An empty form: the summary takes focus and each field says what is wrong.
      await page.click('[data-register-form] button[type="submit"]');
      const summary = page.locator('[data-error-summary]');
      // The first call to a function bundles it: seconds on a small machine.
      await expect.poll(() => summary.isVisible(), { timeout: 15_000 }).toBe(true);
      expect(await summary.evaluate((el) => el === document.activeElement)).toBe(true);
      const name = page.locator('#reg-name');
      expect(await name.getAttribute('aria-invalid')).toBe('true');
      expect((await name.getAttribute('aria-describedby'))?.split(' ')).toContain('reg-name-error');
      expect(await page.locator('#reg-name-error').textContent()).not.toBe('');
      expect(await page.locator('#reg-consent').getAttribute('aria-invalid')).toBe('true');
      expect(await seriousViolations(page)).toEqual([]);
      await summary.locator('a[href="#reg-name"]').click();
      expect(await name.evaluate((el) => el === document.activeElement)).toBe(true);

      const email = 'js@boulangerie-test.example.ca';
      await fillRegistrationForm(page, { name: 'Boulangerie Test JS', neq: '1161 234 567', phone: '(514) 555-0142', email });
      // Opening hours, day by day: a day with an opening time and no closing time is refused.
      await page.fill('#reg-hours-sat-opens', '10:00');
      await page.click('[data-register-form] button[type="submit"]');
      const missing = 'Samedi, fermeture\u00a0: Indiquez aussi cette heure, ou laissez la journée vide si le commerce est fermé.';
      await expect.poll(() => page.locator('#reg-hours-error').textContent(), { timeout: 15_000 }).toBe(missing);
      expect(await page.locator('[data-error-list]').textContent()).toBe(`Heures d’ouverture — ${missing}`);
      // The field in error is Saturday's closing time, and it is what the error describes and the summary focuses.
      const closes = page.locator('#reg-hours-sat-closes');
      expect(await closes.getAttribute('aria-invalid')).toBe('true');
      expect((await closes.getAttribute('aria-describedby'))?.split(' ')).toEqual(['reg-hours-error', 'reg-hours-hint']);
      expect(await page.locator('#reg-hours-mon-opens').getAttribute('aria-invalid')).toBeNull();
      await page.locator('[data-error-list] a').click();
      expect(await closes.evaluate((el) => el === document.activeElement)).toBe(true);
      expect(await count(email)).toBe(0);
      await page.fill('#reg-hours-sat-closes', '17:00');
      await page.fill('#reg-hours-mon-opens', '09:00');
      await page.fill('#reg-hours-mon-closes', '12:00');
      // A lunch break, then an evening past midnight on Friday.
      await page.fill('#reg-hours-mon-opens-2', '13:00');
      await page.fill('#reg-hours-mon-closes-2', '18:30');
      await page.fill('#reg-hours-fri-opens', '17:00');
      await page.fill('#reg-hours-fri-closes', '02:00');
      const requests: Array<Record<string, string>> = [];
      page.on('request', (r) => {
        if (r.url().endsWith('/api/register')) requests.push(r.headers());
      });
      // A double click sends at most one request; the Idempotency-Key makes even a retry one registration.
      await page.dblclick('[data-register-form] button[type="submit"]');
      await page.waitForURL(/\/statut\/\?id=[0-9a-f-]+&token=/);
      expect(requests.length).toBeGreaterThanOrEqual(1);
      expect(requests[0]!['idempotency-key']).toMatch(/^[0-9a-f-]{32,36}$/);
      expect(requests[0]!['accept-language']).toBe('fr');
      expect(requests[0]!['content-type']).toContain('application/json');

      const result = page.locator('[data-result]');
      await expect.poll(() => result.isVisible(), { timeout: 15_000 }).toBe(true);
      expect(await page.locator('[data-row="name"] dd').textContent()).toBe('Boulangerie Test JS');
      expect(await page.locator('[data-row="state"] dd').textContent()).toContain('En attente');
      // The applicant is told that this private address is the way back to the registration.
      expect(await page.locator('[data-result] p', { hasText: 'Gardez l’adresse de cette page' }).isVisible()).toBe(true);
      const checks = await page.locator('[data-checks] li').allTextContents();
      expect(checks.length).toBeGreaterThan(0);
      expect(checks.join('\n')).toMatch(/Code postal — (Réussie|À examiner|Échouée)/);
      expect(await page.locator('[data-row="queue"]').isVisible()).toBe(true);
      expect(await page.locator('[data-row="wait"] dd').textContent()).toBe('Pas assez de décisions récentes pour estimer le délai.');
      // The language switch keeps the private link.
      expect(await page.locator('a[data-language-switch]').getAttribute('href')).toMatch(/\/en\/status\/\?id=.+&token=/);
      expect(await seriousViolations(page)).toEqual([]);
      expect(await count(email)).toBe(1);
      expect(await storedHours(email)).toEqual({ week: { mon: [['09:00', '12:00'], ['13:00', '18:30']], fri: [['17:00', '02:00']], sat: [['10:00', '17:00']] } });
    } finally {
      await context.close();
    }
  }, 60_000);

  it('with JavaScript: a small map of the town opens, the pin moves with the keyboard, and the pin is what is stored', async () => {
    const context = await browser.newContext();
    // No tiles here: the built-in base and the pin must do.
    await context.route((url) => !url.href.startsWith(platform.url), (route) => route.abort());
    const page = await context.newPage();
    try {
      await page.goto(`${platform.url}/inscription/`);
      await fillRegistrationForm(page, { name: 'Quincaillerie du Port', neq: '1161234571', phone: '418 555-0177', email: 'port@example.ca' });
      await page.fill('#reg-city', 'lac megantic');
      await page.locator('#reg-city').press('Tab');
      const pin = page.locator('.map-pin');
      await pin.waitFor();
      expect(await page.locator('input[name="location"]:checked').inputValue()).toBe('town');
      await pin.focus();
      for (let i = 0; i < 3; i++) await page.keyboard.press('Shift+ArrowRight');
      await expect.poll(() => page.locator('[data-pin-note]').textContent()).toMatch(/Point placé à 0,3 km du centre de Lac-Mégantic/);
      expect(await page.locator('input[name="location"]:checked').inputValue()).toBe('pin');
      expect(await seriousViolations(page)).toEqual([]);
      await page.click('[data-register-form] button[type="submit"]');
      await page.waitForURL(/\/statut\/\?id=/);
      const [stored] = await db.query<{ fields: { latitude: number; longitude: number; location_precision: string } }>(
        `select fields from public.proposals where fields ->> 'contact_email' = 'port@example.ca'`);
      const [town] = await db.query<{ latitude: number; longitude: number }>(`select latitude, longitude from public.municipalities where code = '30030'`);
      expect(stored!.fields.location_precision).toBe('pin');
      expect(stored!.fields.latitude).toBeCloseTo(town!.latitude, 3);
      // Three steps of 100 m east.
      expect((stored!.fields.longitude - town!.longitude) * 111.32 * Math.cos((town!.latitude * Math.PI) / 180)).toBeCloseTo(0.3, 1);
    } finally {
      await context.close();
    }
  });

  it('without JavaScript: the plain form post gets a 303 to the status page', async () => {
    const context = await browser.newContext({ javaScriptEnabled: false });
    try {
      const page = await context.newPage();
      await page.goto(`${platform.url}/en/register/`);
      const email = 'nojs@boulangerie-test.example.ca';
      await fillRegistrationForm(page, { name: 'Boulangerie Test No JS', neq: '1171 234 567', phone: '418 555-0143', email });
      await page.fill('#reg-hours-tue-opens', '08:00');
      await page.fill('#reg-hours-tue-closes', '16:00');
      const [response] = await Promise.all([
        page.waitForResponse((r) => r.url().endsWith('/api/register')),
        page.click('[data-register-form] button[type="submit"]'),
      ]);
      expect(response.status()).toBe(303);
      expect(response.headers().location).toMatch(/\/en\/status\/\?id=[0-9a-f-]+&token=/);
      await page.waitForURL(/\/en\/status\/\?id=/);
      // Rendered on the server: the status, each check in words, the place in the queue, in the site's look.
      expect(await page.locator('[data-row="name"] dd').textContent()).toBe('Boulangerie Test No JS');
      expect(await page.locator('[data-row="state"] dd').textContent()).toBe('Pending review');
      expect(await page.locator('[data-row="queue"] dd').textContent()).toMatch(/^\d+$/);
      expect((await page.locator('[data-checks] li').allTextContents()).join('\n')).toMatch(/Postal code — Passed/);
      expect(await page.locator('header a[data-language-switch]').getAttribute('href')).toMatch(/\/statut\/\?id=.+&token=/);
      expect(await page.locator('link[rel="stylesheet"]').count()).toBeGreaterThan(0);
      await page.screenshot({ path: join(tmpdir(), 'vitrine-status-nojs.png'), fullPage: true });
      expect(await count(email)).toBe(1);
      expect(await storedHours(email)).toEqual({ week: { tue: [['08:00', '16:00']] } });

      // A moderator asks for changes: the page shows the form filled in, and it is sent without a script.
      const id = new URL(page.url()).searchParams.get('id')!;
      await asRole(db, 'service_role', {}, (tx) =>
        tx.query(`select public.decide_proposals(array[$1]::uuid[], 'request_changes', 'Please add a description.')`, [id]));
      await page.reload();
      expect(await page.locator('[data-row="reason"] dd').textContent()).toBe('Please add a description.');
      expect(await page.locator('[data-resubmit]').isVisible()).toBe(true);
      expect(await page.inputValue('#fix-name')).toBe('Boulangerie Test No JS');
      expect(await page.inputValue('#fix-hours-tue-opens')).toBe('08:00');
      await page.fill('#fix-description', 'Sourdough and croissants, baked every morning.');
      const [resent] = await Promise.all([
        page.waitForResponse((r) => r.url().endsWith('/api/registration-resubmit')),
        page.click('[data-resubmit-form] button[type="submit"]'),
      ]);
      expect(resent.status()).toBe(303);
      await page.waitForURL(/\/en\/status\/\?id=/);
      expect(await page.locator('[data-row="state"] dd').textContent()).toBe('Pending review');
      expect(await page.locator('[data-row="resubmitted"]').isVisible()).toBe(true);
      const [stored] = await db.query<{ status: string; description: string }>(
        `select status::text, fields ->> 'description_en' as description from public.proposals where id = $1`, [id]);
      expect(stored).toEqual({ status: 'pending', description: 'Sourdough and croissants, baked every morning.' });
      expect(await storedHours(email)).toEqual({ week: { tue: [['08:00', '16:00']] } });
    } finally {
      await context.close();
    }
  }, 90_000);

  it('says that a wrong link is not valid', async () => {
    const page = await browser.newPage();
    try {
      await page.goto(`${platform.url}/en/status/?id=00000000-0000-4000-8000-000000000000&token=nope`);
      expect(await page.locator('.invalid').textContent()).toBe('This link is not valid.');
      expect(await page.locator('[data-result]').count()).toBe(0);
    } finally {
      await page.close();
    }
  }, 30_000);
});
