import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../tests/support/test-database.ts';
import { precheckAccuracy, type PrecheckAccuracy } from './precheck-accuracy.ts';
import { seedDemo } from './seed-demo.ts';

describe('demo pending submissions', () => {
  let db: TestDatabase;
  const options = { approved: 2000, pending: 300, seed: 42 };
  let accuracy: PrecheckAccuracy;

  beforeAll(async () => {
    db = await createTestDatabase();
    await seedDemo(db, options);
    accuracy = await precheckAccuracy(db, options);
  });
  afterAll(() => db?.drop());

  it('arrive with their pre-checks computed', () => {
    expect(accuracy.pending).toBe(300);
    expect(accuracy.unchecked).toBe(0);
  });

  it('flag every seeded ineligible submission and fail at most 2% of the eligible ones', () => {
    expect(accuracy.ineligible).toBeGreaterThanOrEqual(10);
    expect(accuracy.missed).toEqual({});
    expect(accuracy.ineligibleFlagged).toBe(accuracy.ineligible);
    expect(accuracy.eligibleFailed / accuracy.eligible).toBeLessThanOrEqual(0.02);
  });

  it('wait for up to ten days behind listings approved over two months, so the backlog has an age and the wait an estimate', async () => {
    const [spread] = await db.query<{ oldest_pending_days: number; newest_pending_days: number; approved_last_14_days: number }>(`
      select (extract(epoch from now() - min(created_at) filter (where status = 'pending')) / 86400)::float8 as oldest_pending_days,
             (extract(epoch from now() - max(created_at) filter (where status = 'pending')) / 86400)::float8 as newest_pending_days,
             count(*) filter (where status = 'approved' and decided_at > now() - interval '14 days')::int as approved_last_14_days
      from public.proposals`);
    expect(spread!.oldest_pending_days).toBeGreaterThan(9);
    expect(spread!.oldest_pending_days).toBeLessThan(10);
    expect(spread!.newest_pending_days).toBeLessThan(0.1);
    // 2,000 approvals over 60 days: about 467 in the last 14.
    expect(spread!.approved_last_14_days).toBeGreaterThan(400);
    expect(spread!.approved_last_14_days).toBeLessThan(530);

    const [oldest] = await db.query<{ id: string; token: string }>(
      `select id, private.status_token(id) as token from public.proposals where status = 'pending' order by created_at, id limit 1`);
    const [status] = await db.query<{ s: { queuePosition: number; expectedWaitDays: number | null } }>(
      'select public.registration_status($1, $2) as s', [oldest!.id, oldest!.token]);
    expect(status!.s).toMatchObject({ queuePosition: 1, expectedWaitDays: 1 });
  });
});
