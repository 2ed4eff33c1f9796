// Handler tests: a fresh database, the real platform serving the functions over HTTP, development
// tokens signed with a secret of the test's own, and valid registrations to start from.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { randomBytes, randomInt, randomUUID } from 'node:crypto';
import { request as httpRequest } from 'node:http';
import { Readable } from 'node:stream';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { signDevToken, type DevTokenOptions } from '../../scripts/local/dev-token.ts';
import { registrationSchema, toSubmission } from '../../functions/_shared/registration-schema.ts';
import { startTestPlatform, type TestPlatform } from './platform.ts';
import { createTestDatabase, type TestDatabase } from './test-database.ts';

// Handlers read these when each request starts; a test owns them while its platform runs.
const AUTH_ENV = ['VITRINE_DEV_JWT_SECRET', 'SUPABASE_URL', 'SUPABASE_JWT_SECRET', 'VITRINE_RATE_LIMIT_SALT', 'SITE_URL', 'CONTEXT'] as const;

export type Api = {
  url: string;
  db: TestDatabase;
  secret: string;
  /** The folder the platform serves as the site (empty but for an index page). */
  outDir: string;
  /** A token as `npm run token` makes it, signed with this platform's secret. */
  token: (options?: Partial<DevTokenOptions>) => Promise<string>;
  stop: () => Promise<void>;
};

export async function startApi(kind: 'pglite' | 'postgres'): Promise<Api> {
  const saved = Object.fromEntries(AUTH_ENV.map((name) => [name, process.env[name]]));
  for (const name of AUTH_ENV) delete process.env[name];
  const secret = randomBytes(32).toString('hex');
  process.env.VITRINE_DEV_JWT_SECRET = secret;
  const db = await createTestDatabase(kind);
  const outDir = mkdtempSync(join(tmpdir(), 'vitrine-api-'));
  writeFileSync(join(outDir, 'index.html'), '<!doctype html><title>Vitrine</title>');
  let platform: TestPlatform;
  try {
    platform = await startTestPlatform(db, { outDir });
  } catch (error) {
    await db.drop();
    throw error;
  }
  return {
    url: platform.url,
    db,
    secret,
    outDir,
    token: (options = {}) => signDevToken({ role: 'moderator', email: 'modo@example.org', ...options }, secret),
    stop: async () => {
      await platform.stop();
      await db.drop();
      for (const name of AUTH_ENV) {
        if (saved[name] === undefined) delete process.env[name];
        else process.env[name] = saved[name];
      }
    },
  };
}

/**
 * A client address of its own, on the loopback network (all of 127.0.0.0/8 reaches this machine):
 * a request sent from it is counted by the rate limit as a client of its own, by the socket's
 * address, as in production, so limits never spill from one test to another.
 */
export function randomIp(): string {
  return `127.${randomInt(1, 255)}.${randomInt(256)}.${randomInt(1, 255)}`;
}

/** A valid registration, different from every other one (name, NEQ, phone and e-mail). */
export function registration(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  const n = randomInt(10_000_000);
  return {
    name: `Boulangerie d’essai ${n}`,
    neq: `11${String(n).padStart(8, '0')}`,
    category: 'boulangerie-patisserie',
    description: 'Pain au levain cuit sur place, viennoiseries le samedi.',
    address: '123, rue Principale',
    city: 'Lac-Mégantic',
    postalCode: 'G6B 1A1',
    phone: `819 ${randomInt(200, 999)}-${String(randomInt(10_000)).padStart(4, '0')}`,
    email: `proprio-${n}-${randomUUID().slice(0, 8)}@example.ca`,
    website: `https://boulangerie-${n}.example.ca`,
    links: [`https://www.facebook.com/boulangerie${n}`],
    hours: { week: { mon: [['09:00', '17:00']], sat: [['08:00', '12:00'], ['13:00', '16:00']] } },
    consent: true,
    ...overrides,
  };
}

/** The same registration as a browser form would send it. */
export function asForm(fields: Record<string, unknown>): URLSearchParams {
  const form = new URLSearchParams();
  for (const [name, value] of Object.entries(fields)) {
    if (value === undefined) continue;
    if (name === 'links' && Array.isArray(value)) form.set(name, value.join('\n'));
    else if (name === 'hours' && typeof value === 'object') form.set(name, JSON.stringify(value));
    else if (name === 'consent') {
      if (value === true) form.set(name, 'on');
    } else form.set(name, String(value));
  }
  return form;
}

export type PlatformInit = RequestInit & {
  /** The client's address: the socket is bound to it (a new random loopback address by default). */
  from?: string;
};

/**
 * fetch() for the test platform over a real socket bound to the client's address (`from`), which is
 * what the server counts by: a header cannot pretend to be another client. Redirects are not
 * followed (the tests read them). platformFetch(url, { method: 'POST', body, from: '127.0.0.9' })
 */
export async function platformFetch(input: string, { from = randomIp(), ...init }: PlatformInit = {}): Promise<Response> {
  const url = new URL(input);
  const request = new Request(url, init);
  const headers = Object.fromEntries(request.headers);
  // A body given whole is sent with its length; a stream is sent as it comes, chunk by chunk, and the
  // server learns its size only by reading it.
  const streamed = init.body instanceof ReadableStream;
  const whole = request.body && !streamed ? Buffer.from(await request.arrayBuffer()) : undefined;
  if (whole) headers['content-length'] = String(whole.byteLength);
  return new Promise((resolve, reject) => {
    const req = httpRequest(
      { host: url.hostname === 'localhost' ? '127.0.0.1' : url.hostname, port: url.port, path: `${url.pathname}${url.search}`, method: request.method, headers, localAddress: from },
      (res) => {
        const responseHeaders = new Headers();
        for (const [name, value] of Object.entries(res.headers)) {
          if (Array.isArray(value)) for (const v of value) responseHeaders.append(name, v);
          else if (value !== undefined) responseHeaders.set(name, value);
        }
        const empty = request.method === 'HEAD' || res.statusCode === 204 || res.statusCode === 304;
        resolve(new Response(empty ? null : (Readable.toWeb(res) as ReadableStream), { status: res.statusCode, headers: responseHeaders }));
      },
    );
    req.on('error', reject);
    if (streamed) Readable.fromWeb(request.body as never).on('error', reject).pipe(req);
    else req.end(whole);
  });
}

/** JSON POST with the usual headers; `headers` adds or overrides. */
export function postJson(url: string, body: unknown, headers: Record<string, string> = {}, from?: string): Promise<Response> {
  return platformFetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: typeof body === 'string' ? body : JSON.stringify(body),
    from,
  });
}

export async function count(db: TestDatabase, table: string): Promise<number> {
  const [row] = await db.query<{ n: number }>(`select count(*)::int as n from ${table}`);
  return row!.n;
}

/**
 * Registers straight through public.register_merchant(), with the fields cleaned as the handler
 * cleans them: for tests that need registrations to exist rather than to test registering.
 */
export async function registerDirectly(
  db: TestDatabase,
  overrides: Record<string, unknown> = {},
  locale: 'fr' | 'en' = 'fr',
): Promise<{ id: string; statusToken: string; checksOutcome: string }> {
  const submission = toSubmission(registrationSchema(locale).parse(registration(overrides)), locale);
  const [{ result }] = await db.query<{ result: { id: string; statusToken: string; checksOutcome: string } }>(
    'select public.register_merchant($1::jsonb, $2, $3) as result',
    [JSON.stringify(submission), `test:${randomUUID()}`, `test-bucket-${randomUUID()}`],
  );
  return result;
}

/** GET with a bearer token (when given) and the language asked for. */
export function getAs(url: string, token?: string, headers: Record<string, string> = {}): Promise<Response> {
  return platformFetch(url, { headers: { ...(token ? { authorization: `Bearer ${token}` } : {}), ...headers } });
}
