// The moderators' console in Chromium against the real platform (Netlify's local runtime, the
// functions, a fresh database, and the rebuilder `npm start` runs): a business registers through
// /inscription, a moderator signs in with a development token, finds it in the queue with its checks,
// approves it with the keyboard, and after the background rebuild its page exists and the search
// finds it. Also: reject with a reason template by keyboard, duplicates side by side, bulk approval
// with a stated count, the outbox, 401/403 sign-in messages, and no serious axe finding.
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { t } from '../../src/i18n/index.ts';
import { launchChromium } from '../../scripts/lib/chromium.ts';
import { signDevToken } from '../../scripts/local/dev-token.ts';
import { registerDirectly } from '../support/api.ts';
import { seriousViolations } from '../support/axe.ts';
import { insertMerchants, merchantRow } from '../support/merchants.ts';
import { startBuiltPlatform, type TestPlatform } from '../support/platform.ts';
import { fillRegistrationForm } from '../support/registration-form.ts';
import { createTestDatabase, databaseKinds, type TestDatabase } from '../support/test-database.ts';

// Handlers read these when each request starts; this file owns them while its platform runs.
const ENV = ['VITRINE_DEV_JWT_SECRET', 'SUPABASE_URL', 'SUPABASE_JWT_SECRET', 'SITE_URL', 'CONTEXT'] as const;
const REBUILD_TIMEOUT = 240_000;
// Netlify's local runtime bundles a function on its first call: a few seconds on a small machine.
const until = <T>(value: () => T | Promise<T>) => expect.poll(value, { timeout: 20_000, interval: 100 });

describe.each(databaseKinds())('the moderation console on %s', (kind) => {
  let db: TestDatabase;
  let work: string;
  let platform: TestPlatform;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  let secret: string;
  let moderatorToken: string;
  let statusUrl: string;
  const saved = Object.fromEntries(ENV.map((name) => [name, process.env[name]]));
  const names = { browser: 'Fromagerie du Plateau', reject: 'Atelier à refuser', duplicate: 'Boulangerie Côté', extra: 'Extra approuvable' };
  const ids: Record<string, string> = {};

  /** A moderator's API call over HTTP, to check what the console did without touching the database. */
  const api = async <T>(path: string): Promise<T> =>
    (await fetch(`${platform.url}/api/moderation/${path}`, { headers: { authorization: `Bearer ${moderatorToken}` } })).json() as Promise<T>;
  const options = () => page.locator('[data-queue] [role="option"]');
  const selectedName = () => page.locator('[data-queue] [aria-selected="true"] .option-name').textContent();
  const announced = () => page.locator('[data-announce]').textContent();
  const selectByName = async (name: string) => {
    await page.locator('[data-queue] [role="option"]', { hasText: name }).click();
    await until(selectedName).toBe(name);
  };

  beforeAll(async () => {
    for (const name of ENV) delete process.env[name];
    secret = randomBytes(32).toString('hex');
    process.env.VITRINE_DEV_JWT_SECRET = secret;
    moderatorToken = await signDevToken({ role: 'moderator', email: 'modo@example.org' }, secret);

    work = mkdtempSync(join(tmpdir(), 'vitrine-moderation-'));
    db = await createTestDatabase(kind);
    // A small published catalogue: one listing that a later registration duplicates.
    await insertMerchants(db, [
      merchantRow({ name: 'Boulangerie Côté', city: 'Lac-Mégantic', phone: '+18195550199' }),
      merchantRow({ name: 'Quincaillerie du Lac', neq: '1169990001' }),
    ]);
    platform = await startBuiltPlatform(db, work);
    browser = await launchChromium();
    context = await browser.newContext();
    page = await context.newPage();
  }, 300_000);

  afterAll(async () => {
    await context?.close();
    await browser?.close();
    await platform?.stop();
    await db?.drop();
    if (work) rmSync(work, { recursive: true, force: true });
    for (const name of ENV) {
      if (saved[name] === undefined) delete process.env[name];
      else process.env[name] = saved[name];
    }
  }, 300_000);

  it('a business registers through /inscription, and others are waiting', async () => {
    await page.goto(`${platform.url}/inscription/`);
    await fillRegistrationForm(page, { name: names.browser, neq: '1161 777 001', phone: '(514) 555-0177', email: 'plateau@fromagerie.example.ca', website: 'fromagerie-plateau.example.ca' });
    await page.click('[data-register-form] button[type="submit"]');
    await page.waitForURL(/\/statut\/\?id=[0-9a-f-]+&token=/);
    ids.browser = new URL(page.url()).searchParams.get('id')!;
    statusUrl = page.url();
    await until(() => page.locator('[data-result]').isVisible()).toBe(true);

    // Registered after it, so they come after it in the queue (oldest first).
    ids.reject = (await registerDirectly(db, { name: names.reject })).id;
    ids.duplicate = (await registerDirectly(db, { name: names.duplicate, phone: '819 555-0199' })).id;
    ids.extra1 = (await registerDirectly(db, { name: `${names.extra} 1` })).id;
    ids.extra2 = (await registerDirectly(db, { name: `${names.extra} 2` })).id;
  }, 60_000);

  it('signs in from the #token link, then forgets the token from the address bar', async () => {
    await page.goto(`${platform.url}/moderation/#token=${moderatorToken}`);
    await until(() => options().count()).toBe(5);
    expect(page.url()).toBe(`${platform.url}/moderation/`);
    expect(await page.locator('[data-who]').textContent()).toContain('modo@example.org');
    expect(await page.evaluate(() => sessionStorage.getItem('vitrine.moderation.token'))).toBe(moderatorToken);
    await until(() => page.locator('[data-backlog]').textContent()).toMatch(/^5 inscriptions en attente/);
    // Loading the queue selects its first registration without scrolling the page away from its top.
    expect(await page.evaluate(() => scrollY)).toBe(0);
  }, 60_000);

  it('lists the registration with its checks, and moves through the queue with j and k', async () => {
    expect(await options().first().locator('.option-name').textContent()).toBe(names.browser);
    // The first one is selected on arrival, with its checks shown.
    expect(await selectedName()).toBe(names.browser);
    expect(await page.locator('[data-detail-name]').textContent()).toBe(names.browser);
    const checks = await page.locator('[data-checks] li').allTextContents();
    expect(checks).toHaveLength(6);
    expect(checks.join('\n')).toMatch(/Code postal — Réussie Le code postal H2X 1Y4 est au Québec\./);
    expect(checks.join('\n')).toMatch(/Doublon — Réussie Aucun doublon trouvé\./);

    await page.locator('body').press('j');
    await until(selectedName).toBe(names.reject);
    expect(await page.evaluate(() => document.activeElement?.getAttribute('role'))).toBe('listbox');
    await page.keyboard.press('j');
    await until(selectedName).toBe(names.duplicate);
    await page.keyboard.press('k');
    await page.keyboard.press('k');
    await until(selectedName).toBe(names.browser);
    // Typing in the search box types: no shortcut fires there.
    await page.keyboard.press('/');
    await page.keyboard.type('jk');
    expect(await page.inputValue('#mod-q')).toBe('jk');
    expect(await selectedName()).toBe(names.browser);
    // Nor do the decisions: a, r and c type into the box, and no dialog opens.
    await page.keyboard.type('arc');
    expect(await page.inputValue('#mod-q')).toBe('jkarc');
    expect(await page.locator('dialog[open]').count()).toBe(0);
    // Enter searches and moves to the first result; Escape leaves the box for the queue.
    await page.fill('#mod-q', names.duplicate);
    await page.keyboard.press('Enter');
    await until(() => options().count()).toBe(1);
    await until(selectedName).toBe(names.duplicate);
    expect(await page.evaluate(() => document.activeElement?.getAttribute('role'))).toBe('listbox');
    await page.keyboard.press('/');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('mod-q');
    await page.keyboard.type(' et autre chose');
    await page.keyboard.press('Escape');
    expect(await page.evaluate(() => document.activeElement?.getAttribute('role'))).toBe('listbox');
    // The box shows again the search the queue is filtered by.
    expect(await page.inputValue('#mod-q')).toBe(names.duplicate);
    await page.fill('#mod-q', '');
    await page.locator('#mod-q').press('Enter');
    await until(() => options().count()).toBe(5);
    await until(selectedName).toBe(names.browser);
  }, 60_000);

  it('shows a possible duplicate side by side with the registration, with what matches marked', async () => {
    await selectByName(names.duplicate);
    const table = page.locator('[data-compare] table');
    await until(() => table.isVisible()).toBe(true);
    expect(await table.locator('thead th').allTextContents()).toEqual(['Champ', 'Cette inscription', expect.stringMatching(/^Doublon possible 1Correspond par : téléphone, nom et ville$/)]);
    const row = (field: string) => table.locator('tbody tr', { has: page.locator(`th:text-is("${field}")`) }).locator('td');
    expect(await row(t('fr', 'field.name')).allTextContents()).toEqual([names.duplicate, `${names.duplicate} (identique)`]);
    expect(await row(t('fr', 'field.status')).allTextContents()).toEqual(['En attente de vérification', 'Acceptée et publiée']);
    expect(await row(t('fr', 'field.email')).nth(1).textContent()).toBe('proprio@example.ca');
    // What will be published, seen before approving: hours in words, social links, both descriptions.
    const hours = await row(t('fr', 'field.hours')).first().textContent();
    expect(hours).toContain('Lundi : 9 h à 17 h');
    expect(hours).toContain('Samedi : 8 h à midi, 13 h à 16 h');
    expect(await row(t('fr', 'field.links')).first().textContent()).toMatch(/^https:\/\/www\.facebook\.com\/boulangerie/);
    expect(await row(t('fr', 'field.descriptionFr')).count()).toBe(2);
    expect(await page.locator('[data-history] li').allTextContents()).toEqual(['Aucune décision sur cette fiche pour l’instant.']);
    expect(await seriousViolations(page)).toEqual([]);
    // On a phone the table scrolls sideways; a value never shrinks to a letter a line.
    const desktop = page.viewportSize()!;
    await page.setViewportSize({ width: 390, height: 844 });
    try {
      for (const cell of await row(t('fr', 'field.name')).all()) expect((await cell.boundingBox())!.width).toBeGreaterThanOrEqual(120);
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    } finally {
      await page.setViewportSize(desktop);
    }
  }, 60_000);

  it('rejects by keyboard with a reason template, written in the merchant’s language', async () => {
    await selectByName(names.reject);
    await until(() => page.locator('[data-compare-status]').textContent()).toMatch(/Aucun doublon possible/);
    await page.locator('[data-queue]').focus();
    await page.keyboard.press('r');
    const dialog = page.locator('[data-reason-dialog]');
    await until(() => dialog.evaluate((d) => (d as HTMLDialogElement).open)).toBe(true);
    expect(await page.locator('#mod-reason-heading').textContent()).toBe(`Refuser « ${names.reject} »`);
    expect(await seriousViolations(page)).toEqual([]);
    // Sending without a reason is refused in the dialog, with the reason to give.
    await page.locator('[data-reason-submit]').click();
    expect(await page.locator('#mod-reason-error').textContent()).toBe('Donnez une raison : le commerçant la recevra.');
    // The first template has the focus; the second (duplicate) is one arrow away, and Enter sends it.
    await page.locator('#mod-template-not-quebec').focus();
    await page.keyboard.press('ArrowDown');
    expect(await page.inputValue('#mod-reason')).toBe('Doublon d’une fiche existante sur Vitrine.');
    await page.keyboard.press('Enter');
    await until(announced).toBe(`« ${names.reject} » est refusée ; le commerçant sera avisé.`);
    await until(() => options().count()).toBe(4);
    const history = await api<{ status: string; decisions: Array<{ decision: string; reason: string; moderator: string }> }>(`history?id=${ids.reject}`);
    expect(history.status).toBe('rejected');
    expect(history.decisions).toEqual([expect.objectContaining({ decision: 'reject', reason: 'Doublon d’une fiche existante sur Vitrine.', moderator: 'modo@example.org' })]);
  }, 60_000);

  it('approves every passing registration the filters select, after a confirmation that states the count', async () => {
    await page.fill('#mod-q', names.extra);
    await page.keyboard.press('Enter');
    await until(() => options().count()).toBe(2);
    await page.locator('[data-bulk]').click();
    const dialog = page.locator('[data-bulk-dialog]');
    await until(() => dialog.evaluate((d) => (d as HTMLDialogElement).open)).toBe(true);
    expect(await page.locator('[data-bulk-question]').textContent()).toBe('Approuver les 2 inscriptions qui réussissent toutes les vérifications ?');
    expect(await page.locator('[data-bulk-confirm]').textContent()).toBe('Approuver (2)');
    // What will be approved, one by one, not only how many.
    expect(await page.locator('[data-bulk-list] li').allTextContents()).toEqual(
      [1, 2].map((n) => `${names.extra} ${n} · Lac-Mégantic · Boulangerie et pâtisserie`),
    );
    // The focus starts on Cancel: Enter at once approves nothing.
    expect(await page.evaluate(() => document.activeElement?.hasAttribute('data-bulk-cancel'))).toBe(true);
    expect(await seriousViolations(page)).toEqual([]);
    await page.locator('[data-bulk-confirm]').click();
    await until(announced).toBe('2 inscriptions approuvées ; le site sera reconstruit sous peu.');
    await until(() => page.locator('[data-queue-status]').textContent()).toBe('Aucune inscription en attente ne correspond à ces filtres.');
    await page.fill('#mod-q', '');
    await page.keyboard.press('Enter');
    await until(() => options().count()).toBe(2);
  }, 60_000);

  it('approves with a, and after the background rebuild the merchant page exists and the search finds it', async () => {
    await selectByName(names.browser);
    await page.locator('[data-queue]').focus();
    await page.keyboard.press('a');
    await until(announced).toBe(`« ${names.browser} » est approuvée ; le site sera reconstruit sous peu.`);
    await until(() => options().count()).toBe(1);
    await until(() => page.locator('[data-backlog]').textContent()).toMatch(/^1 inscription en attente/);

    const { submission } = await api<{ submission: { slug: string; status: string } }>(`compare?id=${ids.browser}`);
    expect(submission.status).toBe('approved');
    const merchantUrl = `${platform.url}/commerces/${submission.slug}/`;
    await expect.poll(async () => (await fetch(merchantUrl)).status, { timeout: REBUILD_TIMEOUT, interval: 1000 }).toBe(200);
    expect(await (await fetch(merchantUrl)).text()).toContain(names.browser);
    expect(platform.rebuilder!.builds()).toBeGreaterThanOrEqual(1);

    const search = await context.newPage();
    try {
      await search.goto(`${platform.url}/recherche/?q=${encodeURIComponent('fromagerie plateau')}`);
      const hit = search.locator(`#search-results a[href="/commerces/${submission.slug}/"]`);
      await until(() => hit.count()).toBeGreaterThan(0);
      expect(await hit.first().textContent()).toContain(names.browser);
      // The applicant's status link now says so, and leads to the published listing.
      await search.goto(statusUrl);
      await until(() => search.locator('[data-row="state"] dd').textContent()).toBe('Acceptée et publiée');
      const listing = search.locator('[data-row="listing"] a');
      expect(await listing.textContent()).toBe(merchantUrl);
      await listing.click();
      await search.waitForURL(merchantUrl);
      expect(await search.locator('h1').first().textContent()).toBe(names.browser);
    } finally {
      await search.close();
    }
  }, REBUILD_TIMEOUT + 60_000);

  it('shows the queued notices to moderators on the outbox page', async () => {
    await page.goto(`${platform.url}/moderation/outbox/`);
    const notices = page.locator('[data-notices] article');
    // The four decisions' notices and the five "registration received" ones.
    await until(() => notices.count()).toBe(9);
    expect(await notices.first().locator('h2').textContent()).toBe(`Votre fiche « ${names.browser} » est publiée`);
    expect(await notices.first().textContent()).toContain('en file d’envoi');
    // Searched by business: its registration's notices only.
    await page.fill('#outbox-q', names.browser);
    await page.keyboard.press('Enter');
    await until(() => notices.count()).toBe(2);
    expect(await seriousViolations(page)).toEqual([]);
  }, 60_000);

  it('in English, tells a merchant account and an expired session to sign in again, with the form focused', async () => {
    const merchant = await signDevToken({ role: 'merchant', email: 'a@example.ca' }, secret);
    const fresh = await context.newPage();
    try {
      await fresh.goto(`${platform.url}/en/moderation/#token=${merchant}`);
      const error = fresh.locator('[data-signin-error]');
      await until(() => error.textContent()).toBe('This account is not a moderator account, so the console is closed to it. Sign in with a moderator account.');
      expect(await fresh.locator('[data-gated]').isHidden()).toBe(true);
      expect(await fresh.evaluate(() => document.activeElement?.id)).toBe('mod-signin-heading');

      const expired = await signDevToken({ role: 'moderator', email: 'modo@example.org', expires: Math.floor(Date.now() / 1000) - 60 }, secret);
      await fresh.fill('#mod-token', expired);
      await fresh.keyboard.press('Enter');
      await until(() => error.textContent()).toBe('Your session has expired: sign in again.');

      // A token the server refuses (signed with another secret) says so in the API's own words.
      await fresh.fill('#mod-token', await signDevToken({ role: 'moderator', email: 'modo@example.org' }, 'x'.repeat(64)));
      await fresh.keyboard.press('Enter');
      await until(() => error.textContent()).toBe('The access token is not valid: sign in again.');

      await fresh.fill('#mod-token', moderatorToken);
      await fresh.keyboard.press('Enter');
      await until(() => fresh.locator('[data-queue] [role="option"]').count()).toBe(1);
      // The queue and the backlog load side by side: either may show first.
      await until(() => fresh.locator('[data-backlog]').textContent()).toMatch(/^1 registration waiting: /);
      expect(await seriousViolations(fresh)).toEqual([]);
    } finally {
      await fresh.close();
    }
  }, 60_000);
});
