// Who can register, read, decide and journal, checked in the database itself as each actor meets
// it (the handlers call these same functions with the caller's role and claims).
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { asRole, type ApiRole, type Claims } from '../../functions/_shared/as-user.ts';
import type { Queryable } from '../../functions/_shared/db.ts';
import { insertMerchants, merchantRow } from '../../tests/support/merchants.ts';
import { createTestDatabase, databaseKinds, type TestDatabase } from '../../tests/support/test-database.ts';

describe.each(databaseKinds())('registration and moderation rights on %s', (kind) => {
  let db: TestDatabase;
  const ownerA = randomUUID();
  const moderatorId = randomUUID();
  const merchantA: Claims = { sub: ownerA, email: 'a@example.ca', app_metadata: { provider: 'email' } };
  const moderator: Claims = { sub: moderatorId, email: 'modo@example.org', app_metadata: { provider: 'email', role: 'moderator' } };
  let pendingA: string, pendingB: string, approved: string;

  const as = <T>(role: ApiRole, claims: Claims, work: (tx: Queryable) => Promise<T>) => asRole(db, role, claims, work);
  const anon = <T>(work: (tx: Queryable) => Promise<T>) => as('anon', {}, work);
  const asMerchantA = <T>(work: (tx: Queryable) => Promise<T>) => as('authenticated', merchantA, work);
  const asModerator = <T>(work: (tx: Queryable) => Promise<T>) => as('authenticated', moderator, work);
  /** 'allowed', or the SQLSTATE and message it was refused with. */
  const outcome = (promise: Promise<unknown>) =>
    promise.then(() => 'allowed', (e: Error & { code?: string }) => `${e.code}: ${e.message}`);
  const statusOf = async (id: string) => (await db.query<{ status: string }>('select status::text from public.merchants where id = $1', [id]))[0]!.status;
  /** Tries TRUNCATE as `role` inside a transaction that is always rolled back, so no test loses data. */
  const truncateAs = async (role: ApiRole, claims: Claims): Promise<string> => {
    let result = '';
    await db
      .transaction(async (tx) => {
        await tx.query(`select set_config('request.jwt.claims', $1, true), set_config('role', $2, true)`, [JSON.stringify({ ...claims, role }), role]);
        result = await outcome(tx.query('truncate public.moderation_decisions'));
        throw new Error('roll back');
      })
      .catch(() => {});
    return result;
  };
  const decisions = async () => (await db.query<{ n: number }>('select count(*)::int as n from public.moderation_decisions'))[0]!.n;

  beforeAll(async () => {
    db = await createTestDatabase(kind);
    await db.query('insert into auth.users (id, email) values ($1, $2)', [ownerA, 'a@example.ca']);
    [{ id: pendingA }, { id: pendingB }, { id: approved }] = await insertMerchants(db, [
      merchantRow({ status: 'pending', owner_id: ownerA, contact_email: 'secret-a@example.ca', neq: '1161111111' }),
      merchantRow({ status: 'pending', contact_email: 'secret-b@example.ca', neq: '1162222222' }),
      merchantRow({ status: 'approved', contact_email: 'secret-c@example.ca', neq: '1163333333' }),
    ]);
    // One decision exists, so that refusals to read the journal are not just an empty table.
    await asModerator((tx) => tx.query(`select public.decide_merchants(array[$1::uuid], 'request_changes', 'Précisez l''adresse.')`, [pendingB]));
  });
  afterAll(() => db?.drop());

  describe('anonymous visitor', () => {
    it('cannot read pending listings, contact e-mails or NEQs, only the public catalogue', async () => {
      expect(await anon((tx) => tx.query('select id, contact_email, neq from public.merchants'))).toEqual([]);
      expect(await outcome(anon((tx) => tx.query('select contact_email from public.catalogue')))).toMatch(/^42703/);
      expect(await outcome(anon((tx) => tx.query('select neq from public.catalogue')))).toMatch(/^42703/);
      expect((await anon((tx) => tx.query<{ id: string }>('select id from public.catalogue'))).map((r) => r.id)).toEqual([approved]);
    });

    it('cannot call the register function directly, where it could pick its own rate-limit bucket', async () => {
      expect(await outcome(anon((tx) => tx.query(`select public.register_merchant('{}'::jsonb, 'k', null)`)))).toMatch(/^42501: permission denied/);
    });

    it('can register through the registrar role, and read a registration only with its token', async () => {
      const [{ r }] = await asRole(db, 'vitrine_registrar', {}, (tx) =>
        tx.query<{ r: { id: string; statusToken: string } }>(`select public.register_merchant($1::jsonb, $2, null) as r`, [
          JSON.stringify({ name: 'Nouvelle', category: 'animaux', city: 'Laval', postalCode: 'H7A 1A1', email: 'n@example.ca', neq: '1164444444', locale: 'fr' }),
          `test:${randomUUID()}`,
        ]),
      );
      const [{ s }] = await anon((tx) => tx.query<{ s: { status: string } }>('select public.registration_status($1, $2) as s', [r.id, r.statusToken]));
      expect(s.status).toBe('pending');
      expect(await outcome(anon((tx) => tx.query('select public.registration_status($1, $2)', [r.id, 'guess'])))).toBe('VT404: unknown submission');
      expect(await outcome(anon((tx) => tx.query('select private.status_token($1)', [r.id])))).toMatch(/^42501: permission denied/);
    });

    it('cannot approve, by the function or directly', async () => {
      expect(await outcome(anon((tx) => tx.query(`select public.decide_merchants(array[$1::uuid], 'approve')`, [pendingA])))).toBe('VT401: sign in as a moderator');
      expect(await anon((tx) => tx.query(`update public.merchants set status = 'approved' where id = $1 returning id`, [pendingA]))).toEqual([]);
      expect(await statusOf(pendingA)).toBe('pending');
    });

    it('cannot write the journal, the outbox or rebuild requests, nor read them', async () => {
      expect(await outcome(anon((tx) => tx.query(
        `insert into public.moderation_decisions (merchant_id, decision, previous_status) values ($1, 'approve', 'pending')`, [pendingA],
      )))).toMatch(/^42501: new row violates row-level security policy/);
      expect(await outcome(anon((tx) => tx.query(
        `insert into public.outbox (merchant_id, recipient, locale, kind, subject, body) values ($1, 'x@example.ca', 'fr', 'approve', 's', 'b')`, [pendingA],
      )))).toMatch(/^42501/);
      expect(await outcome(anon((tx) => tx.query(`insert into public.rebuild_requests (reason) values ('spam')`)))).toMatch(/^42501/);
      for (const table of ['moderation_decisions', 'outbox', 'rebuild_requests']) {
        expect(await anon((tx) => tx.query(`select * from public.${table}`)), table).toEqual([]);
      }
    });

    it('cannot touch private tables or helpers: secrets, rate limits, check refresh', async () => {
      expect(await outcome(anon((tx) => tx.query('select * from private.secrets')))).toMatch(/^42501: permission denied/);
      expect(await outcome(anon((tx) => tx.query('select * from private.rate_limits')))).toMatch(/^42501: permission denied/);
      expect(await outcome(anon((tx) => tx.query('select private.refresh_checks(null)')))).toMatch(/^42501: permission denied/);
      expect(await outcome(anon((tx) => tx.query(`select private.take_rate_limit('bucket-of-sixteen-chars', 1000, 60)`)))).toMatch(/^42501: permission denied/);
    });

    it('cannot use the moderators’ functions', async () => {
      for (const call of ['public.moderation_queue()', 'public.moderation_backlog()', `public.merchant_history('${pendingA}')`, 'public.recheck_submissions()']) {
        expect(await outcome(anon((tx) => tx.query(`select ${call}`))), call).toBe('VT401: sign in as a moderator');
      }
    });
  });

  describe('merchant A', () => {
    it('cannot approve its own listing, by the function or directly', async () => {
      expect(await outcome(asMerchantA((tx) => tx.query(`select public.decide_merchants(array[$1::uuid], 'approve')`, [pendingA])))).toBe('VT403: moderators only');
      expect(await asMerchantA((tx) => tx.query(`update public.merchants set status = 'approved' where id = $1 returning id`, [pendingA]))).toEqual([]);
      expect(await statusOf(pendingA)).toBe('pending');
    });

    it('cannot read the journal, the outbox or rebuild requests', async () => {
      expect(await decisions()).toBeGreaterThan(0);
      for (const table of ['moderation_decisions', 'outbox', 'rebuild_requests']) {
        expect(await asMerchantA((tx) => tx.query(`select * from public.${table}`)), table).toEqual([]);
      }
    });

    it('cannot record a decision, even in its own name', async () => {
      expect(await outcome(asMerchantA((tx) => tx.query(
        `insert into public.moderation_decisions (merchant_id, moderator_id, decision, previous_status) values ($1, $2, 'approve', 'pending')`, [pendingA, ownerA],
      )))).toMatch(/^42501: new row violates row-level security policy/);
    });

    it('does not become a moderator by writing the role in user_metadata', async () => {
      const claims = { ...merchantA, user_metadata: { role: 'moderator' } };
      expect(await outcome(as('authenticated', claims, (tx) => tx.query('select public.moderation_queue()')))).toBe('VT403: moderators only');
      expect(await outcome(as('authenticated', claims, (tx) => tx.query(`select public.decide_merchants(array[$1::uuid], 'approve')`, [pendingA])))).toBe('VT403: moderators only');
    });
  });

  describe('moderator', () => {
    it('decides, and the journal names them', async () => {
      await asModerator((tx) => tx.query(`select public.decide_merchants(array[$1::uuid], 'approve')`, [pendingA]));
      expect(await statusOf(pendingA)).toBe('approved');
      const rows = await asModerator((tx) => tx.query(
        `select moderator_id, moderator_email, decision, previous_status::text from public.moderation_decisions where merchant_id = $1`, [pendingA],
      ));
      expect(rows).toEqual([{ moderator_id: moderatorId, moderator_email: 'modo@example.org', decision: 'approve', previous_status: 'pending' }]);
      expect((await asModerator((tx) => tx.query('select id from public.outbox where merchant_id = $1', [pendingA])))).toHaveLength(1);
    });

    it('cannot record a decision in another moderator’s name', async () => {
      expect(await outcome(asModerator((tx) => tx.query(
        `insert into public.moderation_decisions (merchant_id, moderator_id, decision, previous_status) values ($1, $2, 'approve', 'pending')`, [pendingB, randomUUID()],
      )))).toMatch(/^42501: new row violates row-level security policy/);
    });

    it('cannot update or delete a decision, and neither can the database owner', async () => {
      const before = await decisions();
      expect(await outcome(asModerator((tx) => tx.query(`update public.moderation_decisions set reason = 'rewritten'`)))).toBe('VT403: moderation decisions are append-only');
      expect(await outcome(asModerator((tx) => tx.query('delete from public.moderation_decisions')))).toBe('VT403: moderation decisions are append-only');
      expect(await outcome(db.query(`update public.moderation_decisions set reason = 'rewritten'`))).toBe('VT403: moderation decisions are append-only');
      expect(await outcome(db.query('delete from public.moderation_decisions'))).toBe('VT403: moderation decisions are append-only');
      expect(await decisions()).toBe(before);
    });

    it('cannot approve a listing outside Quebec: the whole batch is refused', async () => {
      const [outside, fine] = await insertMerchants(db, [
        merchantRow({ status: 'pending', postal_code: 'K1A 0B1', name: 'Hors Québec' }),
        merchantRow({ status: 'pending', name: 'Au Québec' }),
      ]);
      const before = await decisions();
      expect(await outcome(asModerator((tx) => tx.query(`select public.decide_merchants($1::uuid[], 'approve')`, [[fine!.id, outside!.id]]))))
        .toMatch(/^VT422: listing "Hors Québec" cannot be published/);
      expect([await statusOf(outside!.id), await statusOf(fine!.id)]).toEqual(['pending', 'pending']);
      expect(await decisions()).toBe(before);
    });

    // Known gap, reported with this test: a CHECK passes when its expression is NULL, so with neq
    // NULL the eligibility constraint lets an approval through. Make this an ordinary `it` once the
    // constraint reads coalesce(…, false).
    it('cannot approve a listing that has no NEQ', async () => {
      const [noNeq] = await insertMerchants(db, [merchantRow({ status: 'pending', neq: null, name: 'Sans NEQ' })]);
      expect(await outcome(asModerator((tx) => tx.query(`select public.decide_merchants(array[$1::uuid], 'approve')`, [noNeq!.id])))).toMatch(/^(23514|VT422)/);
    });

    // Known gap, reported with this test: TRUNCATE skips row-level security and row triggers, and
    // the API roles hold the TRUNCATE privilege through the platform's default grants. Once a
    // migration revokes it (and adds a BEFORE TRUNCATE trigger), make this an ordinary `it`.
    it('cannot empty the journal with TRUNCATE (nor can anonymous visitors)', async () => {
      expect(await truncateAs('anon', {})).toMatch(/^(42501|VT403)/);
      expect(await truncateAs('authenticated', moderator)).toMatch(/^(42501|VT403)/);
    });
  });

  describe('service role', () => {
    it('may decide without a user, like a reviewed server job', async () => {
      const [{ r }] = await as('service_role', {}, (tx) =>
        tx.query<{ r: { changed: number } }>(`select public.decide_merchants(array[$1::uuid], 'reject', 'Doublon') as r`, [pendingB]),
      );
      expect(r.changed).toBe(1);
      const [row] = await db.query('select moderator_id, decision from public.moderation_decisions where merchant_id = $1 order by id desc limit 1', [pendingB]);
      expect(row).toEqual({ moderator_id: null, decision: 'reject' });
    });
  });
});
