// npm start — the whole platform on one port, on an embedded database, with demo data:
// migrate, seed if empty, export, build when the content or the site changed, then serve the static
// site and the functions through Netlify's local runtime.
import { openDatabase } from '../functions/_shared/db.ts';
import { CONTENT_DIR, exportCatalogue } from './lib/export-catalogue.ts';
import { ensureBuilt } from './lib/ensure-built.ts';
import { serveEmbeddedDatabase } from './lib/embedded-server.ts';
import { startHttpServer } from './lib/http-server.ts';
import { migrate } from './lib/migrate.ts';
import { assertPortFree, portFromEnv } from './lib/port.ts';
import { progress } from './lib/progress.ts';
import { runCommand } from './lib/run-command.ts';
import { isDatabaseEmpty, seedDemo } from './lib/seed-demo.ts';

runCommand(async () => {
  const port = portFromEnv(process.env.PORT);
  // Fail on a taken port now, not after a minute of building.
  await assertPortFree(port);

  const db = await openDatabase();
  console.log(`Database: ${db.kind === 'pglite' ? 'embedded PGlite in .data/pglite' : 'PostgreSQL from DATABASE_URL'}`);
  const { applied } = await migrate(db);
  if (applied.length) console.log(`Applied ${applied.length} migration(s).`);
  if (await isDatabaseEmpty(db)) {
    console.log('Empty database: adding the demo catalogue (npm run db:seed -- --help for other sizes).');
    await seedDemo(db, { approved: 2000, pending: 300, seed: 42, onProgress: progress('Seeding merchants') });
  }

  const exported = await exportCatalogue(db, { onProgress: progress('Exporting merchants') });
  console.log(`Exported ${exported.written} approved merchants (${exported.skipped.length} skipped, see content/export-report.json).`);
  await ensureBuilt({ contentDir: CONTENT_DIR });

  if (db.kind === 'pglite') {
    // Handlers run in worker threads: they reach the embedded database over a loopback socket.
    const served = await serveEmbeddedDatabase(db);
    process.env.DATABASE_URL = served.url;
  }
  const server = await startHttpServer({ port, host: process.env.HOST ?? '127.0.0.1' });
  console.log(`\nVitrine is running at ${server.url}/  (English: ${server.url}/en/, health: ${server.url}/api/health)`);
  console.log('Press Ctrl+C to stop.');

  await new Promise<void>((resolve) => {
    const stop = () => resolve();
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  });
  console.log('\nStopping…');
  await server.close();
  await db.close();
});
