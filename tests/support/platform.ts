// The real platform for handler and browser tests: Netlify's local runtime serving a built site
// and the functions, with the handlers' DATABASE_URL pointing at a test database.
import { serveEmbeddedDatabase } from '../../scripts/lib/embedded-server.ts';
import { startHttpServer } from '../../scripts/lib/http-server.ts';
import type { TestDatabase } from './test-database.ts';

export type TestPlatform = { url: string; stop: () => Promise<void> };

export async function startTestPlatform(db: TestDatabase, { outDir }: { outDir: string }): Promise<TestPlatform> {
  const served = db.kind === 'pglite' ? await serveEmbeddedDatabase(db) : undefined;
  // Handlers run in worker threads that copy process.env when each request starts.
  const previous = process.env.DATABASE_URL;
  process.env.DATABASE_URL = served?.url ?? db.url;
  const server = await startHttpServer({ port: 0, outDir });
  return {
    url: server.url,
    stop: async () => {
      await server.close();
      await served?.stop();
      process.env.DATABASE_URL = previous;
    },
  };
}
