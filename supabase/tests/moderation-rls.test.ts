// Who can register, read, decide and journal, checked in the database itself as each actor meets
// it (the handlers call these same functions with the caller's role and claims, and on Supabase
// PostgREST lets any token reach the tables and public functions directly).
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { asRole, type ApiRole, type Claims } from '../../functions/_shared/as-user.ts';
import type { Queryable } from '../../functions/_shared/db.ts';
import { insertMerchants, merchantRow } from '../../tests/support/merchants.ts';
import { createTestDatabase, databaseKinds, type TestDatabase } from '../../tests/support/test-database.ts';

describe.each(databaseKinds())('registration and moderation rights on %s', (kind) => {
  let db: TestDatabase;
  const userA = randomUUID();
  const moderatorId = randomUUID();
  const merchantA: Claims = { sub: userA, email: 'a@example.ca', app_metadata: { provider: 'email' } };
  const moderator: Claims = { sub: moderatorId, email: 'modo@example.org', app_metadata: { provider: 'email', role: 'moderator' } };
  let pendingA: string, pendingB: string, published: string;

  const as = <T>(role: ApiRole, claims: Claims, work: (tx: Queryable) => Promise<T>) => asRole(db, role, claims, work);
  const anon = <T>(work: (tx: Queryable) => Promise<T>) => as('anon', {}, work);
  const asMerchantA = <T>(work: (tx: Queryable) => Promise<T>) => as('authenticated', merchantA, work);
  const asModerator = <T>(work: (tx: Queryable) => Promise<T>) => as('authenticated', moderator, work);
  /** 'allowed', or the SQLSTATE and message it was refused with. */
  const outcome = (promise: Promise<unknown>) =>
    promise.then(() => 'allowed', (e: Error & { code?: string }) => `${e.code}: ${e.message}`);
  const statusOf = async (id: string) => (await db.query<{ status: string }>('select status::text from public.proposals where id = $1', [id]))[0]!.status;
  /** Tries TRUNCATE as `role` inside a transaction that is always rolled back, so no test loses data. */
  const truncateAs = async (role: ApiRole | null, claims: Claims): Promise<string> => {
    let result = '';
    await db
      .transaction(async (tx) => {
        if (role) await tx.query(`select set_config('request.jwt.claims', $1, true), set_config('role', $2, true)`, [JSON.stringify({ ...claims, role }), role]);
        result = await outcome(tx.query('truncate public.journal'));
        throw new Error('roll back');
      })
      .catch(() => {});
    return result;
  };
  const tally = async () => (await db.query<{ journal: number; outbox: number; rebuilds: number }>(
    `select (select count(*)::int from public.journal) as journal, (select count(*)::int from public.outbox) as outbox,
            (select count(*)::int from public.rebuild_requests) as rebuilds`))[0]!;
  const register = (fields: Record<string, unknown>) =>
    asRole(db, 'vitrine_registrar', {}, async (tx) =>
      (await tx.query<{ r: { id: string; statusToken: string } }>(`select public.register_merchant($1::jsonb, $2, $3) as r`, [
        JSON.stringify({ category: 'animaux', city: 'Laval', postalCode: 'H7A 1A1', neq: '1164444444', locale: 'fr', ...fields }),
        `test:${randomUUID()}`,
        `bucket-${randomUUID()}`,
      ]))[0]!.r);

  beforeAll(async () => {
    db = await createTestDatabase(kind);
    [{ id: pendingA }, { id: pendingB }, { id: published }] = await insertMerchants(db, [
      merchantRow({ status: 'pending', contact_email: 'secret-a@example.ca', neq: '1161111111' }),
      merchantRow({ status: 'pending', contact_email: 'secret-b@example.ca', neq: '1162222222' }),
      merchantRow({ status: 'approved', contact_email: 'secret-c@example.ca', neq: '1163333333' }),
    ]);
    // One decision exists, so that refusals to read the journal are not just an empty table.
    await asModerator((tx) => tx.query(`select public.decide_proposals(array[$1::uuid], 'request_changes', 'Précisez l''adresse.')`, [pendingB]));
  });
  afterAll(() => db?.drop());

  describe('anonymous visitor', () => {
    it('cannot read proposals, listings, contact e-mails or NEQs, only the public catalogue', async () => {
      expect(await outcome(anon((tx) => tx.query('select id, fields from public.proposals')))).toMatch(/^42501: permission denied/);
      expect(await outcome(anon((tx) => tx.query('select id, contact_email from public.listings')))).toMatch(/^42501: permission denied/);
      expect(await outcome(anon((tx) => tx.query('select contact_email from public.catalogue')))).toMatch(/^42703/);
      expect(await outcome(anon((tx) => tx.query('select neq from public.catalogue')))).toMatch(/^42703/);
      expect((await anon((tx) => tx.query<{ id: string }>('select id from public.catalogue'))).map((r) => r.id)).toEqual([published]);
    });

    it('cannot call the register function directly, where it could pick its own rate-limit bucket', async () => {
      expect(await outcome(anon((tx) => tx.query(`select public.register_merchant('{}'::jsonb, 'k', null)`)))).toMatch(/^42501: permission denied/);
      expect(await outcome(anon((tx) => tx.query(`select public.resubmit_registration($1, 't', '{}'::jsonb, null)`, [pendingA])))).toMatch(/^42501: permission denied/);
    });

    it('can register through the registrar role, and read a registration only with its token', async () => {
      const r = await register({ name: 'Nouvelle', email: 'n@example.ca' });
      const [{ s }] = await anon((tx) => tx.query<{ s: { status: string } }>('select public.registration_status($1, $2) as s', [r.id, r.statusToken]));
      expect(s!.status).toBe('pending');
      expect(await outcome(anon((tx) => tx.query('select public.registration_status($1, $2)', [r.id, 'guess'])))).toBe('VT404: unknown submission');
      expect(await outcome(anon((tx) => tx.query('select private.status_token($1)', [r.id])))).toMatch(/^42501: permission denied/);
    });

    it('never learns, through a status link, which other listing its registration duplicates (it may not be public)', async () => {
      await register({ name: 'Épicerie Confidentielle', email: 'c@example.ca', neq: '1167777777', phone: '+14505550111' });
      const mine = await register({ name: 'Mon commerce', email: 'm@example.ca', neq: '1167777777', phone: '+14505550111' });
      // The status function strips it itself: callable as a Supabase RPC, it is not behind our handler.
      const [{ s }] = await anon((tx) => tx.query<{ s: { checks: Array<{ check: string; code: string; params: object }> } }>(
        'select public.registration_status($1, $2) as s', [mine.id, mine.statusToken]));
      expect(JSON.stringify(s)).not.toMatch(/Confidentielle/);
      expect(s!.checks.find((c) => c.check === 'duplicate')).toEqual({ check: 'duplicate', outcome: 'fail', code: 'duplicate.similar', params: {} });
      expect(JSON.stringify(mine)).not.toMatch(/Confidentielle/);
      // Moderators still read which one it is.
      const [{ checks }] = await asModerator((tx) => tx.query<{ checks: Array<{ check: string; params: { name?: string } }> }>(
        'select checks from public.proposals where id = $1', [mine.id]));
      expect(checks!.find((c) => c.check === 'duplicate')!.params.name).toBe('Épicerie Confidentielle');
    });

    it('cannot decide, by the function or directly', async () => {
      expect(await outcome(anon((tx) => tx.query(`select public.decide_proposals(array[$1::uuid], 'approve')`, [pendingA])))).toMatch(/^42501: permission denied/);
      expect(await outcome(anon((tx) => tx.query(`update public.proposals set status = 'approved' where id = $1`, [pendingA])))).toMatch(/^42501/);
      expect(await statusOf(pendingA)).toBe('pending');
    });

    it('cannot write the journal, the outbox or rebuild requests, nor read them', async () => {
      const before = await tally();
      expect(await outcome(anon((tx) => tx.query(
        `insert into public.journal (proposal_id, action, previous_status) values ($1, 'approve', 'pending')`, [pendingA],
      )))).toMatch(/^42501: permission denied/);
      expect(await outcome(anon((tx) => tx.query(
        `insert into public.outbox (proposal_id, recipient, locale, kind, subject, body) values ($1, 'x@example.ca', 'fr', 'approve', 's', 'b')`, [pendingA],
      )))).toMatch(/^42501/);
      expect(await outcome(anon((tx) => tx.query(`insert into public.rebuild_requests (reason) values ('spam')`)))).toMatch(/^42501/);
      for (const table of ['journal', 'outbox', 'rebuild_requests']) {
        expect(await outcome(anon((tx) => tx.query(`select * from public.${table}`))), table).toMatch(/^42501: permission denied/);
      }
      expect(await tally()).toEqual(before);
    });

    it('cannot touch private tables or helpers: secrets, rate limits, salts, check refresh, decisions', async () => {
      for (const table of ['private.secrets', 'private.rate_limits', 'private.rate_limit_salts', 'private.settings']) {
        expect(await outcome(anon((tx) => tx.query(`select * from ${table}`))), table).toMatch(/^42501: permission denied/);
      }
      for (const call of ['private.refresh_checks(null)', `private.take_rate_limit('bucket-of-sixteen-chars', 60)`, 'private.rate_limit_salt()',
        `private.apply_decision(array['${pendingA}'::uuid], 'approve', null)`]) {
        expect(await outcome(anon((tx) => tx.query(`select ${call}`))), call).toMatch(/^42501: permission denied/);
      }
    });

    it('cannot use the moderators’ functions', async () => {
      for (const call of ['public.moderation_queue()', 'public.moderation_backlog()', `public.proposal_history('${pendingA}')`, 'public.recheck_submissions()']) {
        expect(await outcome(anon((tx) => tx.query(`select ${call}`))), call).toMatch(/^(VT401: sign in as a moderator|42501: permission denied)/);
      }
    });
  });

  describe('merchant A', () => {
    it('cannot approve a listing, by the function or directly', async () => {
      expect(await outcome(asMerchantA((tx) => tx.query(`select public.decide_proposals(array[$1::uuid], 'approve')`, [pendingA])))).toBe('VT403: moderators only');
      expect(await outcome(asMerchantA((tx) => tx.query(`update public.proposals set status = 'approved' where id = $1`, [pendingA])))).toMatch(/^42501/);
      expect(await statusOf(pendingA)).toBe('pending');
    });

    it('cannot read the journal, the outbox or rebuild requests', async () => {
      expect((await tally()).journal).toBeGreaterThan(0);
      for (const table of ['journal', 'outbox', 'rebuild_requests']) {
        expect(await asMerchantA((tx) => tx.query(`select * from public.${table}`)), table).toEqual([]);
      }
    });

    it('cannot record a decision, even in its own name', async () => {
      expect(await outcome(asMerchantA((tx) => tx.query(
        `insert into public.journal (proposal_id, actor_id, action, previous_status) values ($1, $2, 'approve', 'pending')`, [pendingA, userA],
      )))).toMatch(/^42501: permission denied/);
    });

    it('does not become a moderator by writing the role in user_metadata', async () => {
      const claims = { ...merchantA, user_metadata: { role: 'moderator' } };
      expect(await outcome(as('authenticated', claims, (tx) => tx.query('select public.moderation_queue()')))).toBe('VT403: moderators only');
      expect(await outcome(as('authenticated', claims, (tx) => tx.query(`select public.decide_proposals(array[$1::uuid], 'approve')`, [pendingA])))).toBe('VT403: moderators only');
    });
  });

  describe('moderator', () => {
    it('decides through the function, and the journal names them from their token', async () => {
      await asModerator((tx) => tx.query(`select public.decide_proposals(array[$1::uuid], 'approve')`, [pendingA]));
      expect(await statusOf(pendingA)).toBe('approved');
      const rows = await asModerator((tx) => tx.query(
        `select actor_id, actor_email, action, previous_status::text, listing_change from public.journal where proposal_id = $1`, [pendingA],
      ));
      expect(rows).toEqual([{ actor_id: moderatorId, actor_email: 'modo@example.org', action: 'approve', previous_status: 'pending', listing_change: 'created' }]);
      expect((await asModerator((tx) => tx.query('select id from public.outbox where proposal_id = $1', [pendingA])))).toHaveLength(1);
    });

    it('cannot change a listing or a proposal behind the journal: no UPDATE, INSERT or DELETE, on any column', async () => {
      const before = await tally();
      for (const statement of [
        `update public.listings set name = 'Réécrite' where id = '${published}'`,
        `update public.listings set status = 'withdrawn'`,
        `delete from public.listings where id = '${published}'`,
        `update public.proposals set status = 'approved', decision_reason = null where id = '${pendingB}'`,
        `insert into public.proposals (fields) values ('{"name": "Forgée"}')`,
      ]) {
        expect(await outcome(asModerator((tx) => tx.query(statement))), statement).toMatch(/^42501: permission denied/);
      }
      const [row] = await db.query<{ name: string; status: string }>('select name::text, status::text from public.listings where id = $1', [published]);
      expect(row).toEqual({ name: expect.not.stringMatching(/Réécrite/), status: 'published' });
      expect(await tally()).toEqual(before);
    });

    it('cannot forge a journal entry, queue a notice or request a rebuild, in anyone’s name', async () => {
      const before = await tally();
      expect(await outcome(asModerator((tx) => tx.query(
        `insert into public.journal (proposal_id, actor_id, actor_email, action, previous_status, at)
         values ($1, $2, 'autre@example.org', 'approve', 'pending', now() - interval '30 days')`, [pendingB, randomUUID()],
      )))).toMatch(/^42501: permission denied/);
      expect(await outcome(asModerator((tx) => tx.query(
        `insert into public.outbox (proposal_id, recipient, locale, kind, subject, body) values ($1, 'victim@example.ca', 'fr', 'approve', 'Gagnez !', 'http://phish.example')`, [pendingB],
      )))).toMatch(/^42501: permission denied/);
      expect(await outcome(asModerator((tx) => tx.query(`insert into public.rebuild_requests (reason) values ('x')`)))).toMatch(/^42501: permission denied/);
      expect(await outcome(asModerator((tx) => tx.query(`select private.apply_decision(array[$1::uuid], 'approve', null)`, [pendingB])))).toMatch(/^42501: permission denied/);
      expect(await tally()).toEqual(before);
    });

    it('cannot update or delete a journal entry, and neither can the database owner', async () => {
      const before = await tally();
      expect(await outcome(asModerator((tx) => tx.query(`update public.journal set reason = 'rewritten'`)))).toMatch(/^42501: permission denied/);
      expect(await outcome(db.query(`update public.journal set reason = 'rewritten'`))).toBe('VT403: the journal is append-only');
      expect(await outcome(db.query('delete from public.journal'))).toBe('VT403: the journal is append-only');
      expect(await tally()).toEqual(before);
    });

    it('cannot empty the journal with TRUNCATE, nor can anonymous visitors or the owner', async () => {
      expect(await truncateAs('anon', {})).toMatch(/^(42501|VT403)/);
      expect(await truncateAs('authenticated', moderator)).toMatch(/^(42501|VT403)/);
      expect(await truncateAs(null, {})).toBe('VT403: the journal is append-only');
    });

    it('cannot approve a listing outside Quebec: the whole batch is refused', async () => {
      const [outside, fine] = await insertMerchants(db, [
        merchantRow({ status: 'pending', postal_code: 'K1A 0B1', name: 'Hors Québec' }),
        merchantRow({ status: 'pending', name: 'Au Québec' }),
      ]);
      const before = await tally();
      expect(await outcome(asModerator((tx) => tx.query(`select public.decide_proposals($1::uuid[], 'approve')`, [[fine!.id, outside!.id]]))))
        .toMatch(/^VT422: listing "Hors Québec" cannot be published/);
      expect([await statusOf(outside!.id), await statusOf(fine!.id)]).toEqual(['pending', 'pending']);
      expect(await tally()).toEqual(before);
    });

    it('cannot approve a listing that has no NEQ', async () => {
      const [noNeq] = await insertMerchants(db, [merchantRow({ status: 'pending', neq: null, name: 'Sans NEQ' })]);
      expect(await outcome(asModerator((tx) => tx.query(`select public.decide_proposals(array[$1::uuid], 'approve')`, [noNeq!.id])))).toMatch(/^VT422/);
    });
  });

  describe('service role', () => {
    it('may decide without a user, like a reviewed server job, and is journaled as no moderator', async () => {
      const [{ r }] = await as('service_role', {}, (tx) =>
        tx.query<{ r: { changed: number } }>(`select public.decide_proposals(array[$1::uuid], 'reject', 'Doublon') as r`, [pendingB]),
      );
      expect(r!.changed).toBe(1);
      const [row] = await db.query('select actor_id, action from public.journal where proposal_id = $1 order by id desc limit 1', [pendingB]);
      expect(row).toEqual({ actor_id: null, action: 'reject' });
    });

    it('cannot write the tables directly either', async () => {
      expect(await outcome(as('service_role', {}, (tx) => tx.query(`update public.listings set name = 'x'`)))).toMatch(/^42501: permission denied/);
      expect(await outcome(as('service_role', {}, (tx) => tx.query(`insert into public.journal (proposal_id, action, previous_status) values ($1, 'approve', 'pending')`, [pendingA])))).toMatch(/^42501: permission denied/);
    });
  });
});
