// A database of a benchmark's or a test's own on a PostgreSQL server: created empty, dropped when
// the run ends, so a run never reads what another left and leaves nothing behind.
import { randomBytes } from 'node:crypto';
import { openDatabase, type Database } from '../../functions/_shared/db.ts';

export type ThrowawayDatabase = { db: Database; url: string; name: string; drop: () => Promise<void> };

/** throwawayDatabase('postgres://…/postgres', 'bench') → a new database vitrine_bench_<hex>, migrated by the caller, dropped by `drop` once `db` is closed. */
export async function throwawayDatabase(serverUrl: string, label: string): Promise<ThrowawayDatabase> {
  const name = `vitrine_${label}_${randomBytes(4).toString('hex')}`;
  const admin = await openDatabase({ DATABASE_URL: serverUrl });
  await admin.exec(`create database ${name}`);
  await admin.close();
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  const db = await openDatabase({ DATABASE_URL: url.toString() });
  return {
    db, url: url.toString(), name,
    drop: async () => {
      const again = await openDatabase({ DATABASE_URL: serverUrl });
      await again.exec(`drop database if exists ${name} with (force)`);
      await again.close();
    },
  };
}
