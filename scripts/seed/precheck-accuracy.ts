// How well the automatic pre-checks sort the demo's pending listings: the generator knows which ones
// it made ineligible (outside Quebec, malformed NEQ, duplicate of a published listing), the database
// knows what the checks concluded. A seeded ineligible listing counts as flagged when its worst
// outcome is warn or fail (a moderator looks at it); an eligible one is wrongly failed on fail.
import type { Queryable } from '../../functions/_shared/db.ts';
import { generateDemoMerchants, type DemoOptions, type Municipality, type SeededIneligibility } from './demo-merchants.ts';
import { demoInQuebec } from './seed-demo.ts';

export type PrecheckAccuracy = {
  /** Pending listings found in the database, with their outcome computed. */
  pending: number;
  unchecked: number;
  ineligible: number;
  ineligibleFlagged: number;
  /** Seeded ineligible listings the checks let through as 'pass', by kind (should be empty). */
  missed: Partial<Record<SeededIneligibility, number>>;
  eligible: number;
  eligibleFailed: number;
};

/** precheckAccuracy(db, { approved: 2000, pending: 300, seed: 42 }) on a database seeded with those options. */
export async function precheckAccuracy(db: Queryable, options: DemoOptions): Promise<PrecheckAccuracy> {
  const municipalities = await db.query<Municipality>('select code, name, region_code, latitude, longitude, population from public.municipalities');
  const key = (r: { name: string; city: string; contact_email: string }) => `${r.name}|${r.city}|${r.contact_email}`;
  const seeded = new Map(
    generateDemoMerchants({ inQuebec: demoInQuebec(), ...options }, municipalities).filter((r) => r.status === 'pending').map((r) => [key(r), r.seededIneligibility]),
  );
  const rows = await db.query<{ name: string; city: string; contact_email: string; outcome: string | null }>(
    `select fields ->> 'name' as name, fields ->> 'city' as city, fields ->> 'contact_email' as contact_email, checks_outcome as outcome
     from public.proposals where status = 'pending'`,
  );
  const result: PrecheckAccuracy = { pending: 0, unchecked: 0, ineligible: 0, ineligibleFlagged: 0, missed: {}, eligible: 0, eligibleFailed: 0 };
  for (const row of rows) {
    const kind = seeded.get(key(row));
    if (kind === undefined) continue; // not a demo listing (a registration made since)
    result.pending++;
    if (row.outcome === null) result.unchecked++;
    if (kind) {
      result.ineligible++;
      if (row.outcome === 'warn' || row.outcome === 'fail') result.ineligibleFlagged++;
      else result.missed[kind] = (result.missed[kind] ?? 0) + 1;
    } else {
      result.eligible++;
      if (row.outcome === 'fail') result.eligibleFailed++;
    }
  }
  return result;
}
