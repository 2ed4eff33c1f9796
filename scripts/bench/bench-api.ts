// npm run bench:api -- [--calls 200] [--before-calls 10] [--connections 8] [--load-calls 400]
//   [--before-load-calls 16] [--skip-before] [--keep]
// The local API before and after `npm start` had its own server (issue 9): the same handlers
// (functions/) on the same demo database, served first by Netlify's own local runtime
// (@netlify/dev, ./netlify-runtime.ts: a worker built per call, one call per function at a time), then
// by the local server of `npm start` (scripts/local/http-server.ts: in process, concurrently). For
// each endpoint: a warm-up, N calls one after the other (p50, p99, mean), then N calls from
// --connections clients at once (autocannon in a worker thread: requests/s, p50, p99). Both in one
// run, so their ratio holds on a shared machine. The database is a fresh in-memory PGlite, or with
// DATABASE_URL a throwaway database on that PostgreSQL server (dropped at the end), seeded as
// `npm start` seeds it. Prints a Markdown table; last line: key=value summary.
import { randomBytes } from 'node:crypto';
import { createRequire } from 'node:module';
import { cpus, loadavg, totalmem } from 'node:os';
import { parseArgs } from 'node:util';
import autocannon from 'autocannon';
import { openDatabase, useDatabase, type Database } from '../../functions/_shared/db.ts';
import { signDevToken } from '../local/dev-token.ts';
import { startHttpServer } from '../local/http-server.ts';
import { migrate } from '../publish/migrate.ts';
import { seedDemo } from '../seed/seed-demo.ts';
import { wholeNumber } from '../lib/args.ts';
import { progress } from '../lib/progress.ts';
import { runCommand } from '../lib/run-command.ts';
import { throwawayDatabase } from '../lib/throwaway-database.ts';
import { serveEmbeddedDatabase, type ServedDatabase } from './embedded-server.ts';
import { median, percentile } from './measure.ts';
import { startNetlifyRuntime } from './netlify-runtime.ts';

// What `npm start` seeds into an empty database.
const DEMO = { approved: 2000, pending: 300, seed: 42 } as const;
// The target (issue 9, point 14).
const TARGET_QUEUE_P50_MS = 150;
const REGISTER_REQUEST = new URL('./register-request.cjs', import.meta.url).pathname;
// Every request of a run is a new, valid registration from a simulated client of its own
// (register-request.cjs, shared with bench:moderation and called here for the sequential calls).
const nextRegistration = createRequire(import.meta.url)(REGISTER_REQUEST) as (request: Call) => Call;

type Call = { method?: string; path?: string; headers?: Record<string, string>; body?: string };
// call: the next request to send; load: autocannon's, when it is not call() (a request that changes
// at each call is made by a file that autocannon's worker thread require()s).
type Endpoint = { label: string; key: string; expected: number; call: () => Call; load?: autocannon.Request };
type Runtime = 'before' | 'after';
type Sequential = { calls: number; p50: number; p99: number; mean: number };
type Concurrent = { calls: number; rps: number; p50: number; p99: number };
type Figures = { sequential: Sequential; concurrent: Concurrent };

const RUNTIMES: Record<Runtime, string> = { before: 'Netlify dev runtime', after: 'local server' };

runCommand(async () => {
  const { values } = parseArgs({
    options: {
      calls: { type: 'string', default: '200' },
      'before-calls': { type: 'string', default: '10' },
      connections: { type: 'string', default: '8' },
      'load-calls': { type: 'string', default: '400' },
      'before-load-calls': { type: 'string', default: '16' },
      'skip-before': { type: 'boolean', default: false },
      keep: { type: 'boolean', default: false },
    },
  });
  const connections = wholeNumber('--connections', values.connections, 1);
  const counts: Record<Runtime, { calls: number; load: number }> = {
    before: { calls: wholeNumber('--before-calls', values['before-calls'], 1), load: wholeNumber('--before-load-calls', values['before-load-calls'], connections) },
    after: { calls: wholeNumber('--calls', values.calls, 1), load: wholeNumber('--load-calls', values['load-calls'], connections) },
  };
  const runtimes: Runtime[] = values['skip-before'] ? ['after'] : ['before', 'after'];
  const serverUrl = process.env.DATABASE_URL;

  // Development tokens signed with a secret of this run's own; nothing read from .data/ or Supabase.
  for (const name of ['SUPABASE_URL', 'SUPABASE_JWT_SECRET', 'CONTEXT', 'SITE_URL', 'VITRINE_RATE_LIMIT_SALT']) delete process.env[name];
  process.env.VITRINE_DEV_JWT_SECRET = randomBytes(32).toString('hex');
  const moderator = await signDevToken({ role: 'moderator', email: 'bench@example.org' }, process.env.VITRINE_DEV_JWT_SECRET);

  const started = new Date();
  const startLoad = loadavg()[0]!;
  console.log(`Local API benchmark, ${started.toISOString()}: ${machine()}`);
  const throwaway = serverUrl ? await throwawayDatabase(serverUrl, 'api') : undefined;
  const db = throwaway?.db ?? (await openDatabase({ VITRINE_PGLITE_DIR: 'memory://' }));
  let served: ServedDatabase | undefined;
  const results = new Map<string, Figures>();
  const answers = new Map<string, string>();
  try {
    const databaseName = await describeDatabase(db, throwaway?.name);
    console.log(`Database: ${databaseName}`);
    await migrate(db);
    await seedDemo(db, { ...DEMO, onProgress: progress('Seeding the demo') });
    // A server's autovacuum would gather the planner's statistics within a minute of the load (a
    // local server may run without it); PGlite is measured as `npm start` leaves it.
    if (db.kind === 'postgres') await db.exec('analyze');

    // The applicant whose status is asked for: one registration through the first runtime served.
    let applicant: { id: string; statusToken: string } | undefined;
    const registration: Endpoint = {
      label: 'POST /api/register', key: 'register', expected: 201,
      call: () => nextRegistration({ method: 'POST', path: '/api/register' }),
      load: { method: 'POST', path: '/api/register', setupRequest: REGISTER_REQUEST },
    };
    const endpoints: Endpoint[] = [
      {
        label: 'GET /api/moderation/queue', key: 'queue', expected: 200,
        call: () => ({ method: 'GET', path: '/api/moderation/queue', headers: { authorization: `Bearer ${moderator}` } }),
      },
      {
        label: 'GET /api/registration-status', key: 'status', expected: 200,
        call: () => {
          if (!applicant) throw new Error('No registration yet to ask the status of');
          return { method: 'GET', path: `/api/registration-status?id=${applicant.id}&token=${applicant.statusToken}` };
        },
      },
      registration,
    ];

    // Netlify's runtime runs each call in a worker thread that reads DATABASE_URL: an embedded PGlite
    // is served to them over the Postgres protocol, until the run ends. The runtime leaves each
    // call's worker alive with its idle connection until pg's idle timeout (10 s): stopping the
    // socket as soon as the runtime stops would make each of them print "Database connection lost".
    served = runtimes.includes('before') && db.kind === 'pglite' ? await serveEmbeddedDatabase(db) : undefined;
    for (const runtime of runtimes) {
      const { url, close } = await startRuntime(runtime, db, served?.url ?? throwaway?.url);
      try {
        applicant ??= JSON.parse(await send(url, registration, runtime)) as { id: string; statusToken: string };
        for (const endpoint of endpoints) {
          const name = `${endpoint.label} (${RUNTIMES[runtime]})`;
          // The first call of the Netlify runtime also bundles the function: a warm-up of one. The
          // local server's first calls compile the handler's code and open database connections.
          const warmUp = runtime === 'before' ? 1 : 10;
          console.log(`${name}: ${warmUp} warm-up, ${counts[runtime].calls} one after the other, ${counts[runtime].load} from ${connections} clients at once…`);
          const answer = await send(url, endpoint, runtime);
          for (let i = 1; i < warmUp; i++) await send(url, endpoint, runtime);
          if (endpoint.key !== 'register') compareAnswers(answers, endpoint.label, runtime, answer);
          const sequential = await oneAfterAnother(url, endpoint, runtime, counts[runtime].calls);
          const concurrent = await atOnce(url, endpoint, runtime, connections, counts[runtime].load);
          results.set(`${endpoint.key}:${runtime}`, { sequential, concurrent });
        }
      } finally {
        await close();
      }
    }

    console.log('');
    console.log(`Local API, ${started.toISOString().slice(0, 16).replace('T', ' ')} UTC, ${databaseName}: ${machine()} at the end (${startLoad.toFixed(2)} at the start)`);
    console.log('');
    console.log(`| endpoint | served by | one after the other: calls | p50 | p99 | mean | ${connections} at once: calls | requests/s | p50 | p99 | at once ÷ one after the other (requests/s) |`);
    console.log('|---|---|---|---|---|---|---|---|---|---|---|');
    const summary: string[] = [`database=${db.kind}`];
    for (const endpoint of endpoints) {
      for (const runtime of runtimes) {
        const { sequential: s, concurrent: c } = results.get(`${endpoint.key}:${runtime}`)!;
        console.log(`| ${endpoint.label} | ${RUNTIMES[runtime]} | ${s.calls} | ${ms(s.p50)} | ${ms(s.p99)} | ${ms(s.mean)} | ${c.calls} | ${c.rps.toFixed(c.rps < 10 ? 2 : 0)} | ${ms(c.p50)} | ${ms(c.p99)} | ${(c.rps / (1000 / s.mean)).toFixed(2)} |`);
        summary.push(`${endpoint.key}_${runtime}_p50_ms=${s.p50.toFixed(1)}`, `${endpoint.key}_${runtime}_p99_ms=${s.p99.toFixed(1)}`, `${endpoint.key}_${runtime}_rps_${connections}=${c.rps.toFixed(1)}`);
      }
      if (runtimes.length === 2) {
        const before = results.get(`${endpoint.key}:before`)!;
        const after = results.get(`${endpoint.key}:after`)!;
        const ratio = before.sequential.p50 / after.sequential.p50;
        console.log(`| ${endpoint.label} | **ratio** | | **${ratio.toFixed(0)}×** faster | ${(before.sequential.p99 / after.sequential.p99).toFixed(0)}× | | | ${(after.concurrent.rps / before.concurrent.rps).toFixed(0)}× more | ${(before.concurrent.p50 / after.concurrent.p50).toFixed(0)}× | | |`);
        summary.push(`${endpoint.key}_p50_ratio=${ratio.toFixed(0)}`);
      }
    }
    const queueP50 = results.get('queue:after')!.sequential.p50;
    console.log('');
    console.log(`Target (issue 9): GET /api/moderation/queue p50 ≤ ${TARGET_QUEUE_P50_MS} ms on the local server: ${queueP50 <= TARGET_QUEUE_P50_MS ? 'met' : 'NOT MET'} (${ms(queueP50)}).`);
    console.log(summary.join(' '));
  } finally {
    await served?.stop();
    useDatabase(undefined);
    await db.close();
    if (throwaway && !values.keep) await throwaway.drop();
    if (throwaway && values.keep) console.log(`Kept database ${throwaway.name}.`);
  }
});

/** "2 cores (AMD EPYC …), 24 GiB, Node 22.23.3, load average 1.2 / 1.4 / 1.3": what the figures were measured on. */
function machine(): string {
  return `${cpus().length} cores (${cpus()[0]?.model}), ${Math.round(totalmem() / 2 ** 30)} GiB, Node ${process.versions.node}, load average ${loadavg().map((n) => n.toFixed(2)).join(' / ')}`;
}

async function describeDatabase(db: Database, name: string | undefined): Promise<string> {
  const [{ version }] = (await db.query<{ version: string }>(`select current_setting('server_version') as version`)) as [{ version: string }];
  return db.kind === 'pglite' ? `PGlite (PostgreSQL ${version}), in memory, in this process` : `PostgreSQL ${version}, database ${name}`;
}

/**
 * The handlers served over HTTP on a free port. Before: Netlify's runtime, whose workers connect to
 * `databaseUrl` at each call. After: the local server, calling the handlers in this process on
 * `db`, as `npm start` does.
 */
async function startRuntime(runtime: Runtime, db: Database, databaseUrl: string | undefined): Promise<{ url: string; close: () => Promise<void> }> {
  if (runtime === 'after') {
    useDatabase(db);
    // Simulated applicants name their address in the header Netlify's edge gives it in
    // (register-request.cjs); one machine's socket would be one client, stopped by the rate limit.
    const server = await startHttpServer({ port: 0, clientAddressHeader: 'x-nf-client-connection-ip' });
    return { url: server.url, close: server.close };
  }
  console.log(`Starting Netlify's local runtime (@netlify/dev)…`);
  const previousUrl = process.env.DATABASE_URL;
  process.env.DATABASE_URL = databaseUrl;
  const netlify = await startNetlifyRuntime();
  return {
    url: netlify.url,
    close: async () => {
      await netlify.close();
      if (previousUrl === undefined) delete process.env.DATABASE_URL;
      else process.env.DATABASE_URL = previousUrl;
    },
  };
}

/** One call, its answer checked: the status the endpoint gives a valid request, else an error naming what came back. */
async function send(url: string, endpoint: Endpoint, runtime: Runtime): Promise<string> {
  const { method = 'GET', path = '/', headers, body } = endpoint.call();
  const response = await fetch(`${url}${path}`, { method, headers, body });
  const text = await response.text();
  if (response.status !== endpoint.expected) {
    throw new Error(`${method} ${path} through the ${RUNTIMES[runtime]} answered ${response.status}, not ${endpoint.expected}: ${text.slice(0, 300)}`);
  }
  return text;
}

/** The same request answered alike by both runtimes; a difference is reported, not fatal. */
function compareAnswers(answers: Map<string, string>, label: string, runtime: Runtime, answer: string): void {
  const other = answers.get(label);
  answers.set(label, answer);
  if (other === undefined || other === answer) return;
  const [a, b] = [JSON.parse(other) as Record<string, unknown>, JSON.parse(answer) as Record<string, unknown>];
  const differing = [...new Set([...Object.keys(a), ...Object.keys(b)])].filter((key) => JSON.stringify(a[key]) !== JSON.stringify(b[key]));
  console.log(`  Note: ${label} answered differently through the ${RUNTIMES[runtime]} (fields: ${differing.join(', ') || 'order only'}).`);
}

/** `calls` calls, each sent when the previous one has answered: the latency one user sees. */
async function oneAfterAnother(url: string, endpoint: Endpoint, runtime: Runtime, calls: number): Promise<Sequential> {
  const report = progress(`  one after the other:`);
  const times: number[] = [];
  for (let i = 0; i < calls; i++) {
    const start = performance.now();
    await send(url, endpoint, runtime);
    times.push(performance.now() - start);
    if (runtime === 'before' || (i + 1) % 50 === 0 || i + 1 === calls) report(i + 1, calls);
  }
  return { calls, p50: median(times), p99: percentile(times, 99), mean: times.reduce((sum, t) => sum + t, 0) / calls };
}

/** `calls` calls from `connections` clients at once (autocannon in a worker thread): whether calls wait for each other. */
async function atOnce(url: string, endpoint: Endpoint, runtime: Runtime, connections: number, calls: number): Promise<Concurrent> {
  console.log(`  ${connections} at once: ${calls} calls…`);
  const result = await autocannon({
    url,
    connections,
    amount: calls,
    // Netlify's runtime answers one call per function at a time: the last client waits for the others.
    timeout: 600,
    // One worker thread: the load generator does not take the event loop the local server's handlers run on.
    workers: 1,
    // autocannon ends a run of `amount` calls at its next sample: every 10 ms, not every second.
    sampleInt: 10,
    requests: [endpoint.load ?? endpoint.call()],
  });
  const statuses = Object.entries(result.statusCodeStats ?? {}).map(([code, { count }]) => `${code}: ${count}`).join(', ');
  const answered = Object.entries(result.statusCodeStats ?? {}).filter(([code]) => Number(code) === endpoint.expected).reduce((n, [, { count }]) => n + count, 0);
  if (result.errors || result.timeouts || answered !== calls) {
    throw new Error(`${endpoint.label} through the ${RUNTIMES[runtime]}, ${connections} at once: ${answered} of ${calls} calls answered ${endpoint.expected} (statuses ${statuses || 'none'}; ${result.errors} errors, ${result.timeouts} timeouts)`);
  }
  return { calls, rps: calls / result.duration, p50: result.latency.p50, p99: result.latency.p99 };
}

function ms(value: number): string {
  return value >= 1000 ? `${(value / 1000).toFixed(2)} s` : `${value.toFixed(value < 10 ? 1 : 0)} ms`;
}
