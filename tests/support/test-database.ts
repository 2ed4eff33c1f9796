// Fresh, migrated databases for tests: an in-memory PGlite always, and a new database on the
// PostgreSQL server too when DATABASE_URL is set (as .ci/run does), so every rule is checked on both.
import { randomBytes } from 'node:crypto';
import { openDatabase, type Database } from '../../functions/_shared/db.ts';
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
  const db = await serverDatabase('vitrine_test');
  await migrate(db);
  return db;
}

/** A new, empty database on the PostgreSQL server of DATABASE_URL, dropped by `drop`. */
export async function serverDatabase(prefix: string): Promise<TestDatabase> {
  const server = SERVER_URL;
  if (!server) throw new Error('DATABASE_URL is not set');
  const name = `${prefix}_${randomBytes(6).toString('hex')}`;
  const admin = await openDatabase({ DATABASE_URL: server });
  await admin.exec(`create database ${name}`);
  await admin.close();
  const url = new URL(server);
  url.pathname = `/${name}`;
  const db = await openDatabase({ DATABASE_URL: url.toString() });
  return Object.assign(db, {
    url: url.toString(),
    drop: async () => {
      await db.close();
      const again = await openDatabase({ DATABASE_URL: server });
      await again.exec(`drop database if exists ${name} with (force)`);
      await again.close();
    },
  });
}
