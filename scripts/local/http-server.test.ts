// The local server of `npm start` and of the tests, over real sockets: the headers of every answer,
// the static site's addresses, and calls that neither a huge body nor a slow client can hold up.
import { randomBytes } from 'node:crypto';
import { connect } from 'node:net';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { redirectsFile } from '../publish/redirects.ts';
import { API_HEADERS, pageHeaders } from '../../functions/_shared/security-headers.ts';
import { platformFetch, registration } from '../../tests/support/api.ts';
import { startTestPlatform, type TestPlatform } from '../../tests/support/platform.ts';
import { createTestDatabase, databaseKinds, type TestDatabase } from '../../tests/support/test-database.ts';

const HEADER_NAMES = Object.keys(pageHeaders());

describe.each(databaseKinds())('the local server on %s', (kind) => {
  let db: TestDatabase;
  let platform: TestPlatform;
  let site: string;

  const savedSecret = process.env.VITRINE_DEV_JWT_SECRET;
  beforeAll(async () => {
    process.env.VITRINE_DEV_JWT_SECRET = randomBytes(32).toString('hex');
    db = await createTestDatabase(kind);
    site = mkdtempSync(join(tmpdir(), 'vitrine-server-'));
    mkdirSync(join(site, 'commerces/cafe'), { recursive: true });
    mkdirSync(join(site, '_astro'), { recursive: true });
    writeFileSync(join(site, 'index.html'), '<!doctype html><title>Vitrine</title>');
    writeFileSync(join(site, 'commerces/cafe/index.html'), '<!doctype html><title>Café</title>');
    writeFileSync(join(site, '_astro/app.abc123.js'), 'console.log(1)');
    writeFileSync(join(site, '404.html'), '<!doctype html><title>Page introuvable / Page not found</title>');
    writeFileSync(join(site, '_redirects'), redirectsFile([{ from: 'luceville', to: 'sainte-luce' }]));
    platform = await startTestPlatform(db, { outDir: site });
  });
  afterAll(async () => {
    await platform?.stop();
    await db?.drop();
    if (savedSecret === undefined) delete process.env.VITRINE_DEV_JWT_SECRET;
    else process.env.VITRINE_DEV_JWT_SECRET = savedSecret;
  });

  describe('every answer carries the security headers a page carries', () => {
    it('a page, a build asset, and the 404 page for an unknown address', async () => {
      for (const path of ['/', '/commerces/cafe/', '/_astro/app.abc123.js', '/nulle-part/']) {
        const response = await platformFetch(`${platform.url}${path}`);
        for (const name of HEADER_NAMES) expect(response.headers.get(name), `${path}: ${name}`).toBe(pageHeaders()[name]);
      }
      const missing = await platformFetch(`${platform.url}/nulle-part/`);
      expect(missing.status).toBe(404);
      expect(await missing.text()).toContain('Page introuvable / Page not found');
      expect((await platformFetch(`${platform.url}/_astro/app.abc123.js`)).headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    });

    it('an API answer, an API refusal, an unknown API address and a form page', async () => {
      const answers = {
        health: await platformFetch(`${platform.url}/api/health`),
        refused: await platformFetch(`${platform.url}/api/moderation/queue`),
        unknown: await platformFetch(`${platform.url}/api/nothing-here`),
        form: await platformFetch(`${platform.url}/api/register`, { method: 'POST', body: new URLSearchParams({ name: 'x' }) }),
      };
      expect([answers.health.status, answers.refused.status, answers.unknown.status, answers.form.status]).toEqual([200, 401, 404, 400]);
      for (const [what, response] of Object.entries(answers)) {
        for (const name of HEADER_NAMES) expect(response.headers.get(name), `${what}: ${name}`).toBeTruthy();
      }
      // Data may load nothing; the form page is a page of the site.
      expect(answers.health.headers.get('content-security-policy')).toBe(API_HEADERS['content-security-policy']);
      expect(answers.form.headers.get('content-security-policy')).toMatch(/^default-src 'self'/);
    });
  });

  it('sends a folder’s address without its slash to the address with it, as Netlify does', async () => {
    const response = await platformFetch(`${platform.url}/commerces/cafe?lang=en`);
    expect(response.status).toBe(301);
    expect(response.headers.get('location')).toBe('/commerces/cafe/?lang=en');
  });

  it('sends a town page that moved, and each of its numbered pages, to its current address with 301, as Netlify reads _redirects', async () => {
    for (const [from, to] of [['/villes/luceville/', '/villes/sainte-luce/'], ['/villes/luceville', '/villes/sainte-luce/'],
      ['/villes/luceville/2/', '/villes/sainte-luce/2/'], ['/en/cities/luceville/?x=1', '/en/cities/sainte-luce/?x=1']]) {
      const response = await platformFetch(`${platform.url}${from}`);
      expect(response.status, from).toBe(301);
      expect(response.headers.get('location'), from).toBe(to);
    }
    expect((await platformFetch(`${platform.url}/villes/lucevillex/`)).status).toBe(404);
  });

  it('stops reading a body past the endpoint’s limit: 413 while a 200 MB upload goes on, which costs no memory', async () => {
    const chunk = Buffer.alloc(64 * 1024, 'x');
    const total = 200 * 1024 * 1024;
    const before = process.memoryUsage().rss;
    let sent = 0;
    const status = await new Promise<number>((resolve, reject) => {
      const req = request(`${platform.url.replace('localhost', '127.0.0.1')}/api/register`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'transfer-encoding': 'chunked' },
      }, (res) => {
        res.resume();
        resolve(res.statusCode!);
      });
      req.on('error', (error: NodeJS.ErrnoException) => (error.code === 'ECONNRESET' || error.code === 'EPIPE' ? undefined : reject(error)));
      const pump = () => {
        while (sent < total) {
          sent += chunk.length;
          if (!req.write(chunk)) return void req.once('drain', pump);
        }
        req.end();
      };
      pump();
    });
    expect(status).toBe(413);
    // The answer came while the client still had most of its 200 MB to send, and the server held
    // on to none of it.
    expect(sent).toBeLessThan(total / 4);
    expect(process.memoryUsage().rss - before).toBeLessThan(64 * 1024 * 1024);
  }, 120_000);

  it('answers other calls while a slow client takes its time sending a body', async () => {
    // A registration whose body never finishes arriving: its handler waits for it, nobody else does.
    const slow = connect(Number(new URL(platform.url).port), '127.0.0.1');
    await new Promise<void>((resolve) => slow.once('connect', () => resolve()));
    slow.write('POST /api/register HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\nContent-Length: 5000\r\n\r\n{"name": "Len');
    try {
      const [health, register] = await Promise.all([
        platformFetch(`${platform.url}/api/health`),
        platformFetch(`${platform.url}/api/register`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(registration()) }),
      ]);
      expect(health.status).toBe(200);
      expect(register.status).toBe(201);
      expect(slow.destroyed).toBe(false);
    } finally {
      slow.destroy();
    }
  });

  it.skipIf(kind === 'pglite')('runs calls at the same time on PostgreSQL: one waiting on a lock holds up no other', async () => {
    // A registration's rows locked by another connection: a decision on it waits…
    const [{ id }] = await db.query<{ id: string }>(
      `insert into public.proposals (fields) values ($1::jsonb) returning id`,
      [JSON.stringify({ name: 'Verrouillée', category_slug: 'animaux', city: 'Laval', postal_code: 'H7A 1A1', contact_email: 'v@example.ca', neq: '1169999999', region_code: '13' })],
    );
    const { openDatabase } = await import('../../functions/_shared/db.ts');
    const other = await openDatabase({ DATABASE_URL: db.url! });
    let release!: () => void;
    const held = other.transaction(async (tx) => {
      await tx.query('select 1 from public.proposals where id = $1 for update', [id]);
      await new Promise<void>((resolve) => (release = resolve));
    });
    try {
      const { signDevToken } = await import('./dev-token.ts');
      const token = await signDevToken({ role: 'moderator', email: 'modo@example.org' }, process.env.VITRINE_DEV_JWT_SECRET!);
      const decision = platformFetch(`${platform.url}/api/moderation/decide`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
        body: JSON.stringify({ ids: [id], decision: 'approve' }),
      });
      // …while the queue, the backlog and the health answer.
      const others = await Promise.all(['/api/health', '/api/moderation/queue', '/api/moderation/backlog'].map((path) =>
        platformFetch(`${platform.url}${path}`, { headers: { authorization: `Bearer ${token}` } })));
      expect(others.map((r) => r.status)).toEqual([200, 200, 200]);
      expect(await Promise.race([decision.then(() => 'answered'), Promise.resolve('waiting')])).toBe('waiting');
      release();
      expect((await decision).status).toBe(200);
    } finally {
      release?.();
      await held;
      await other.close();
    }
  });
});
