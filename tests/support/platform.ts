// The real platform for handler and browser tests: Netlify's local runtime serving a built site
// and the functions, with the handlers' DATABASE_URL pointing at a test database. With `rebuild`,
// it also runs the local rebuilder as `npm start` does: approvals re-export the catalogue, rebuild
// the site and swap it in (`outDir` is then the link the rebuilder swaps).
import { openDatabase, type Database } from '../../functions/_shared/db.ts';
import { serveEmbeddedDatabase } from '../../scripts/local/embedded-server.ts';
import { startHttpServer } from '../../scripts/local/http-server.ts';
import { startRebuilder, type Rebuilder } from '../../scripts/local/rebuilder.ts';
import type { TestDatabase } from './test-database.ts';

export type TestPlatform = { url: string; stop: () => Promise<void>; rebuilder?: Rebuilder };

export type RebuildOptions = {
  buildsDir: string;
  contentDir: string;
  /** The build's environment (SITE_URL, …); the test process's by default. */
  env?: NodeJS.ProcessEnv;
  log?: (line: string) => void;
};

export async function startTestPlatform(db: TestDatabase, { outDir, rebuild }: { outDir: string; rebuild?: RebuildOptions }): Promise<TestPlatform> {
  const served = db.kind === 'pglite' ? await serveEmbeddedDatabase(db) : undefined;
  // Handlers run in worker threads that copy process.env when each request starts.
  const previous = process.env.DATABASE_URL;
  process.env.DATABASE_URL = served?.url ?? db.url;
  const server = await startHttpServer({ port: 0, outDir });

  // The rebuilder reaches an embedded database through the socket, as start.ts does: its statements
  // then queue with the handlers' instead of landing inside one of their transactions.
  let watcher: Database | undefined;
  let rebuilder: Rebuilder | undefined;
  if (rebuild) {
    watcher = served ? await openDatabase({ DATABASE_URL: served.url }) : db;
    rebuilder = startRebuilder({
      db: watcher, buildsDir: rebuild.buildsDir, siteLink: outDir, contentDir: rebuild.contentDir,
      env: rebuild.env, log: rebuild.log ?? (() => {}),
      // A test's approvals come one by one: build soon after the last, and poll often.
      quietMs: 500, pollMs: 200,
    });
  }
  return {
    url: server.url,
    rebuilder,
    stop: async () => {
      await rebuilder?.stop();
      if (watcher && watcher !== db) await watcher.close();
      await server.close();
      await served?.stop();
      process.env.DATABASE_URL = previous;
    },
  };
}
