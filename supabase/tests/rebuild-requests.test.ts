// Who may take and settle rebuild requests (the production build hook, functions/rebuild-hook), and
// how a burst is taken: checked in the database itself, as each actor meets it.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { asRole, type ApiRole, type Claims } from '../../functions/_shared/as-user.ts';
import type { Queryable } from '../../functions/_shared/db.ts';
import { createTestDatabase, databaseKinds, type TestDatabase } from '../../tests/support/test-database.ts';

type Claimed = { ids: number[]; count: number } | null;

describe.each(databaseKinds())('rebuild requests for the build hook on %s', (kind) => {
  let db: TestDatabase;
  const moderator: Claims = { sub: randomUUID(), email: 'modo@example.org', app_metadata: { provider: 'email', role: 'moderator' } };
  const as = <T>(role: ApiRole, claims: Claims, work: (tx: Queryable) => Promise<T>) => asRole(db, role, claims, work);
  const asBuilder = <T>(work: (tx: Queryable) => Promise<T>) => as('vitrine_builder', {}, work);
  const outcome = (promise: Promise<unknown>) => promise.then(() => 'allowed', (e: Error & { code?: string }) => `${e.code}: ${e.message}`);
  const claim = (tx: Queryable) => tx.query<{ open: Claimed }>('select public.claim_rebuild_requests() as open').then(([r]) => r!.open);
  const request = (ageSeconds: number) =>
    db.query(`insert into public.rebuild_requests (reason, requested_at) values ('test', now() - make_interval(secs => $1))`, [ageSeconds]);
  const open = async () => (await db.query<{ n: number }>('select count(*)::int as n from public.rebuild_requests where built_at is null'))[0]!.n;

  beforeAll(async () => {
    db = await createTestDatabase(kind);
  });
  afterAll(() => db?.drop());
  beforeEach(() => db.query('delete from public.rebuild_requests'));

  describe.each([
    ['an anonymous visitor', 'anon', {}],
    ['a moderator', 'authenticated', moderator],
    ['the service role', 'service_role', { role: 'service_role' }],
  ] as const)('%s', (_who, role, claims) => {
    it('can neither take nor settle rebuild requests', async () => {
      await request(60);
      expect(await outcome(as(role, claims, claim))).toMatch(/^42501/);
      expect(await outcome(as(role, claims, (tx) => tx.query('select public.settle_rebuild_requests(array[1::bigint], null)')))).toMatch(/^42501/);
      expect(await open()).toBe(1);
    });
  });

  describe('the build hook function (vitrine_builder)', () => {
    it('takes nothing while a burst of approvals goes on', async () => {
      await request(100);
      await request(2);
      expect(await asBuilder(claim)).toBeNull();
    });

    it('takes every open request once the burst has settled, or once the oldest waited five minutes', async () => {
      await request(90);
      await request(40);
      expect(await asBuilder(claim)).toMatchObject({ count: 2 });
      await db.query('delete from public.rebuild_requests');
      await request(301);
      await request(1);
      expect(await asBuilder(claim)).toMatchObject({ count: 2 });
    });

    it('marks taken requests built on success, and keeps them open with the error on failure', async () => {
      await request(60);
      await request(45);
      const failed = await asBuilder(async (tx) => {
        const taken = (await claim(tx))!;
        await tx.query('select public.settle_rebuild_requests($1::bigint[], $2)', [taken.ids, 'Build hook answered 503']);
        return taken;
      });
      expect(await db.query('select built_at, last_error from public.rebuild_requests')).toEqual([
        { built_at: null, last_error: 'Build hook answered 503' },
        { built_at: null, last_error: 'Build hook answered 503' },
      ]);
      await asBuilder(async (tx) => tx.query('select public.settle_rebuild_requests($1::bigint[], null)', [(await claim(tx))!.ids]));
      const rows = await db.query<{ id: number; built_at: Date | null; last_error: string | null }>('select id::int, built_at, last_error from public.rebuild_requests order by id');
      expect(rows.map((r) => r.id)).toEqual(failed.ids);
      for (const r of rows) expect(r).toMatchObject({ built_at: expect.any(Date), last_error: null });
    });

    it.skipIf(kind === 'pglite')('never gives the same requests to two overlapping runs', async () => {
      await request(60);
      let release!: () => void;
      const held = new Promise<void>((resolve) => (release = resolve));
      let first: Claimed = null;
      const firstRun = asBuilder(async (tx) => {
        first = await claim(tx);
        await held; // the first run is still calling the build hook
      });
      await expect.poll(() => first).not.toBeNull();
      expect(await asBuilder(claim)).toBeNull();
      release();
      await firstRun;
    });
  });
});
