// npm start — the whole platform on one port, on an embedded database, with demo data:
// migrate, seed if empty, export, build when the content or the site changed, then serve the static
// site and the functions (scripts/local/http-server.ts), rebuild when moderators approve, and send
// the notices to a local mail catcher (scripts/local/mail-catcher.ts) or to SMTP_URL's server.
import { join } from 'node:path';
import { openDatabase, useDatabase } from '../../functions/_shared/db.ts';
import { CONTENT_DIR, exportCatalogue } from '../publish/export-catalogue.ts';
import { ensureBuilt } from './ensure-built.ts';
import { startHttpServer } from './http-server.ts';
import { migrate } from '../publish/migrate.ts';
import { assertPortFree, portFromEnv } from './port.ts';
import { progress } from '../lib/progress.ts';
import { startRebuilder } from './rebuilder.ts';
import { startBuildsDir } from './site-link.ts';
import { runCommand } from '../lib/run-command.ts';
import { isDatabaseEmpty, seedDemo } from '../seed/seed-demo.ts';
import { localDevSecret } from '../../functions/_shared/auth.ts';
import { signDevToken } from './dev-token.ts';
import { startMailCatcher, type MailCatcher } from './mail-catcher.ts';
import { startNoticeSender } from './notice-sender.ts';
import { mailerFromEnv } from '../../functions/_shared/notice-sender.ts';

const ROOT = new URL('../../', import.meta.url).pathname;
const BUILDS_DIR = startBuildsDir();
const SITE_LINK = join(ROOT, 'dist');

runCommand(async () => {
  const port = portFromEnv(process.env.PORT);
  // Canonical, Open Graph and share links are absolute: locally they name the port actually served.
  process.env.SITE_URL ??= `http://localhost:${port}`;
  // Fail on a taken port now, not after a minute of building. Notices go to a local mail catcher on
  // the next port unless SMTP_URL names a real server.
  await assertPortFree(port);
  const smtpPort = portFromEnv(process.env.VITRINE_SMTP_PORT, port + 1);
  if (!process.env.SMTP_URL?.trim()) await assertPortFree(smtpPort);

  const db = await openDatabase();
  console.log(`Database: ${db.kind === 'pglite' ? 'embedded PGlite in .data/pglite' : 'PostgreSQL from DATABASE_URL'}`);
  const { applied } = await migrate(db);
  if (applied.length) console.log(`Applied ${applied.length} migration(s).`);
  if (await isDatabaseEmpty(db)) {
    console.log('Empty database: adding the demo catalogue (npm run db:seed -- --help for other sizes).');
    await seedDemo(db, { approved: 2000, pending: 300, seed: 42, onProgress: progress('Seeding merchants') });
  }

  // Everything approved so far is in this export: the requests it answers are done once it is built.
  const [{ last }] = await db.query<{ last: string | null }>('select max(id)::text as last from public.rebuild_requests where built_at is null');
  const exported = await exportCatalogue(db, { onProgress: progress('Exporting merchants') });
  console.log(`Exported ${exported.written} approved merchants (${exported.skipped.length} skipped, see content/export-report.json).`);
  await ensureBuilt({ contentDir: CONTENT_DIR, buildsDir: BUILDS_DIR, siteLink: SITE_LINK });
  if (last) await db.query('update public.rebuild_requests set built_at = now() where id <= $1 and built_at is null', [last]);

  // The handlers run in this process, on this database: an embedded PGlite serves them and the
  // rebuilder one statement at a time, a PostgreSQL server in parallel.
  useDatabase(db);
  const rebuilder = startRebuilder({ db, buildsDir: BUILDS_DIR, siteLink: SITE_LINK });
  let catcher: MailCatcher | null = null;
  if (!process.env.SMTP_URL?.trim()) {
    catcher = await startMailCatcher({ port: smtpPort, dir: join(ROOT, '.data/mail') });
    process.env.SMTP_URL = catcher.url;
  }
  const mailer = mailerFromEnv();
  const sender = mailer ? startNoticeSender({ db, mailer }) : null;
  const server = await startHttpServer({ port, host: process.env.HOST ?? '127.0.0.1' });
  console.log(`\nVitrine is running at ${server.url}/  (English: ${server.url}/en/, health: ${server.url}/api/health)`);
  // Locally there is no Supabase Auth: a development moderator token stands in for signing in. The
  // console reads it from the link's fragment (#…), which the browser never sends to the server.
  const token = await signDevToken({ role: 'moderator', email: 'moderation@vitrine.local' }, localDevSecret());
  console.log(`Moderator console, signed in as a development moderator for 8 h (npm run token for others):\n  ${server.url}/moderation/#token=${token}`);
  console.log(`The moderation API with the same token:\n  curl -H "Authorization: Bearer ${token}" ${server.url}/api/moderation/queue`);
  console.log(catcher
    ? `Notices are delivered to the local mail catcher (${catcher.url}): .data/mail/*.eml, and the outbox page:\n  ${server.url}/moderation/outbox/`
    : `Notices are delivered through SMTP_URL's server.`);
  console.log(`Merchant space (sign in by e-mail; the link arrives in the mail catcher, .data/mail/*.eml):\n  ${server.url}/compte/`
    + '\n  To manage a demo listing, press "C’est mon commerce" on its page, then sign in with the listing’s contact address.');
  console.log('Press Ctrl+C to stop.');

  await new Promise<void>((resolve) => {
    process.once('SIGINT', resolve);
    process.once('SIGTERM', resolve);
  });
  console.log('\nStopping…');
  await rebuilder.stop();
  await sender?.stop();
  await catcher?.close();
  await server.close();
  await db.close();
});
