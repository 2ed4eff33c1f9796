// Fresh, migrated databases for tests: an in-memory PGlite always, and a new database on the
// PostgreSQL server too when DATABASE_URL is set (as .ci/run does), so every rule is checked on both.
import { openDatabase, type Database } from '../../functions/_shared/db.ts';
import { throwawayDatabase } from '../../scripts/lib/throwaway-database.ts';
import { migrate } from '../../scripts/publish/migrate.ts';

export type TestDatabase = Database & { url?: string; drop: () => Promise<void> };

// Read once: platform tests point process.env.DATABASE_URL at their own database while they run.
const SERVER_URL = process.env.DATABASE_URL;

export const databaseKinds = (): Array<'pglite' | 'postgres'> => (SERVER_URL ? ['pglite', 'postgres'] : ['pglite']);

export async function createTestDatabase(kind: 'pglite' | 'postgres' = 'pglite'): Promise<TestDatabase> {
  if (kind === 'pglite') {
    const db = await openDatabase({ VITRINE_PGLITE_DIR: 'memory://' });
    await migrate(db);
    return Object.assign(db, { drop: () => db.close() });
  }
  const db = await serverDatabase('test');
  await migrate(db);
  return db;
}

/** A new, empty database vitrine_<label>_… on the PostgreSQL server of DATABASE_URL, closed and dropped by `drop`. */
export async function serverDatabase(label: string): Promise<TestDatabase> {
  if (!SERVER_URL) throw new Error('DATABASE_URL is not set');
  const { db, url, drop } = await throwawayDatabase(SERVER_URL, label);
  return Object.assign(db, {
    url,
    drop: async () => {
      await db.close();
      await drop();
    },
  });
}
