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
});
