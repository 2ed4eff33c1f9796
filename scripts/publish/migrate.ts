// Applies supabase/migrations in order, recording each in supabase_migrations.schema_migrations
// (the table the Supabase CLI uses), so running it twice applies nothing the second time.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Database } from '../../functions/_shared/db.ts';

const SUPABASE_DIR = new URL('../../supabase/', import.meta.url).pathname;

export type MigrationResult = { applied: string[]; skipped: number; bootstrapped: boolean };

export async function migrate(db: Database, log: (line: string) => void = () => {}): Promise<MigrationResult> {
  const files = readdirSync(join(SUPABASE_DIR, 'migrations')).filter((f) => /^\d{14}_[a-z0-9_-]+\.sql$/.test(f)).sort();
  return db.transaction(async (tx) => {
    // Two processes starting at once must not both apply the same migration.
    await tx.query(`select pg_advisory_xact_lock(hashtext('vitrine-migrations'))`);
    // Supabase provides roles and auth.*; elsewhere the bootstrap file recreates them once.
    const [{ has_auth }] = await tx.query<{ has_auth: boolean }>(
      `select to_regprocedure('auth.uid()') is not null as has_auth`,
    );
    if (!has_auth) {
      log('Bootstrapping Supabase roles and auth functions');
      await tx.exec(readFileSync(join(SUPABASE_DIR, 'bootstrap/supabase_compat.sql'), 'utf8'));
    }
    await tx.exec(`
      create schema if not exists supabase_migrations;
      create table if not exists supabase_migrations.schema_migrations (version text primary key, name text, statements text[]);
    `);
    const done = new Set(
      (await tx.query<{ version: string }>('select version from supabase_migrations.schema_migrations')).map((r) => r.version),
    );
    const applied: string[] = [];
    for (const file of files) {
      const [version, name] = [file.slice(0, 14), file.slice(15, -4)];
      if (done.has(version)) continue;
      log(`Applying ${file}`);
      const sql = readFileSync(join(SUPABASE_DIR, 'migrations', file), 'utf8');
      try {
        await tx.exec(sql);
      } catch (error) {
        throw new Error(`Migration ${file} failed: ${(error as Error).message}`);
      }
      await tx.query('insert into supabase_migrations.schema_migrations (version, name) values ($1, $2)', [version, name]);
      applied.push(file);
    }
    return { applied, skipped: files.length - applied.length, bootstrapped: !has_auth };
  });
}
