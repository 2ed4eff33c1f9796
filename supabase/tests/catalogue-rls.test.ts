// Who can read and write listings, checked in the database itself, as each actor meets it.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { asRole, type ApiRole, type Claims } from '../../functions/_shared/as-user.ts';
import type { Queryable } from '../../functions/_shared/db.ts';
import { insertMerchants, merchantRow } from '../../tests/support/merchants.ts';
import { createTestDatabase, databaseKinds, type TestDatabase } from '../../tests/support/test-database.ts';

const PRIVATE_COLUMNS = ['contact_email', 'neq', 'status', 'field_versions'];

describe.each(databaseKinds())('catalogue row-level security on %s', (kind) => {
  let db: TestDatabase;
  const ownerA = randomUUID();
  let approved: string, ownedA: string, pending: string;
  const as = <T>(role: ApiRole, claims: Claims, work: (tx: Queryable) => Promise<T>) => asRole(db, role, claims, work);
  const asMerchantA = <T>(work: (tx: Queryable) => Promise<T>) => as('authenticated', { sub: ownerA, email: 'a@example.ca' }, work);
  const asModerator = <T>(work: (tx: Queryable) => Promise<T>) =>
    as('authenticated', { sub: randomUUID(), app_metadata: { role: 'moderator' } }, work);
  const failure = (promise: Promise<unknown>) => promise.then(() => 'allowed', (e: Error) => e.message);

  beforeAll(async () => {
    db = await createTestDatabase(kind);
    await db.query('insert into auth.users (id, email) values ($1, $2)', [ownerA, 'a@example.ca']);
    [{ id: approved }, { id: ownedA }, { id: pending }] = await insertMerchants(db, [
      merchantRow({ name: 'Publiée' }),
      merchantRow({ name: 'Celle de A', contact_email: 'secret-a@example.ca' }),
      merchantRow({ name: 'En attente', status: 'pending' }),
    ]);
    await db.query(`insert into public.listing_members (listing_id, user_id, role) values ($1, $2, 'owner')`, [ownedA, ownerA]);
  });
  afterAll(() => db?.drop());

  describe('anonymous visitor', () => {
    it('reads published listings from the catalogue, without private fields', async () => {
      const rows = await as('anon', {}, (tx) => tx.query('select * from public.catalogue order by name'));
      expect(rows.map((r) => r.id)).toEqual([ownedA, approved]);
      for (const column of PRIVATE_COLUMNS) expect(Object.keys(rows[0]!)).not.toContain(column);
    });

    it('cannot read the listings or proposals tables at all', async () => {
      expect(await failure(as('anon', {}, (tx) => tx.query('select id from public.listings')))).toMatch(/permission denied/);
      expect(await failure(as('anon', {}, (tx) => tx.query('select id from public.proposals')))).toMatch(/permission denied/);
    });

    it('cannot write listings, directly or through the catalogue view', async () => {
      expect(await failure(as('anon', {}, (tx) => tx.query(`update public.listings set name = 'pirate'`)))).toMatch(/permission denied/);
      expect(await failure(as('anon', {}, (tx) => tx.query(`update public.catalogue set name = 'pirate'`)))).toMatch(/permission denied|cannot update view/);
      expect(await failure(as('anon', {}, (tx) => tx.query(`insert into public.proposals (fields) values ('{}')`)))).toMatch(/permission denied/);
    });
  });

  describe('merchant A', () => {
    it('reads its own listing with its private fields, and not another business’s', async () => {
      const rows = await asMerchantA((tx) => tx.query<{ id: string; contact_email: string }>('select id, contact_email from public.listings order by name'));
      expect(rows).toEqual([{ id: ownedA, contact_email: 'secret-a@example.ca' }]);
      // The proposals of its own listing (here the registration that created it), no one else's.
      expect(await asMerchantA((tx) => tx.query('select id from public.proposals'))).toEqual([{ id: ownedA }]);
    });

    it('cannot change its own listing behind the moderators’ back', async () => {
      expect(await failure(asMerchantA((tx) => tx.query(`update public.listings set name = 'Renommée' where id = $1`, [ownedA])))).toMatch(/permission denied/);
      expect(await failure(asMerchantA((tx) => tx.query(`update public.proposals set status = 'approved' where id = $1`, [pending])))).toMatch(/permission denied/);
      const [row] = await db.query<{ name: string }>('select name from public.listings where id = $1', [ownedA]);
      expect(row!.name).toBe('Celle de A');
    });

    it('cannot become a moderator by claiming the role in user_metadata', async () => {
      const rows = await as('authenticated', { sub: ownerA, user_metadata: { role: 'moderator' } }, (tx) => tx.query('select id from public.listings'));
      expect(rows.map((r) => r.id)).toEqual([ownedA]);
    });
  });

  describe('moderator', () => {
    it('reads every listing and every proposal', async () => {
      const listings = await asModerator((tx) => tx.query<{ id: string }>('select id from public.listings'));
      expect(listings.map((r) => r.id).sort()).toEqual([approved, ownedA].sort());
      const proposals = await asModerator((tx) => tx.query<{ id: string }>('select id from public.proposals'));
      expect(proposals.map((r) => r.id).sort()).toEqual([approved, ownedA, pending].sort());
    });
  });

  describe('export role', () => {
    it('reads the catalogue and the reference data', async () => {
      const rows = await as('vitrine_exporter', {}, (tx) => tx.query('select id from public.catalogue'));
      expect(rows.map((r) => r.id).sort()).toEqual([approved, ownedA].sort());
      const [{ count }] = await as('vitrine_exporter', {}, (tx) => tx.query<{ count: number }>('select count(*)::int as count from public.categories'));
      expect(count).toBeGreaterThan(10);
    });

    it('cannot read the listings table or write anything', async () => {
      expect(await failure(as('vitrine_exporter', {}, (tx) => tx.query('select id from public.listings')))).toMatch(/permission denied/);
      expect(await failure(as('vitrine_exporter', {}, (tx) => tx.query(`update public.catalogue set name = 'x'`)))).toMatch(/permission denied|cannot update view/);
      expect(await failure(as('vitrine_exporter', {}, (tx) => tx.query(`delete from public.categories`)))).toMatch(/permission denied/);
      expect(await failure(as('vitrine_exporter', {}, (tx) => tx.query(`insert into public.regions values ('18', 'x', 'x', 'x')`)))).toMatch(/permission denied/);
    });
  });

  describe('database rules that hold for every writer, the owner included', () => {
    it('refuse to publish a business outside Quebec or with a malformed NEQ', async () => {
      expect(await failure(insertMerchants(db, [merchantRow({ postal_code: 'K1A 0B1' })]))).toMatch(/published_listings_are_quebec_businesses/);
      expect(await failure(insertMerchants(db, [merchantRow({ neq: '123' })]))).toMatch(/published_listings_are_quebec_businesses/);
      expect(await failure(db.query(`update public.listings set neq = '123' where id = $1`, [approved]))).toMatch(/published_listings_are_quebec_businesses/);
    });

    it('refuse malformed opening hours, links and text that changes what a reader sees, in listings and in proposals alike', async () => {
      for (const bad of [
        { opening_hours: { week: { mon: [['18:00', '18:00']] } } },
        { opening_hours: { mon: [['09:00', '17:00']] } },
        { opening_hours: { week: { fri: [['17:00', '03:00']], sat: [['02:00', '12:00']] } } },
        { social_links: ['javascript:alert(1)'] },
        { website: 'javascript:alert(1)' },
        { postal_code: 'D1A 1A1' },
        { name: 'Café \u202eenittenig' },
        { description_fr: 'Pain f\u0301\u0302\u0303rais' },
        { city: 'Lac\u2066-Mégantic' },
      ]) {
        expect(await failure(insertMerchants(db, [merchantRow(bad)])), JSON.stringify(bad)).toMatch(/check constraint|violates/);
        expect(await failure(insertMerchants(db, [merchantRow({ ...bad, status: 'pending' })])), JSON.stringify(bad)).toMatch(/check constraint|violates/);
      }
    });

    it('refuse a proposal that sets a field listings do not have, or a field of the wrong type', async () => {
      expect(await failure(db.query(`insert into public.proposals (fields) values ('{"status": "published"}')`))).toMatch(/proposals_set_listing_fields/);
      expect(await failure(db.query(`insert into public.proposals (fields) values ('{"latitude": "45.5"}')`))).toMatch(/proposals_set_listing_fields/);
      expect(await failure(db.query(`insert into public.proposals (fields) values ('[]')`))).toMatch(/proposals_set_listing_fields/);
    });
  });
});
