// The real platform for handler and browser tests: the local server (scripts/local/http-server.ts)
// serving a built site and the functions, in this process, on the test's database. With `rebuild`,
// it also runs the local rebuilder as `npm start` does: approvals re-export the catalogue, rebuild
// the site and swap it in (`outDir` is then the link the rebuilder swaps).
import { useDatabase } from '../../functions/_shared/db.ts';
import { startHttpServer } from '../../scripts/local/http-server.ts';
import { join } from 'node:path';
import { startRebuilder, type Rebuilder } from '../../scripts/local/rebuilder.ts';
import { buildAndSwap } from '../../scripts/local/site-link.ts';
import { exportCatalogue } from '../../scripts/publish/export-catalogue.ts';
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
  // The handlers run in this process and take the test's database, as npm start's take its own.
  useDatabase(db);
  const server = await startHttpServer({ port: 0, outDir });
  // Links sent to people (status links, notices) name the site's configured address: here, the
  // platform's own, as npm start sets it to the port it serves.
  const previousSiteUrl = process.env.SITE_URL;
  process.env.SITE_URL = server.url;
  const rebuilder = rebuild
    ? startRebuilder({
        db, buildsDir: rebuild.buildsDir, siteLink: outDir, contentDir: rebuild.contentDir,
        env: rebuild.env, log: rebuild.log ?? (() => {}),
        // A test's approvals come one by one: build soon after the last, and poll often.
        quietMs: 500, pollMs: 200,
      })
    : undefined;
  return {
    url: server.url,
    rebuilder,
    stop: async () => {
      await rebuilder?.stop();
      await server.close();
      useDatabase(undefined);
      if (previousSiteUrl === undefined) delete process.env.SITE_URL;
      else process.env.SITE_URL = previousSiteUrl;
    },
  };
}

/**
 * The platform as `npm start` runs it, in `work`: the database's catalogue exported and built, served
 * with the functions, and the rebuilder publishing what is approved or edited afterwards.
 */
export async function startBuiltPlatform(db: TestDatabase, work: string): Promise<TestPlatform> {
  const paths = { contentDir: join(work, 'content'), buildsDir: join(work, 'builds'), siteLink: join(work, 'dist') };
  await exportCatalogue(db, { outDir: paths.contentDir });
  await buildAndSwap({ ...paths, quiet: true });
  return startTestPlatform(db, { outDir: paths.siteLink, rebuild: { buildsDir: paths.buildsDir, contentDir: paths.contentDir } });
}
