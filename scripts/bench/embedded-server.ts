// Netlify's local runtime runs each function call in a worker thread (./netlify-runtime.ts), which
// cannot share an in-process PGlite: the embedded database is served to them over the Postgres wire
// protocol on a loopback port, whose URL they get as DATABASE_URL.
import type { PGlite } from '@electric-sql/pglite';
import type { Database } from '../../functions/_shared/db.ts';

export type ServedDatabase = { url: string; stop: () => Promise<void> };

export async function serveEmbeddedDatabase(db: Database): Promise<ServedDatabase> {
  const pglite = (db as Database & { pglite?: PGlite }).pglite;
  if (!pglite) throw new Error('serveEmbeddedDatabase needs a PGlite database');
  const { PGLiteSocketServer } = await import('@electric-sql/pglite-socket');
  // The server queues statements from all connections on PGlite's single backend and keeps an open
  // transaction's statements together, so each handler's `set local role` stays its own.
  const server = new PGLiteSocketServer({ db: pglite, host: '127.0.0.1', port: 0, maxConnections: 64 });
  await server.start();
  const [host, port] = server.getServerConn().split(':');
  return { url: `postgres://postgres@${host}:${port}/postgres?sslmode=disable`, stop: () => server.stop() };
}
