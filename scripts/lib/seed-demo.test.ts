import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../tests/support/test-database.ts';
import { generateDemoMerchants, type Municipality } from './demo-merchants.ts';
import { seedDemo } from './seed-demo.ts';

describe('demo pending submissions', () => {
  let db: TestDatabase;
  const options = { approved: 2000, pending: 300, seed: 42 };
  let seededIneligible: Map<string, string>;
  let pending: Array<{ key: string; outcome: string | null }>;

  beforeAll(async () => {
    db = await createTestDatabase();
    await seedDemo(db, options);
    const municipalities = await db.query<Municipality>('select code, name, region_code, latitude, longitude, population from public.municipalities');
    const rows = generateDemoMerchants(options, municipalities);
    const key = (r: { name: string; city: string; contact_email: string }) => `${r.name}|${r.city}|${r.contact_email}`;
    seededIneligible = new Map(rows.filter((r) => r.seededIneligibility).map((r) => [key(r), r.seededIneligibility!]));
    pending = (await db.query<{ name: string; city: string; contact_email: string; outcome: string | null }>(
      `select name, city, contact_email, checks_outcome as outcome from public.merchants where status = 'pending'`,
    )).map((r) => ({ key: key(r), outcome: r.outcome }));
  });
  afterAll(() => db?.drop());

  it('arrive with their pre-checks computed', () => {
    expect(pending).toHaveLength(300);
    expect(pending.filter((p) => p.outcome === null)).toEqual([]);
  });

  it('flag every seeded ineligible submission and fail at most 2% of the eligible ones', () => {
    expect(seededIneligible.size).toBeGreaterThanOrEqual(10);
    const flagged = pending.filter((p) => seededIneligible.has(p.key) && p.outcome !== 'pass');
    expect(flagged.length).toBe(seededIneligible.size);
    const eligible = pending.filter((p) => !seededIneligible.has(p.key));
    const wronglyFailed = eligible.filter((p) => p.outcome === 'fail');
    expect(wronglyFailed.length / eligible.length).toBeLessThanOrEqual(0.02);
  });
});
