// The local server (scripts/local/http-server.ts) calls the handlers in its own process; Netlify
// runs them in its runtime. A handler must answer the same through both: here through Netlify's own
// local runtime (@netlify/dev, the Functions v2 contract as Netlify implements it) and through the
// local server, on one database, request for request.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { serveEmbeddedDatabase, type ServedDatabase } from '../../scripts/bench/embedded-server.ts';
import { startNetlifyRuntime, type NetlifyRuntime } from '../../scripts/bench/netlify-runtime.ts';
import { registerDirectly, registration, startApi, type Api } from '../../tests/support/api.ts';
import { databaseKinds } from '../../tests/support/test-database.ts';
import { API_HEADERS } from './security-headers.ts';

describe.each(databaseKinds())('a handler through the local server and through Netlify’s runtime, on %s', (kind) => {
  let api: Api;
  let netlify: NetlifyRuntime;
  let served: ServedDatabase | undefined;
  let moderator: string;
  let pending: { id: string; statusToken: string };
  const previousUrl = process.env.DATABASE_URL;

  beforeAll(async () => {
    api = await startApi(kind);
    moderator = await api.token();
    pending = await registerDirectly(api.db, { name: 'Fromagerie Comparée' });
    // Netlify's runtime runs each call in a worker thread that reads DATABASE_URL: the same
    // database, through a socket for an embedded one.
    served = api.db.kind === 'pglite' ? await serveEmbeddedDatabase(api.db) : undefined;
    process.env.DATABASE_URL = served?.url ?? api.db.url;
    netlify = await startNetlifyRuntime();
  }, 240_000);
  afterAll(async () => {
    await netlify?.close();
    await served?.stop();
    process.env.DATABASE_URL = previousUrl;
    await api?.stop();
  });

  /** The same request to both; their status, the headers that matter and the body, side by side. */
  const both = async (path: string, init: RequestInit = {}) => {
    const [local, theirs] = await Promise.all(
      [api.url, netlify.url].map(async (base) => {
        // Netlify's local runtime takes the client's address from X-Forwarded-For; the local server from the socket.
        const response = await fetch(`${base}${path}`, { ...init, headers: { 'x-forwarded-for': '127.0.0.1', ...(init.headers as Record<string, string>) } });
        const text = await response.text();
        return {
          status: response.status,
          type: response.headers.get('content-type'),
          challenge: response.headers.get('www-authenticate'),
          allow: response.headers.get('allow'),
          security: Object.fromEntries(Object.keys(API_HEADERS).map((name) => [name, response.headers.get(name)])),
          body: text.startsWith('{') ? JSON.parse(text) : text,
        };
      }),
    );
    return { local: local!, theirs: theirs! };
  };

  it('answers a reading moderator, an anonymous caller and a wrong method alike', async () => {
    for (const [path, init] of [
      ['/api/moderation/queue?limit=5', { headers: { authorization: `Bearer ${moderator}` } }],
      ['/api/moderation/backlog', { headers: { authorization: `Bearer ${moderator}`, 'accept-language': 'en' } }],
      ['/api/moderation/queue', {}],
      ['/api/moderation/decide', { method: 'GET', headers: { authorization: `Bearer ${moderator}` } }],
      [`/api/registration-status?id=${pending.id}&token=${pending.statusToken}`, {}],
      [`/api/registration-status?id=${pending.id}&token=wrong`, { headers: { 'accept-language': 'en' } }],
    ] as const) {
      const { local, theirs } = await both(path, init);
      expect(local, path).toEqual(theirs);
    }
  }, 120_000);

  it('refuses bad input with the same errors, field by field', async () => {
    for (const [path, body] of [
      ['/api/register', { ...registration(), postalCode: '12345', email: 'nope' }],
      ['/api/moderation/decide', { ids: [], decision: 'publish' }],
    ] as const) {
      const init = { method: 'POST', headers: { 'content-type': 'application/json', 'accept-language': 'en', authorization: `Bearer ${moderator}` }, body: JSON.stringify(body) };
      const { local, theirs } = await both(path, init);
      expect(local.status, path).toBe(400);
      expect(local, path).toEqual(theirs);
    }
  }, 120_000);

  it('gives the health of the database the same way, but for how long it took and how it is reached', async () => {
    const { local, theirs } = await both('/api/health');
    const strip = (answer: typeof local) => ({ ...answer, body: { ...answer.body, database: { reachable: answer.body.database.reachable } } });
    expect(strip(local)).toEqual(strip(theirs));
    expect(local.body).toMatchObject({ status: 'ok', database: { reachable: true } });
  }, 60_000);
});
