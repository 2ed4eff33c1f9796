// Fills public.merchants with generated demo listings. Runs as the connecting user, which owns the
// table and so is not bound by its row-level security: there is no insert policy for anyone else.
import type { Database, Queryable } from '../../functions/_shared/db.ts';
import {
  generateDemoMerchants, MERCHANT_COLUMNS, SEEDED_INELIGIBILITIES,
  type DemoMerchant, type DemoOptions, type Municipality, type SeededIneligibility,
} from './demo-merchants.ts';

export type SeedOptions = DemoOptions & {
  onProgress?: (done: number, total: number) => void;
  /** Rows per INSERT statement and per transaction. */
  batchSize?: number;
};

export type SeedResult = {
  approved: number;
  pending: number;
  /** Pending listings generated as ineligible, by reason: what a moderation benchmark should flag. */
  seeded: Record<SeededIneligibility, number>;
};

// 500 rows × 18 parameters stays far below PostgreSQL's 65,535 parameters per statement. One
// transaction per batch, not one for everything: the slug trigger takes an advisory lock per row,
// held until commit, and a few thousand of them exhaust the shared lock table ("out of shared
// memory"), on PGlite as on a server.
const DEFAULT_BATCH_SIZE = 500;

export async function isDatabaseEmpty(db: Queryable): Promise<boolean> {
  const [row] = await db.query<{ empty: boolean }>('select not exists (select 1 from public.merchants) as empty');
  return row!.empty;
}

export async function seedDemo(db: Database, options: SeedOptions): Promise<SeedResult> {
  const { onProgress = () => {}, batchSize = DEFAULT_BATCH_SIZE } = options;
  onProgress(0, options.approved + options.pending); // generating 100,000 rows takes a few seconds
  const municipalities = await db.query<Municipality>(
    'select code, name, region_code, latitude, longitude, population from public.municipalities',
  );
  const rows = generateDemoMerchants(options, municipalities);
  const times = demoTimes(rows, Date.now());

  for (let start = 0; start < rows.length; start += batchSize) {
    const batch = rows.slice(start, start + batchSize);
    const { sql, params } = insertStatement(batch, times.slice(start, start + batchSize));
    await db.transaction((tx) => tx.query(sql, params));
    onProgress(start + batch.length, rows.length);
  }
  // Pending submissions arrive with their pre-checks, as a registration through the API would.
  if (options.pending > 0) await db.query('select private.refresh_checks(null)');

  const seeded = Object.fromEntries(SEEDED_INELIGIBILITIES.map((kind) => [kind, 0])) as Record<SeededIneligibility, number>;
  for (const row of rows) if (row.seededIneligibility) seeded[row.seededIneligibility]++;
  return {
    approved: rows.filter((r) => r.status === 'approved').length,
    pending: rows.filter((r) => r.status === 'pending').length,
    seeded,
  };
}

type DemoTimes = { createdAt: string; decidedAt: string | null };

const DAY_MS = 86_400_000;
// A directory a few months old: published listings approved over the last 60 days, submissions
// waiting for up to 10 days. The moderators' backlog then has an age, and an applicant's status page
// an expected wait computed from the decisions of the last 14 days, as on a real directory.
const APPROVED_OVER_DAYS = 60;
const PENDING_OVER_DAYS = 10;

/** When each demo listing was submitted and, for published ones, approved: spread evenly, oldest first. */
function demoTimes(rows: readonly DemoMerchant[], now: number): DemoTimes[] {
  const approved = rows.filter((r) => r.status === 'approved').length;
  const counts = { approved, pending: rows.length - approved };
  const seen = { approved: 0, pending: 0 };
  return rows.map((row) => {
    const kind = row.status === 'approved' ? 'approved' : 'pending';
    const span = (kind === 'approved' ? APPROVED_OVER_DAYS : PENDING_OVER_DAYS) * DAY_MS;
    const at = now - span + (span * ++seen[kind]) / (counts[kind] + 1);
    return kind === 'approved'
      ? { createdAt: new Date(at - 2 * DAY_MS).toISOString(), decidedAt: new Date(at).toISOString() }
      : { createdAt: new Date(at).toISOString(), decidedAt: null };
  });
}

/** One multi-row INSERT, with each listing's submission time and, for published ones, its approval. */
function insertStatement(batch: readonly DemoMerchant[], times: readonly DemoTimes[]): { sql: string; params: unknown[] } {
  const params: unknown[] = [];
  const tuples = batch.map((row, i) => {
    const placeholders = MERCHANT_COLUMNS.map((column) => {
      const value = row[column];
      // jsonb goes as text: both drivers would otherwise turn a top-level array into a SQL array.
      params.push(column === 'opening_hours' ? JSON.stringify(value) : value);
      return `$${params.length}`;
    });
    params.push(times[i]!.createdAt, times[i]!.decidedAt);
    const [created, decided] = [params.length - 1, params.length];
    return `(${placeholders.join(', ')}, $${created}::timestamptz, $${decided}::timestamptz, $${decided}::timestamptz)`;
  });
  return {
    sql: `insert into public.merchants (${MERCHANT_COLUMNS.join(', ')}, created_at, approved_at, decided_at) values ${tuples.join(',\n')}`,
    params,
  };
}
