// Brings a database to the state the repository describes, in one transaction:
//   1. supabase/schemas/helpers/: the pure functions that tables' constraints and indexes use,
//      created or replaced when their file changed (tables need them before they exist);
//   2. supabase/migrations/: tables and data changes, each applied once, in order, and recorded in
//      supabase_migrations.schema_migrations (the table the Supabase CLI uses);
//   3. the rest of supabase/schemas/ (functions, views, policies, grants): each file states what an
//      object is now. When any migration ran or any file changed, every function, view, trigger,
//      policy and privilege they manage is dropped and the files are applied again in order, so the
//      database holds exactly what the files say and nothing older (Supabase's declarative schemas,
//      Flyway's repeatable migrations). Running it twice changes nothing the second time;
//   4. pending proposals whose pre-checks a migration cleared get them computed again.
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Database, Queryable } from '../../functions/_shared/db.ts';

const SUPABASE_DIR = new URL('../../supabase/', import.meta.url).pathname;

/** The folders of supabase/schemas/, in the order they are applied after the migrations. */
export const SCHEMA_PHASES = ['functions', 'views', 'policies', 'grants'] as const;

/** Roles whose privileges the grants files state completely (PUBLIC is reset for functions). */
const MANAGED_ROLES = ['anon', 'authenticated', 'service_role', 'vitrine_exporter', 'vitrine_registrar', 'vitrine_builder', 'vitrine_mailer'];
const MANAGED_SCHEMAS = ['public', 'private'];

export type MigrationResult = { applied: string[]; skipped: number; bootstrapped: boolean; schemaApplied: boolean };

type SchemaFile = { path: string; sql: string; checksum: string };

export async function migrate(db: Database, log: (line: string) => void = () => {}): Promise<MigrationResult> {
  // Roles belong to the server, not to one database, and the advisory lock below holds only within
  // one database: two databases of one server migrating at once (test files in parallel) can both
  // create the same role, and the second fails on the server's catalogue. Its transaction rolled back
  // whole; run again, it finds the role and goes on.
  for (let attempt = 1; ; attempt += 1) {
    try {
      return await migrateOnce(db, log);
    } catch (error) {
      if (attempt >= 3 || !isServerRoleRace(error)) throw error;
      log('Another database of this server was creating the same roles; migrating again');
    }
  }
}

/** A unique violation on the server-wide role catalogues (pg_authid, pg_auth_members), however wrapped. */
export function isServerRoleRace(error: unknown): boolean {
  for (let e = error as { code?: string; constraint?: string; cause?: unknown } | undefined; e; e = e.cause as typeof e) {
    if (e.code === '23505' && /^pg_auth/.test(e.constraint ?? '')) return true;
  }
  return false;
}

async function migrateOnce(db: Database, log: (line: string) => void): Promise<MigrationResult> {
  const migrations = readdirSync(join(SUPABASE_DIR, 'migrations')).filter((f) => /^\d{14}_[a-z0-9_-]+\.sql$/.test(f)).sort();
  const helpers = schemaFiles('helpers');
  const managed = SCHEMA_PHASES.flatMap((phase) => schemaFiles(phase));
  return db.transaction(async (tx) => {
    // Two processes starting at once must not both apply the same migration.
    await tx.query(`select pg_advisory_xact_lock(hashtext('vitrine-migrations'))`);
    // Supabase provides roles and auth.*; elsewhere the bootstrap file recreates them once.
    const [{ has_auth }] = await tx.query<{ has_auth: boolean }>(`select to_regprocedure('auth.uid()') is not null as has_auth`);
    if (!has_auth) {
      log('Bootstrapping Supabase roles and auth functions');
      await tx.exec(readFileSync(join(SUPABASE_DIR, 'bootstrap/supabase_compat.sql'), 'utf8'));
    }
    await tx.exec(`
      create schema if not exists supabase_migrations;
      create table if not exists supabase_migrations.schema_migrations (version text primary key, name text, statements text[]);
      create table if not exists supabase_migrations.schema_files (path text primary key, checksum text not null);
    `);
    const recorded = new Map(
      (await tx.query<{ path: string; checksum: string }>('select path, checksum from supabase_migrations.schema_files')).map((r) => [r.path, r.checksum]),
    );

    // Helpers may call one another whatever their order in the folder.
    await tx.query(`select set_config('check_function_bodies', 'off', true)`);
    for (const file of helpers) {
      if (recorded.get(file.path) === file.checksum) continue;
      log(`Applying ${file.path}`);
      await run(tx, file.path, file.sql);
      await record(tx, file);
    }

    await tx.query(`select set_config('check_function_bodies', 'on', true)`);
    const done = new Set((await tx.query<{ version: string }>('select version from supabase_migrations.schema_migrations')).map((r) => r.version));
    const applied: string[] = [];
    for (const file of migrations) {
      const [version, name] = [file.slice(0, 14), file.slice(15, -4)];
      if (done.has(version)) continue;
      log(`Applying ${file}`);
      await run(tx, file, readFileSync(join(SUPABASE_DIR, 'migrations', file), 'utf8'));
      await tx.query('insert into supabase_migrations.schema_migrations (version, name) values ($1, $2)', [version, name]);
      applied.push(file);
    }

    const stale = applied.length > 0 || managed.some((f) => recorded.get(f.path) !== f.checksum)
      || [...recorded.keys()].some((path) => !path.startsWith('helpers/') && !managed.some((f) => f.path === path));
    if (stale) {
      log(`Applying supabase/schemas (${managed.length} files)`);
      await dropManagedObjects(tx, helperFunctionNames(helpers));
      // Functions may name tables and one another in any order; views and policies come after them.
      await tx.query(`select set_config('check_function_bodies', 'off', true)`);
      for (const phase of SCHEMA_PHASES) {
        if (phase === 'grants') await revokeManagedPrivileges(tx);
        for (const file of managed.filter((f) => f.path.startsWith(`${phase}/`))) await run(tx, file.path, file.sql);
      }
      await tx.query(`select set_config('check_function_bodies', 'on', true)`);
      await tx.query(`delete from supabase_migrations.schema_files where path not like 'helpers/%'`);
      for (const file of managed) await record(tx, file);
    }
    // A migration that changes what pre-checks depend on (the municipality reference) marks the
    // pending proposals it touched; the functions now in place compute their checks again.
    const stalePending = await tx.query<{ id: string }>(`select id from public.proposals where status = 'pending' and checks_computed_at is null`);
    if (stalePending.length > 0) {
      await tx.query('select private.refresh_checks($1::uuid[])', [stalePending.map((p) => p.id)]);
      log(`Computed the pre-checks of ${stalePending.length} pending proposals again`);
    }
    return { applied, skipped: migrations.length - applied.length, bootstrapped: !has_auth, schemaApplied: stale };
  });
}

/** The .sql files of supabase/schemas/<phase>/, by name, with their checksums. */
function schemaFiles(phase: string): SchemaFile[] {
  const dir = join(SUPABASE_DIR, 'schemas', phase);
  return readdirSync(dir)
    .filter((f) => f.endsWith('.sql'))
    .sort()
    .map((f) => {
      const sql = readFileSync(join(dir, f), 'utf8');
      return { path: `${phase}/${f}`, sql, checksum: createHash('sha256').update(sql).digest('hex') };
    });
}

async function run(tx: Queryable, name: string, sql: string): Promise<void> {
  try {
    await tx.exec(sql);
  } catch (error) {
    throw new Error(`${name} failed: ${(error as Error).message}`, { cause: error });
  }
}

async function record(tx: Queryable, file: SchemaFile): Promise<void> {
  await tx.query(
    `insert into supabase_migrations.schema_files (path, checksum) values ($1, $2)
     on conflict (path) do update set checksum = excluded.checksum`,
    [file.path, file.checksum],
  );
}

/** 'private.fold', … : the functions the helper files define, which constraints and indexes use. */
function helperFunctionNames(helpers: SchemaFile[]): string[] {
  return helpers.flatMap((file) => [...file.sql.matchAll(/create\s+(?:or\s+replace\s+)?function\s+([a-z_]+\.[a-z_]+)\s*\(/gi)].map((m) => m[1]!.toLowerCase()));
}

/**
 * Drops what the schema files define, so that applying them again leaves nothing older behind:
 * views, policies and triggers on our tables, then every function of our schemas but the helpers
 * and those of extensions. RESTRICT, not CASCADE: a function that a table still needs (a default,
 * a constraint) stops the migration with PostgreSQL's own message instead of vanishing silently.
 */
async function dropManagedObjects(tx: Queryable, helperNames: string[]): Promise<void> {
  const schemas = textArray(MANAGED_SCHEMAS);
  const drops = await tx.query<{ statement: string }>(
    `select format('drop view if exists %I.%I cascade', n.nspname, c.relname) as statement, 1 as step
       from pg_class c join pg_namespace n on n.oid = c.relnamespace
       where c.relkind = 'v' and n.nspname = any(${schemas})
     union all
     select format('drop policy %I on %I.%I', p.polname, n.nspname, c.relname), 2
       from pg_policy p join pg_class c on c.oid = p.polrelid join pg_namespace n on n.oid = c.relnamespace
       where n.nspname = any(${schemas})
     union all
     select format('drop trigger %I on %I.%I', t.tgname, n.nspname, c.relname), 3
       from pg_trigger t join pg_class c on c.oid = t.tgrelid join pg_namespace n on n.oid = c.relnamespace
       where not t.tgisinternal and n.nspname = any(${schemas})
     union all
     select format('drop %s %s restrict', case p.prokind when 'p' then 'procedure' else 'function' end, p.oid::regprocedure), 4
       from pg_proc p join pg_namespace n on n.oid = p.pronamespace
       where n.nspname = any(${schemas})
         and n.nspname || '.' || p.proname <> all(${textArray(helperNames)})
         and not exists (select 1 from pg_depend d where d.classid = 'pg_proc'::regclass and d.objid = p.oid and d.deptype = 'e')
     order by step`,
  );
  for (const { statement } of drops) await tx.exec(statement);
}

/** A SQL text[] literal of known identifiers (schema and function names from our own files). */
function textArray(values: readonly string[]): string {
  return `array[${values.map((v) => `'${v.replaceAll("'", "''")}'`).join(', ')}]::text[]`;
}

/**
 * Takes back every privilege the API roles hold on our schemas' tables, sequences and functions
 * (and PUBLIC's EXECUTE), so that the grants files, applied next, are the whole truth. Supabase's
 * default privileges grant the API roles everything on each new object; nothing here relies on them.
 */
async function revokeManagedPrivileges(tx: Queryable): Promise<void> {
  const roles = MANAGED_ROLES.join(', ');
  for (const schema of MANAGED_SCHEMAS) {
    await tx.exec(`
      revoke all on all tables in schema ${schema} from ${roles};
      revoke all on all sequences in schema ${schema} from ${roles};
      revoke all on all functions in schema ${schema} from public, ${roles};
      revoke all on schema ${schema} from ${roles};
    `);
  }
}
