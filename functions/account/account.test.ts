// The merchant space's API over real HTTP, on each database: signing in by a link received through a
// real SMTP exchange, claiming a listing, editing it (published at once, queued, 409 on a conflict,
// 400 per field in French and English), a transfer request reaching the moderators, the data export
// and the account's deletion.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { t } from '../../src/i18n/index.ts';
import { userIdFor } from '../../scripts/local/dev-token.ts';
import { startMailCatcher, type MailCatcher } from '../../scripts/local/mail-catcher.ts';
import { getAs, platformFetch, postJson, startApi, type Api } from '../../tests/support/api.ts';
import { insertMerchants, merchantRow } from '../../tests/support/merchants.ts';
import { databaseKinds } from '../../tests/support/test-database.ts';

describe.each(databaseKinds())('the merchant space’s API on %s', (kind) => {
  let api: Api;
  let catcher: MailCatcher;
  let listing: { id: string; slug: string };
  let token: string;
  let moderator: string;
  const savedSmtp = process.env.SMTP_URL;

  const as = (path: string, body: unknown, bearer: string | null = token, headers: Record<string, string> = {}) =>
    postJson(`${api.url}${path}`, body, { ...(bearer ? { authorization: `Bearer ${bearer}` } : {}), ...headers });
  const account = async () => (await getAs(`${api.url}/api/account`, token)).json() as Promise<{
    invitations: Array<{ id: string; name: string }>;
    listings: Array<{ id: string; role: string; version: number; fields: Record<string, unknown> }>;
  }>;
  /** The sign-in link of the last mail to `address`, as a mail program shows it. */
  const linkIn = (address: string) => {
    const mail = catcher.messages.filter((m) => m.to.includes(address)).at(-1);
    const text = mail?.raw.replace(/=\r?\n/g, '').replace(/=3D/g, '=');
    return /https?:\/\/\S+\/api\/account\/session\?\S+/.exec(text ?? '')?.[0];
  };

  beforeAll(async () => {
    catcher = await startMailCatcher();
    process.env.SMTP_URL = catcher.url;
    api = await startApi(kind);
    moderator = await api.token({ role: 'moderator', email: 'modo@example.org' });
    [listing] = await insertMerchants(api.db, [merchantRow({ name: 'Quincaillerie du Lac', contact_email: 'quincaillerie@example.ca', neq: '1169876543' })]);
  });
  afterAll(async () => {
    await api?.stop();
    await catcher?.close();
    if (savedSmtp === undefined) delete process.env.SMTP_URL;
    else process.env.SMTP_URL = savedSmtp;
  });

  it('refuses every account call without a signed-in user', async () => {
    expect((await platformFetch(`${api.url}/api/account`)).status).toBe(401);
    expect((await as('/api/account/edit', { listingId: listing.id, baseVersion: 1, fields: {} }, null)).status).toBe(401);
    expect((await as('/api/account/delete', {}, null)).status).toBe(401);
  });

  it('claims a listing: the invitation goes to its contact address, whose sign-in link opens the account that accepts it', async () => {
    const asked = await postJson(`${api.url}/api/claim`, { slug: listing.slug });
    expect(asked.status).toBe(202);
    const unknown = await postJson(`${api.url}/api/claim`, { slug: 'pas-une-fiche' });
    expect(unknown.status).toBe(404);
    const [invitation] = await api.db.query<{ recipient: string }>(`select recipient from public.outbox where kind = 'invitation'`);
    expect(invitation).toEqual({ recipient: 'quincaillerie@example.ca' });

    expect((await postJson(`${api.url}/api/sign-in-link`, { email: 'Quincaillerie@example.ca', locale: 'fr' })).status).toBe(202);
    await expect.poll(() => linkIn('quincaillerie@example.ca')).toMatch(/\/api\/account\/session\?token=.+&locale=fr$/);
    const link = linkIn('quincaillerie@example.ca')!;
    token = new URL(link).searchParams.get('token')!;
    // Following the link keeps the session in an HttpOnly cookie and opens the merchant space.
    const followed = await platformFetch(link, { redirect: 'manual' });
    expect(followed.status).toBe(303);
    expect(followed.headers.get('location')).toBe(`${api.url}/compte/`);
    const cookie = followed.headers.get('set-cookie')!;
    expect(cookie).toMatch(/^vitrine_session=[\w.-]+; Path=\/; HttpOnly; SameSite=Lax; Max-Age=3[56]\d\d$/);
    const session = cookie.split(';')[0]!;
    expect((await platformFetch(`${api.url}/api/account`, { headers: { cookie: session } })).status).toBe(200);
    // A POST carried by the cookie alone must come from the site's pages, not from another site's form.
    const forged = await platformFetch(`${api.url}/api/account/delete`, { method: 'POST', headers: { cookie: session, origin: 'https://evil.example', 'content-type': 'application/json' }, body: '{}' });
    expect(forged.status).toBe(403);
    // A link that is not one gets a page saying so, and no session.
    const bad = await platformFetch(`${api.url}/api/account/session?token=not.a.token`, { redirect: 'manual' });
    expect(bad.status).toBe(401);
    expect(bad.headers.get('set-cookie')).toBeNull();

    const before = await account();
    expect(before.listings).toEqual([]);
    expect(before.invitations).toEqual([expect.objectContaining({ name: 'Quincaillerie du Lac' })]);
    expect((await as('/api/account/accept', { invitationId: before.invitations[0]!.id })).status).toBe(200);
    expect((await account()).listings).toEqual([expect.objectContaining({ id: listing.id, role: 'owner' })]);
  });

  it('publishes hours and ways to buy at once, queues a new name, and answers a stale edit of the same field with 409 and its current value', async () => {
    const { version } = (await account()).listings[0]!;
    const hours = { week: { fri: [['17:00', '02:00']] }, exceptions: [{ date: '2026-12-25', spans: [] }] };
    const saved = await as('/api/account/edit', {
      listingId: listing.id, baseVersion: version,
      fields: { hours, waysToBuy: { curbside: true, delivery: true, delivery_area: 'MRC du Granit', gift_cards: false }, name: 'Quincaillerie du Lac inc.' },
    });
    expect(saved.status).toBe(200);
    expect(await saved.json()).toMatchObject({ published: ['opening_hours', 'ways_to_buy'], queued: ['name'] });
    const [row] = await api.db.query('select name, opening_hours from public.catalogue where id = $1', [listing.id]);
    expect(row).toEqual({ name: 'Quincaillerie du Lac', opening_hours: hours });

    const stale = await as('/api/account/edit', { listingId: listing.id, baseVersion: version, fields: { hours: { week: { fri: [['09:00', '17:00']] } } } },
      token, { 'accept-language': 'en' });
    expect(stale.status).toBe(409);
    expect(await stale.json()).toMatchObject({ error: 'conflict', message: t('en', 'error.conflict'), conflicts: { opening_hours: hours } });
  });

  it('refuses a bad edit field by field, in French and English, and writes nothing', async () => {
    const { version } = (await account()).listings[0]!;
    for (const locale of ['fr', 'en'] as const) {
      const refused = await as('/api/account/edit', {
        listingId: listing.id, baseVersion: version,
        fields: { postalCode: '12345', waysToBuy: { delivery_area: 'Partout' } },
      }, token, { 'accept-language': locale });
      expect(refused.status).toBe(400);
      const body = await refused.json();
      expect(body.errors).toEqual(expect.arrayContaining([
        { field: 'fields.postalCode', message: t(locale, 'register.postalCode.format') },
        { field: 'fields.waysToBuy.delivery_area', message: t(locale, 'account.ways.areaWithoutDelivery') },
      ]));
    }
    expect((await account()).listings[0]!.version).toBe(version);
  });

  it('brings a transfer request to the moderators', async () => {
    const other = await api.token({ role: 'merchant', email: 'nouvelle@example.ca' });
    await api.db.query('insert into auth.users (id, email) values ($1, $2)', [userIdFor('nouvelle@example.ca'), 'nouvelle@example.ca']);
    const asked = await as('/api/account/transfer', { listing: `${api.url}/commerces/${listing.slug}/`, neq: '1169 876 543', reason: 'L’ancienne adresse est fermée.' }, other);
    expect(asked.status).toBe(201);
    const queue = await (await getAs(`${api.url}/api/moderation/transfers`, moderator)).json();
    expect(queue).toEqual([expect.objectContaining({ email: 'nouvelle@example.ca', neqMatches: true, listing: expect.objectContaining({ slug: listing.slug }) })]);
    expect((await getAs(`${api.url}/api/moderation/transfers`, other)).status).toBe(403);
  });

  it('exports the account’s data as a file, and deletes the account only once it is not the last owner of a published listing', async () => {
    const exported = await getAs(`${api.url}/api/account/export`, token);
    expect(exported.headers.get('content-disposition')).toMatch(/attachment/);
    const data = await exported.json();
    expect(data.listings[0]).toMatchObject({ id: listing.id, contact_email: 'quincaillerie@example.ca' });
    const blocked = await as('/api/account/delete', {});
    expect(blocked.status).toBe(409);
    expect((await blocked.json()).message).toBe(t('fr', 'account.error.lastOwnerOf', { name: 'Quincaillerie du Lac' }));
    expect((await as('/api/account/close', { listingId: listing.id })).status).toBe(200);
    expect((await as('/api/account/delete', {})).status).toBe(200);
    expect(await api.db.query(`select 1 from auth.users where email = 'quincaillerie@example.ca'`)).toEqual([]);
  });
});
