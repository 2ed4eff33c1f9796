// npm run bench:build -- --merchants 20000
// Seeds N approved merchants into a throwaway embedded database, then measures what a deploy does:
// export, then astro build and the Pagefind index side by side (npm run build); and, in the same run, the baseline: the same N merchants built by
// Astro from a one-paragraph template (scripts/bench/baseline-site). Last line: key=value summary.
import { mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { cpus, tmpdir, totalmem } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { randomUUID } from 'node:crypto';
import { asRole } from '../../functions/_shared/as-user.ts';
import { ConfigurationError, openDatabase, type Database } from '../../functions/_shared/db.ts';
import { exportCatalogue } from '../publish/export-catalogue.ts';
import { firstSearchKilobytes } from './first-search-bytes.ts';
import { runMeasured } from './measure.ts';
import { migrate } from '../publish/migrate.ts';
import { progress } from '../lib/progress.ts';
import { runCommand } from '../lib/run-command.ts';
import { seedDemo } from '../seed/seed-demo.ts';

const ROOT = new URL('../../', import.meta.url).pathname;
const bin = (name: string) => join(ROOT, 'node_modules/.bin', name);

runCommand(async () => {
  const { values } = parseArgs({ options: { merchants: { type: 'string', default: '1000' }, keep: { type: 'boolean', default: false } } });
  const n = Number(values.merchants);
  if (!Number.isInteger(n) || n < 1) throw new ConfigurationError(`--merchants must be a positive whole number, not "${values.merchants}".`);
  const work = mkdtempSync(join(tmpdir(), 'vitrine-bench-'));
  const contentDir = join(work, 'content');
  const outDir = join(work, 'dist');
  console.log(`Benchmark: ${n.toLocaleString('en-CA')} merchants on ${cpus().length} cores (${cpus()[0]?.model}), ${Math.round(totalmem() / 2 ** 30)} GiB, ${new Date().toISOString()}; work in ${work}`);

  const db = await openDatabase({ VITRINE_PGLITE_DIR: join(work, 'db') });
  await migrate(db);
  await seedDemo(db, { approved: n, pending: 0, seed: 42, onProgress: progress('Seeding') });

  let started = performance.now();
  const exportCpu = process.cpuUsage();
  await exportCatalogue(db, { outDir: contentDir, onProgress: progress('Exporting') });
  const exportSeconds = (performance.now() - started) / 1000;
  const { user, system } = process.cpuUsage(exportCpu);
  const exportCpuSeconds = (user + system) / 1e6;
  const exportRssMb = Math.round(process.resourceUsage().maxRSS / 1024);
  const [mix] = await db.query<{ ways: number; exceptions: number; n: number }>(
    `select count(*) filter (where ways_to_buy <> '{}')::int as ways, count(*) filter (where opening_hours ? 'exceptions')::int as exceptions,
            count(*)::int as n from public.listings`);
  console.log(`Data: ${mix!.ways} of ${mix!.n} listings say how to buy, ${mix!.exceptions} have dated exceptions in their hours.`);

  const env = { ...process.env, VITRINE_CONTENT_DIR: contentDir, VITRINE_OUT_DIR: outDir };
  console.log('astro build, and beside it the French search index then the English one (the English one after Astro past 50,000 merchants)…');
  const build = await runMeasured(bin('tsx'), ['scripts/publish/build.ts', '--content', contentDir, '--out', outDir], { cwd: ROOT, env });
  // scripts/publish/build.ts ends with the time of each side: astro_s=… search_s=… search_en_s=…
  const parts = Object.fromEntries([...build.output.matchAll(/(\w+)_s=([\d.]+)/g)].map(([, k, v]) => [k, Number(v)]));
  const pages = countPages(outDir);
  const distMb = sizeBytes(outDir) / 2 ** 20;
  const searchKb = await firstSearchKilobytes(outDir);

  console.log('baseline: astro build of a one-paragraph template…');
  const baseline = await runMeasured(bin('astro'), ['build', '--silent'], {
    cwd: join(ROOT, 'scripts/bench/baseline-site'),
    env: { ...env, VITRINE_OUT_DIR: join(work, 'baseline') },
  });

  // A merchant's edit published at once, then what the rebuilder does for it (scripts/local/rebuilder.ts,
  // like Netlify's build hook): export again, build into a new folder.
  await memberEdit(db);
  started = performance.now();
  await exportCatalogue(db, { outDir: contentDir });
  const reexportSeconds = (performance.now() - started) / 1000;
  await db.close();
  console.log('rebuild after one edit: export again, then the same build into a new folder…');
  const rebuild = await runMeasured(bin('tsx'), ['scripts/publish/build.ts', '--content', contentDir, '--out', join(work, 'dist-2')], { cwd: ROOT, env });
  const rebuildSeconds = reexportSeconds + rebuild.seconds;

  const total = exportSeconds + build.seconds;
  const peak = Math.max(exportRssMb, build.peakRssMb);
  // The same comparison in CPU seconds (user + system, every process of each side): the work done,
  // which holds better than wall time when the machine's speed drifts from one run to the next.
  const cpu = exportCpuSeconds + build.cpuSeconds;
  const rows: Array<[string, string]> = [
    ['export', `${exportSeconds.toFixed(1)} s`],
    ['astro build', `${parts.astro} s`],
    ['search index fr (beside astro)', `${parts.search} s`],
    ['search index en (after fr)', `${parts.search_en} s`],
    ['site (both)', `${build.seconds.toFixed(1)} s (peak ${build.peakRssMb} MB)`],
    ['total', `${total.toFixed(1)} s`],
    ['baseline (minimal template)', `${baseline.seconds.toFixed(1)} s (peak ${baseline.peakRssMb} MB)`],
    ['ratio total / baseline', (total / baseline.seconds).toFixed(2)],
    ['CPU, export + build', `${cpu.toFixed(1)} s (baseline ${baseline.cpuSeconds.toFixed(1)} s, ratio ${(cpu / baseline.cpuSeconds).toFixed(2)})`],
    ['pages', `${pages} (${(pages / build.seconds).toFixed(0)} pages/s)`],
    ['dist size', `${distMb.toFixed(0)} MB`],
    ['first search downloads', `${searchKb.toFixed(0)} KB`],
    ['rebuild after one edit', `${rebuildSeconds.toFixed(1)} s (export ${reexportSeconds.toFixed(1)} s, site ${rebuild.seconds.toFixed(1)} s, peak ${rebuild.peakRssMb} MB), full build ${total.toFixed(1)} s`],
  ];
  for (const [k, v] of rows) console.log(`${k.padEnd(30)} ${v}`);
  if (!values.keep) rmSync(work, { recursive: true, force: true });
  console.log(
    [
      `merchants=${n}`, `export_s=${exportSeconds.toFixed(1)}`, `build_s=${parts.astro}`, `pagefind_s=${parts.search}`, `pagefind_en_s=${parts.search_en}`, `site_s=${build.seconds.toFixed(1)}`,
      `total_s=${total.toFixed(1)}`, `baseline_s=${baseline.seconds.toFixed(1)}`, `ratio=${(total / baseline.seconds).toFixed(2)}`,
      `cpu_s=${cpu.toFixed(1)}`, `baseline_cpu_s=${baseline.cpuSeconds.toFixed(1)}`, `cpu_ratio=${(cpu / baseline.cpuSeconds).toFixed(2)}`,
      `peak_rss_mb=${peak}`, `pages=${pages}`, `pages_per_s=${(pages / build.seconds).toFixed(0)}`, `dist_mb=${distMb.toFixed(0)}`,
      `search_first_query_kb=${searchKb.toFixed(0)}`, `rebuild_after_edit_s=${rebuildSeconds.toFixed(1)}`, `rebuild_peak_rss_mb=${rebuild.peakRssMb}`,
    ].join(' '),
  );
});

/** One owner's edit of the first listing (hours until 2 a.m. on Friday, delivery), through the function merchants call. */
async function memberEdit(db: Database): Promise<void> {
  const [listing] = await db.query<{ id: string; version: number }>('select id, version from public.listings order by slug limit 1');
  const owner = { sub: randomUUID(), email: 'bench@vitrine.example' };
  await db.query('insert into auth.users (id, email) values ($1, $2)', [owner.sub, owner.email]);
  await db.query(`insert into public.listing_members (listing_id, user_id, role) values ($1, $2, 'owner')`, [listing!.id, owner.sub]);
  await asRole(db, 'authenticated', owner, (tx) => tx.query('select public.propose_listing_change($1, $2::jsonb, $3)', [
    listing!.id, JSON.stringify({ opening_hours: { week: { fri: [['17:00', '02:00']] } }, ways_to_buy: { delivery: true, delivery_area: 'Partout au Québec' } }), listing!.version,
  ]));
}

function countPages(dir: string): number {
  let count = 0;
  for (const entry of readdirSync(dir, { recursive: true, encoding: 'utf8' })) if (entry.endsWith('.html')) count += 1;
  return count;
}

function sizeBytes(dir: string): number {
  let total = 0;
  for (const entry of readdirSync(dir, { recursive: true, encoding: 'utf8' })) {
    const stat = statSync(join(dir, entry));
    if (stat.isFile()) total += stat.size;
  }
  return total;
}
