// The merchant space in Chromium against the real platform (the functions, a fresh database, the
// local mail catcher over real SMTP and the rebuilder `npm start` runs): a business claims its
// listing from the listing's page, signs in with the link the mail catcher received, accepts the
// invitation, edits its hours (Friday until 2 a.m.) and its ways to buy; after the background
// rebuild its page shows them and "open now" agrees, on the shop's clock.
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium } from '../../scripts/lib/chromium.ts';
import { startMailCatcher, type MailCatcher } from '../../scripts/local/mail-catcher.ts';
import { seriousViolations } from '../support/axe.ts';
import { insertMerchants, merchantRow } from '../support/merchants.ts';
import { startBuiltPlatform, type TestPlatform } from '../support/platform.ts';
import { createTestDatabase, type TestDatabase } from '../support/test-database.ts';

const ENV = ['VITRINE_DEV_JWT_SECRET', 'SUPABASE_URL', 'SUPABASE_JWT_SECRET', 'SITE_URL', 'CONTEXT', 'SMTP_URL'] as const;
// Friday 4 December 2026, 23:30 in Lac-Mégantic (Eastern, UTC−5).
const FRIDAY_NIGHT = new Date('2026-12-05T04:30:00Z');

describe('the merchant space in the browser', () => {
  let db: TestDatabase;
  let work: string;
  let platform: TestPlatform;
  let catcher: MailCatcher;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  let slug: string;
  const saved = Object.fromEntries(ENV.map((name) => [name, process.env[name]]));
  const email = 'bar@lequai.example.ca';

  beforeAll(async () => {
    for (const name of ENV) delete process.env[name];
    process.env.VITRINE_DEV_JWT_SECRET = randomBytes(32).toString('hex');
    catcher = await startMailCatcher();
    process.env.SMTP_URL = catcher.url;
    work = mkdtempSync(join(tmpdir(), 'vitrine-account-'));
    db = await createTestDatabase();
    [{ slug }] = await insertMerchants(db, [merchantRow({
      name: 'Bar Le Quai', contact_email: email, neq: '1164440001',
      opening_hours: { week: { fri: [['11:00', '17:00']] } },
    })]);
    platform = await startBuiltPlatform(db, work);
    browser = await launchChromium();
    context = await browser.newContext();
    page = await context.newPage();
  }, 300_000);

  afterAll(async () => {
    await context?.close();
    await browser?.close();
    await platform?.stop();
    await catcher?.close();
    await db?.drop();
    if (work) rmSync(work, { recursive: true, force: true });
    for (const name of ENV) {
      if (saved[name] === undefined) delete process.env[name];
      else process.env[name] = saved[name];
    }
  }, 300_000);

  /** The link of the last message to `address`, as a mail program shows it. */
  const linkIn = (address: string) => {
    const mail = catcher.messages.filter((m) => m.to.includes(address)).at(-1);
    return /https?:\/\/\S+\/api\/account\/session\?\S+/.exec(mail?.raw.replace(/=\r?\n/g, '').replace(/=3D/g, '=') ?? '')?.[0];
  };

  it('claims the listing from its page, without a script', async () => {
    const plain = await browser.newContext({ javaScriptEnabled: false });
    const claim = await plain.newPage();
    await claim.goto(`${platform.url}/commerces/${slug}/`);
    await claim.locator('[data-ui="fr"] .claim button').click();
    await expect.poll(() => claim.locator('[role="status"]').textContent()).toMatch(/invitation a été envoyée/);
    await plain.close();
    expect(await db.query(`select recipient from public.outbox where kind = 'invitation'`)).toEqual([{ recipient: email }]);
  });

  it('signs in with the link from the mail catcher, accepts the invitation and sees the listing', async () => {
    await page.goto(`${platform.url}/compte/`);
    await page.fill('#account-email', email);
    await page.click('[data-signin] button');
    await expect.poll(() => page.locator('[data-signin-status]').textContent()).toMatch(/lien vient de lui être envoyé/);
    await expect.poll(() => linkIn(email)).toMatch(/\/api\/account\/session\?token=/);
    await page.goto(linkIn(email)!);
    // The session is a cookie the page's script cannot read; the address is the merchant space's.
    expect(page.url()).toBe(`${platform.url}/compte/`);
    expect(await page.evaluate(() => document.cookie)).toBe('');
    await page.locator('[data-invitation-list] button').click();
    await expect.poll(() => page.locator('[data-editor-title]').textContent()).toBe('Modifier « Bar Le Quai »');
    expect(await page.inputValue('#acc-name')).toBe('Bar Le Quai');
    expect(await page.inputValue('#acc-hours-fri-opens')).toBe('11:00');
    const violations = await seriousViolations(page);
    if (violations.length) console.log(violations);
    expect(violations).toEqual([]);
  });

  it('publishes hours until 2 a.m. on Friday and ways to buy; after the rebuild the page shows them and says it is open', async () => {
    const builds = platform.rebuilder!.builds();
    await page.fill('#acc-hours-fri-opens', '17:00');
    await page.fill('#acc-hours-fri-closes', '02:00');
    await page.check('#acc-ways-in_store');
    await page.check('#acc-ways-delivery');
    await page.fill('#acc-ways-delivery_area', 'MRC du Granit');
    await page.check('#acc-ways-curbside');
    await page.click('[data-save]');
    await expect.poll(() => page.locator('[data-status]').textContent()).toMatch(/^Publié : Heures d’ouverture, Façons d’acheter\./);
    // Nothing waits for a moderator, and the history says who did it.
    expect(await page.locator('[data-proposals]').textContent()).toBe('Aucun changement en attente.');
    expect(await page.locator('[data-history] li').first().textContent()).toMatch(/publié : Heures d’ouverture, Façons d’acheter · vous/);
    await page.screenshot({ path: join(work, 'account.png'), fullPage: true });

    await expect.poll(() => platform.rebuilder!.builds(), { timeout: 240_000, interval: 500 }).toBeGreaterThan(builds);
    const shop = await context.newPage();
    await shop.clock.setFixedTime(FRIDAY_NIGHT);
    await shop.goto(`${platform.url}/commerces/${slug}/`);
    await expect.poll(() => shop.locator('[data-ui="fr"] [data-open-now]').textContent()).toBe('Ouvert maintenant · ferme à 2 h');
    expect((await shop.locator('[data-ui="fr"] .ways li').allTextContents())).toEqual(['En magasin', 'Cueillette à l’auto', 'Livraison : MRC du Granit']);
    const jsonLd = JSON.parse((await shop.locator('script[type="application/ld+json"]').first().textContent())!);
    expect(jsonLd.areaServed ?? jsonLd['@graph']?.find((n: { areaServed?: string }) => n.areaServed)?.areaServed).toBe('MRC du Granit');
    // The map keeps the shop when it filters on delivery, and not on gift cards (tiles blocked: no internet here).
    await shop.route((url) => !url.href.startsWith(platform.url), (route) => route.abort());
    for (const [way, count] of [['delivery', '1 commerce dans cette vue.'], ['gift_cards', 'Aucun commerce dans cette vue.']]) {
      await shop.goto(`${platform.url}/carte/?lat=45.58&lng=-70.88&z=12&achat=${way}`);
      await shop.locator('vitrine-map[data-ready]').waitFor();
      await expect.poll(() => shop.locator('[data-map-status]').textContent()).toBe(count);
      expect(await shop.locator('#map-way').inputValue()).toBe(way);
    }
    await shop.close();
  });

  it('keeps the merchant’s text and shows the current value when someone changed the same field meanwhile', async () => {
    const [{ id, version }] = await db.query<{ id: string; version: number }>('select id, version from public.listings where slug = $1', [slug]);
    // Another member's change of the description, made after this page loaded.
    await db.query(`update public.listings set description_fr = 'Texte d’un autre membre.', version = version + 1,
      field_versions = field_versions || jsonb_build_object('description_fr', version + 1) where id = $1`, [id]);
    await page.fill('#acc-descriptionFr', 'Mon nouveau texte.');
    await page.click('[data-save]');
    await expect.poll(() => page.locator('[data-conflict]').isVisible()).toBe(true);
    expect(await page.locator('[data-conflict]').textContent()).toMatch(/Valeur actuelle : Texte d’un autre membre\./);
    expect(await page.inputValue('#acc-descriptionFr')).toBe('Mon nouveau texte.');
    // Saved again, now that the merchant has seen it: the merchant's text wins.
    await page.click('[data-save]');
    await expect.poll(() => page.locator('[data-status]').textContent()).toMatch(/^Publié : Description en français/);
    expect((await db.query('select description_fr, version from public.listings where id = $1', [id]))[0]).toEqual({
      description_fr: 'Mon nouveau texte.', version: version + 2,
    });
  });
  it('edits without JavaScript: the editor page holds the listing, saves, and after a conflict keeps what was typed', async () => {
    const plain = await browser.newContext({ javaScriptEnabled: false });
    await plain.addCookies(await context.cookies());
    const form = await plain.newPage();
    try {
      await form.goto(`${platform.url}/compte/`);
      await form.locator('[data-needs-js] a').click();
      expect(new URL(form.url()).pathname).toBe('/compte/modifier/');
      expect(await form.inputValue('#acc-name')).toBe('Bar Le Quai');
      expect(await form.inputValue('#acc-hours-fri-closes')).toBe('02:00');
      expect(await form.isChecked('#acc-ways-delivery')).toBe(true);
      await form.fill('#acc-descriptionEn', 'Riverside bar.');
      await form.click('form[action="/api/account/edit"] button[type="submit"]');
      await expect.poll(() => form.locator('p[role="status"]').textContent()).toBe('Publié : Description en anglais. La page sera à jour dans quelques minutes.');
      expect((await db.query('select description_en from public.listings where slug = $1', [slug]))[0]).toEqual({ description_en: 'Riverside bar.' });

      // A bad postal code and a special day that cannot be read: each said beside its field, what was typed kept.
      await form.fill('#acc-postalCode', '12345');
      await form.click('form[action="/api/account/edit"] button[type="submit"]');
      await expect.poll(() => form.locator('#acc-postalCode-error').textContent()).toMatch(/code postal/i);
      expect(await form.getAttribute('#acc-postalCode', 'aria-invalid')).toBe('true');
      expect(await form.inputValue('#acc-postalCode')).toBe('12345');
      await form.fill('#acc-postalCode', 'G6B 1A1');
      await form.fill('#acc-hours-exceptions', 'demain fermé');
      await form.click('form[action="/api/account/edit"] button[type="submit"]');
      await expect.poll(() => form.locator('#acc-hours-exceptions-error').textContent()).toMatch(/^Ligne 1 : /);
      await form.fill('#acc-hours-exceptions', '');

      // Someone else changes the English description while this page is open.
      await db.query(`update public.listings set description_en = 'By the lake.', version = version + 1,
        field_versions = field_versions || jsonb_build_object('description_en', version + 1) where slug = $1`, [slug]);
      await form.fill('#acc-descriptionEn', 'Typed without a script.');
      await form.fill('#acc-phone', '819 555 0177');
      await form.click('form[action="/api/account/edit"] button[type="submit"]');
      await expect.poll(() => form.locator('[role="alert"]').textContent()).toMatch(/Valeur actuelle : By the lake\./);
      expect(await form.inputValue('#acc-descriptionEn')).toBe('Typed without a script.');
      expect(await form.inputValue('#acc-phone')).toBe('819 555 0177');
      await form.click('form[action="/api/account/edit"] button[type="submit"]');
      await expect.poll(() => form.locator('p[role="status"]').textContent()).toMatch(/^Publié : /);
      expect((await db.query('select description_en, phone from public.listings where slug = $1', [slug]))[0]).toEqual({
        description_en: 'Typed without a script.', phone: '+18195550177',
      });
    } finally {
      await plain.close();
    }
  });
});
