// npm run db:migrate — applies pending migrations to the configured database.
import { openDatabase } from '../../functions/_shared/db.ts';
import { migrate } from './migrate.ts';
import { runCommand } from '../lib/run-command.ts';

runCommand(async () => {
  const db = await openDatabase();
  try {
    const { applied, skipped } = await migrate(db, console.log);
    console.log(`${db.kind}: ${applied.length} migration(s) applied, ${skipped} already there.`);
  } finally {
    await db.close();
  }
});
