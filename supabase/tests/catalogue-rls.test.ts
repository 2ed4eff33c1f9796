// Who can read and write merchants, checked in the database itself, as each actor meets it.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { asRole, type ApiRole, type Claims } from '../../functions/_shared/as-user.ts';
import type { Queryable } from '../../functions/_shared/db.ts';
import { insertMerchants, merchantRow } from '../../tests/support/merchants.ts';
import { createTestDatabase, databaseKinds, type TestDatabase } from '../../tests/support/test-database.ts';

const PRIVATE_COLUMNS = ['contact_email', 'neq', 'owner_id', 'status'];

describe.each(databaseKinds())('catalogue row-level security on %s', (kind) => {
  let db: TestDatabase;
  const ownerA = randomUUID();
  const ownerB = randomUUID();
  let approved: string, pendingA: string, rejectedB: string;
  const as = <T>(role: ApiRole, claims: Claims, work: (tx: Queryable) => Promise<T>) => asRole(db, role, claims, work);
  const asMerchantA = <T>(work: (tx: Queryable) => Promise<T>) => as('authenticated', { sub: ownerA, email: 'a@example.ca' }, work);
  const asModerator = <T>(work: (tx: Queryable) => Promise<T>) =>
    as('authenticated', { sub: randomUUID(), app_metadata: { role: 'moderator' } }, work);
  const failure = (promise: Promise<unknown>) => promise.then(() => 'allowed', (e: Error) => e.message);

  beforeAll(async () => {
    db = await createTestDatabase(kind);
    await db.query('insert into auth.users (id, email) values ($1, $2), ($3, $4)', [ownerA, 'a@example.ca', ownerB, 'b@example.ca']);
    [{ id: approved }, { id: pendingA }, { id: rejectedB }] = await insertMerchants(db, [
      merchantRow({ name: 'Publiée' }),
      merchantRow({ name: 'En attente A', status: 'pending', owner_id: ownerA, contact_email: 'secret-a@example.ca' }),
      merchantRow({ name: 'Refusée B', status: 'rejected', owner_id: ownerB }),
    ]);
  });
  afterAll(() => db?.drop());

  describe('anonymous visitor', () => {
    it('reads approved merchants from the catalogue, without private fields', async () => {
      const rows = await as('anon', {}, (tx) => tx.query('select * from public.catalogue'));
      expect(rows.map((r) => r.id)).toEqual([approved]);
      for (const column of PRIVATE_COLUMNS) expect(Object.keys(rows[0])).not.toContain(column);
    });

    it('sees no row of the merchants table, pending or not', async () => {
      const rows = await as('anon', {}, (tx) => tx.query('select id from public.merchants'));
      expect(rows).toEqual([]);
    });

    it('cannot write merchants, directly or through the catalogue view', async () => {
      expect(await failure(as('anon', {}, (tx) => tx.query(`insert into public.merchants (name, category_slug, city, postal_code, contact_email) values ('x', 'animaux', 'Laval', 'H7A 1A1', 'x@example.ca')`)))).toMatch(/row-level security|permission denied/);
      const updated = await as('anon', {}, (tx) => tx.query(`update public.merchants set status = 'approved' where id = $1 returning id`, [pendingA]));
      expect(updated).toEqual([]);
      expect(await failure(as('anon', {}, (tx) => tx.query(`update public.catalogue set name = 'pirate'`)))).toMatch(/permission denied|cannot update view/);
    });
  });

  describe('merchant A', () => {
    it('reads its own listing with its private fields, and not another merchant\'s', async () => {
      const rows = await asMerchantA((tx) => tx.query<{ id: string; contact_email: string }>('select id, contact_email from public.merchants order by name'));
      expect(rows).toEqual([{ id: pendingA, contact_email: 'secret-a@example.ca' }]);
    });

    it('cannot approve its own listing', async () => {
      const updated = await asMerchantA((tx) => tx.query(`update public.merchants set status = 'approved' where id = $1 returning id`, [pendingA]));
      expect(updated).toEqual([]);
      const [row] = await db.query<{ status: string }>('select status from public.merchants where id = $1', [pendingA]);
      expect(row.status).toBe('pending');
    });

    it('cannot become a moderator by claiming the role in user_metadata', async () => {
      const rows = await as('authenticated', { sub: ownerA, user_metadata: { role: 'moderator' } }, (tx) => tx.query('select id from public.merchants'));
      expect(rows.map((r) => r.id)).toEqual([pendingA]);
    });
  });

  describe('moderator', () => {
    it('reads every listing, whatever its status', async () => {
      const rows = await asModerator((tx) => tx.query<{ id: string }>('select id from public.merchants'));
      expect(rows.map((r) => r.id).sort()).toEqual([approved, pendingA, rejectedB].sort());
    });
  });

  describe('export role', () => {
    it('reads the catalogue and the reference data', async () => {
      const rows = await as('vitrine_exporter', {}, (tx) => tx.query('select id from public.catalogue'));
      expect(rows.map((r) => r.id)).toEqual([approved]);
      const [{ count }] = await as('vitrine_exporter', {}, (tx) => tx.query<{ count: number }>('select count(*)::int as count from public.categories'));
      expect(count).toBeGreaterThan(10);
    });

    it('cannot read the merchants table or write anything', async () => {
      expect(await failure(as('vitrine_exporter', {}, (tx) => tx.query('select id from public.merchants')))).toMatch(/permission denied/);
      expect(await failure(as('vitrine_exporter', {}, (tx) => tx.query(`update public.catalogue set name = 'x'`)))).toMatch(/permission denied|cannot update view/);
      expect(await failure(as('vitrine_exporter', {}, (tx) => tx.query(`delete from public.categories`)))).toMatch(/permission denied/);
      expect(await failure(as('vitrine_exporter', {}, (tx) => tx.query(`insert into public.regions values ('18', 'x', 'x', 'x')`)))).toMatch(/permission denied/);
    });
  });

  describe('database rules that hold for every writer', () => {
    it('refuse to approve a business outside Quebec or with a malformed NEQ', async () => {
      expect(await failure(insertMerchants(db, [merchantRow({ postal_code: 'K1A 0B1' })]))).toMatch(/approved_merchants_are_quebec_businesses/);
      expect(await failure(insertMerchants(db, [merchantRow({ neq: '123' })]))).toMatch(/approved_merchants_are_quebec_businesses/);
      const [pending] = await insertMerchants(db, [merchantRow({ status: 'pending', neq: '123' })]);
      expect(await failure(db.query(`update public.merchants set status = 'approved' where id = $1`, [pending.id]))).toMatch(/approved_merchants_are_quebec_businesses/);
    });

    it('refuse malformed opening hours and links', async () => {
      expect(await failure(insertMerchants(db, [merchantRow({ opening_hours: JSON.stringify({ mon: [['18:00', '09:00']] }) })]))).toMatch(/check constraint/);
      expect(await failure(insertMerchants(db, [merchantRow({ opening_hours: JSON.stringify({ funday: [] }) })]))).toMatch(/check constraint/);
      expect(await failure(insertMerchants(db, [merchantRow({ social_links: ['javascript:alert(1)'] })]))).toMatch(/check constraint/);
      expect(await failure(insertMerchants(db, [merchantRow({ website: 'javascript:alert(1)' })]))).toMatch(/check constraint/);
    });
  });
});
