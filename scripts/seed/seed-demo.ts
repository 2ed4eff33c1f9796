// Fills the database with generated demo listings: each one a registration (public.proposals) and,
// when approved, its published listing (public.listings), with a history of submissions and
// approvals spread over the past weeks. A privileged path, named here: it runs as the connecting
// user, which owns the tables, and writes them directly instead of through
// private.apply_decision(), because that function stamps every decision with the present time and
// the demo needs a directory a few months old (a backlog with an age, an expected wait computed
// from the last 14 days' decisions). Seeded approvals have no journal entry or notice: nobody
// decided them.
import { readFileSync } from 'node:fs';
import type { Database, Queryable } from '../../functions/_shared/db.ts';
import { isInsideOutline } from '../../src/lib/quebec-boundary.ts';
import {
  generateDemoMerchants, SEEDED_INELIGIBILITIES,
  type DemoMerchant, type DemoOptions, type Municipality, type SeededIneligibility,
} from './demo-merchants.ts';

const BOUNDARY_FILE = new URL('../../supabase/data/quebec-boundary.json', import.meta.url);

/** Whether a demo shop's point is inside Quebec's outline: the seed and what checks it draw the same points with it. */
export function demoInQuebec(): (latitude: number, longitude: number) => boolean {
  const boundary = JSON.parse(readFileSync(BOUNDARY_FILE, 'utf8'));
  return (latitude, longitude) => isInsideOutline(boundary, latitude, longitude);
}

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

// One transaction per batch of 500, not one for everything: the slug function takes an advisory lock
// per listing, held until commit, and a few thousand of them exhaust the shared lock table ("out of
// shared memory"), on PGlite as on a server.
const DEFAULT_BATCH_SIZE = 500;

export async function isDatabaseEmpty(db: Queryable): Promise<boolean> {
  const [row] = await db.query<{ empty: boolean }>('select not exists (select 1 from public.proposals) as empty');
  return row!.empty;
}

/**
 * Empties the directory for a new demo: listings, registrations, their journal, notices and rebuild
 * requests. The journal refuses TRUNCATE from anyone; this development command, as the tables'
 * owner, lifts that for its own transaction only.
 */
export async function resetDemo(db: Database): Promise<void> {
  await db.transaction((tx) =>
    tx.exec(`
      alter table public.journal disable trigger append_only_truncate;
      truncate public.outbox, public.journal, public.rebuild_requests, public.proposals, public.listings restart identity;
      alter table public.journal enable trigger append_only_truncate;
    `),
  );
}

export async function seedDemo(db: Database, options: SeedOptions): Promise<SeedResult> {
  const { onProgress = () => {}, batchSize = DEFAULT_BATCH_SIZE } = options;
  onProgress(0, options.approved + options.pending); // generating 100,000 rows takes a few seconds
  const municipalities = await db.query<Municipality>(
    'select code, name, region_code, latitude, longitude, population from public.municipalities',
  );
  const rows = generateDemoMerchants({ year: new Date().getFullYear(), inQuebec: demoInQuebec(), ...options }, municipalities);
  const times = demoTimes(rows, Date.now());

  for (let start = 0; start < rows.length; start += batchSize) {
    const batch = rows.slice(start, start + batchSize);
    await db.transaction((tx) => insertBatch(tx, batch, times.slice(start, start + batchSize)));
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

/**
 * One batch: the registrations as proposals (the listing's fields as jsonb, with when each was
 * submitted and, for published ones, approved), then the published listings, made from those
 * fields, with their slugs.
 */
async function insertBatch(tx: Queryable, batch: readonly DemoMerchant[], times: readonly DemoTimes[]): Promise<void> {
  const records = batch.map((row, i) => {
    const { status, seededIneligibility: _seeded, ...fields } = row;
    return { fields: stripNulls(fields), status, created_at: times[i]!.createdAt, decided_at: times[i]!.decidedAt };
  });
  const [{ ids }] = await tx.query<{ ids: string[] }>(
    `with inserted as (
       insert into public.proposals (kind, fields, status, locale, created_at, submitted_at, decided_at)
       select 'create', r.fields, r.status::public.proposal_status, 'fr', r.created_at, r.created_at, r.decided_at
       from jsonb_to_recordset($1::jsonb) as r(fields jsonb, status text, created_at timestamptz, decided_at timestamptz)
       returning id, status
     ) select coalesce(array_agg(id) filter (where status = 'approved'), '{}') as ids from inserted`,
    [JSON.stringify(records)],
  );
  await tx.query(
    `with published as (
       insert into public.listings (id, slug, name, category_slug, description_fr, description_en, street_address, city,
         municipality_code, region_code, postal_code, latitude, longitude, location_precision, phone, website, social_links,
         opening_hours, ways_to_buy, contact_email, neq, locale, created_at, updated_at, published_at)
       select p.id, private.new_listing_slug(f.name, f.city), f.name, f.category_slug, coalesce(f.description_fr, ''),
         coalesce(f.description_en, ''), coalesce(f.street_address, ''), f.city, f.municipality_code, f.region_code,
         f.postal_code, f.latitude, f.longitude, f.location_precision, f.phone, f.website, coalesce(f.social_links, '{}'),
         coalesce(f.opening_hours, '{}'), coalesce(f.ways_to_buy, '{}'), f.contact_email, f.neq, p.locale, p.created_at, p.decided_at, p.decided_at
       from public.proposals p cross join lateral jsonb_populate_record(null::public.listing_fields, p.fields) f
       where p.id = any($1::uuid[])
       order by p.created_at, p.id
       returning id
     ) update public.proposals p set listing_id = published.id from published where p.id = published.id`,
    [ids],
  );
}

/** The fields a demo listing sets: a field it leaves empty (no website) is not set at all. */
function stripNulls(fields: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(fields).filter(([, value]) => value !== null));
}
