import { existsSync, mkdtempSync, readFileSync, readlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { asRole } from '../../functions/_shared/as-user.ts';
import { insertMerchants, merchantRow } from '../../tests/support/merchants.ts';
import { createTestDatabase, type TestDatabase } from '../../tests/support/test-database.ts';
import { siteFingerprint } from './ensure-built.ts';
import { isDue, startRebuilder, type Rebuilder } from './rebuilder.ts';

const until = async (what: string, check: () => Promise<boolean>, seconds = 180) => {
  for (const end = Date.now() + seconds * 1000; Date.now() < end; await new Promise((r) => setTimeout(r, 200))) if (await check()) return;
  throw new Error(`Timed out waiting for ${what}`);
};

describe('isDue', () => {
  const at = (s: number) => new Date(s * 1000);
  const rules = { quietMs: 2000, maxDelayMs: 20_000, retryMs: 60_000 };
  it('waits for a burst to settle, but not forever', () => {
    expect(isDue({ last_id: '3', first_at: at(0), last_at: at(9), failed_at: null }, 10_000, rules)).toBe(false);
    expect(isDue({ last_id: '3', first_at: at(0), last_at: at(7), failed_at: null }, 10_000, rules)).toBe(true);
    expect(isDue({ last_id: '9', first_at: at(0), last_at: at(20), failed_at: null }, 21_000, rules)).toBe(true);
  });
  it('after a failure, retries later, or at once when a new approval arrives', () => {
    expect(isDue({ last_id: '3', first_at: at(0), last_at: at(1), failed_at: at(5) }, 30_000, rules)).toBe(false);
    expect(isDue({ last_id: '3', first_at: at(0), last_at: at(1), failed_at: at(5) }, 70_000, rules)).toBe(true);
    expect(isDue({ last_id: '4', first_at: at(0), last_at: at(40), failed_at: at(5) }, 45_000, rules)).toBe(true);
  });
});

describe('rebuild on approval', () => {
  let db: TestDatabase;
  let rebuilder: Rebuilder | undefined;
  const work = mkdtempSync(join(tmpdir(), 'vitrine-rebuild-'));
  const paths = { buildsDir: join(work, 'builds'), siteLink: join(work, 'dist'), contentDir: join(work, 'content') };
  const open = async () => (await db.query<{ n: number }>('select count(*)::int as n from public.rebuild_requests where built_at is null'))[0].n;
  const start = (env: NodeJS.ProcessEnv = process.env) =>
    (rebuilder = startRebuilder({ db, ...paths, quietMs: 300, pollMs: 100, retryMs: 600_000, env, log: () => {} }));
  /** Approves as a server job would, through the one function that publishes (and asks for a rebuild); the listing's slug. */
  const approve = async (id: string): Promise<string> => {
    await asRole(db, 'service_role', {}, (tx) => tx.query(`select public.decide_proposals(array[$1::uuid], 'approve')`, [id]));
    return (await db.query<{ slug: string }>('select slug from public.listings where id = $1', [id]))[0]!.slug;
  };

  beforeAll(async () => {
    db = await createTestDatabase();
    await insertMerchants(db, [merchantRow({ name: 'Déjà publiée' })]);
  });
  afterAll(async () => {
    await rebuilder?.stop();
    await db?.drop();
  });

  it('builds once for a burst of approvals and publishes every approved listing', async () => {
    const pending = await insertMerchants(db, Array.from({ length: 5 }, (_, i) => merchantRow({ name: `Rafale ${i}`, status: 'pending' })));
    start();
    const slugs: string[] = [];
    for (const m of pending) slugs.push(await approve(m.id));
    await until('the burst to be built', async () => (await open()) === 0);
    expect(rebuilder!.builds()).toBe(1);
    for (const slug of slugs) expect(existsSync(join(paths.siteLink, 'commerces', slug, 'index.html')), slug).toBe(true);
    // Stamped with what it was built from: the next `npm start` finds it current and does not rebuild.
    expect(readFileSync(join(paths.siteLink, '.vitrine-build'), 'utf8')).toBe(siteFingerprint(paths.contentDir));
  });

  it('keeps serving the last good site when a build fails, and reports the failure', async () => {
    await rebuilder!.stop();
    const before = readlinkSync(paths.siteLink);
    // A production build without SITE_URL is refused by the site's configuration: a real failure.
    start({ ...process.env, CONTEXT: 'production', SITE_URL: '' });
    const [m] = await insertMerchants(db, [merchantRow({ name: 'Échec', status: 'pending' })]);
    await approve(m!.id);
    await until('the failure to be recorded', async () => (await db.query('select 1 from public.rebuild_requests where failed_at is not null')).length > 0);
    const [failure] = await db.query<{ last_error: string; built_at: Date | null }>('select last_error, built_at from public.rebuild_requests where failed_at is not null');
    expect(failure.built_at).toBeNull();
    expect(failure.last_error).toMatch(/SITE_URL/);
    expect(readlinkSync(paths.siteLink)).toBe(before);
    expect(existsSync(join(paths.siteLink, 'index.html'))).toBe(true);
  });

  it('publishes an approval made while no builder ran, on the next start', async () => {
    await rebuilder!.stop();
    const [late] = await insertMerchants(db, [merchantRow({ name: 'Approuvée pendant la panne', status: 'pending' })]);
    const slug = await approve(late!.id);
    start();
    await until('the missed approvals to be built', async () => (await open()) === 0);
    expect(existsSync(join(paths.siteLink, 'commerces', slug, 'index.html'))).toBe(true);
    const [{ n }] = await db.query<{ n: number }>('select count(*)::int as n from public.rebuild_requests where failed_at is not null');
    expect(n).toBe(0);
  });
});
