// The one place that decides which database we talk to. With DATABASE_URL: any PostgreSQL (the local
// server; Supabase's Postgres through its pooler in production). Without it: an embedded PGlite
// persisted in .data/pglite (or VITRINE_PGLITE_DIR; "memory://" for a throwaway one).
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';

export type Row = Record<string, unknown>;

/** Something that runs SQL: a database, or a transaction on one. */
export interface Queryable {
  query<T extends Row = Row>(sql: string, params?: unknown[]): Promise<T[]>;
  /** Several statements, no parameters (migrations). */
  exec(sql: string): Promise<void>;
}

/** Settings local to a transaction (`set_config(name, value, true)`): they end with it. */
export type LocalSettings = Readonly<Record<string, string>>;

export interface Database extends Queryable {
  readonly kind: 'pglite' | 'postgres';
  /** Runs `work` in one transaction, with `settings` applied before it (the caller's role and claims). */
  transaction<T>(work: (tx: Queryable) => Promise<T>, settings?: LocalSettings): Promise<T>;
  close(): Promise<void>;
}

/** A configuration problem a person must fix: printed as one sentence, without a stack trace. */
export class ConfigurationError extends Error {
  override name = 'ConfigurationError';
}

export async function openDatabase(env: NodeJS.ProcessEnv = process.env): Promise<Database> {
  return env.DATABASE_URL ? openPostgres(env.DATABASE_URL) : openPGlite(env.VITRINE_PGLITE_DIR ?? '.data/pglite');
}

async function openPostgres(url: string): Promise<Database> {
  let parsed: URL;
  try {
    parsed = new URL(url);
    if (!/^postgres(ql)?:$/.test(parsed.protocol)) throw new Error();
  } catch {
    throw new ConfigurationError('DATABASE_URL is not a postgres:// URL.');
  }
  const { default: pg } = await import('pg');
  const pool = new pg.Pool({ connectionString: url, max: Number(process.env.DATABASE_POOL_SIZE ?? 10), connectionTimeoutMillis: 5000 });
  // An idle client that loses its connection must not crash the process.
  pool.on('error', (error) => console.error('Database connection lost:', error.message));
  try {
    const client = await pool.connect();
    client.release();
  } catch (error) {
    await pool.end().catch(() => {});
    throw new ConfigurationError(
      `DATABASE_URL (${parsed.host || 'local socket'}${parsed.pathname}) does not answer: ${(error as Error).message}.`,
    );
  }
  const wrap = (run: (sql: string, params?: unknown[]) => Promise<{ rows: unknown[] }>): Queryable => ({
    query: async <T extends Row>(sql: string, params?: unknown[]) => (await run(sql, params)).rows as T[],
    exec: async (sql: string) => void (await run(sql)),
  });
  return {
    kind: 'postgres',
    ...wrap((sql, params) => pool.query(sql, params)),
    async transaction(work, settings = {}) {
      const client = await pool.connect();
      try {
        // BEGIN and the settings in one round trip (the simple protocol takes several statements
        // but no parameters, hence the escaped literals): a round trip costs more than the SQL.
        const names = Object.keys(settings);
        await client.query(names.length === 0 ? 'begin' : `begin; select ${names
          .map((name) => `set_config(${pg.escapeLiteral(name)}, ${pg.escapeLiteral(settings[name]!)}, true)`)
          .join(', ')}`);
        const result = await work(wrap((sql, params) => client.query(sql, params)));
        await client.query('commit');
        return result;
      } catch (error) {
        await client.query('rollback').catch(() => {});
        throw error;
      } finally {
        client.release();
      }
    },
    close: () => pool.end(),
  };
}

async function openPGlite(dataDir: string): Promise<Database> {
  const { PGlite } = await import('@electric-sql/pglite');
  const inMemory = dataDir.startsWith('memory://');
  const reason = (error: unknown) => (error as NodeJS.ErrnoException).code ?? (error as Error).message;
  try {
    if (!inMemory) mkdirSync(dirname(dataDir), { recursive: true });
  } catch (error) {
    throw new ConfigurationError(
      `The embedded database cannot be created in "${dataDir}" (${reason(error)}): set VITRINE_PGLITE_DIR to a folder this user can write, or DATABASE_URL to a PostgreSQL server.`,
      { cause: error },
    );
  }
  let db: InstanceType<typeof PGlite>;
  try {
    db = await PGlite.create(inMemory ? undefined : dataDir);
  } catch (error) {
    // An unwritable folder, or one that holds something else than a database of this PGlite version.
    throw new ConfigurationError(
      `The embedded database in "${dataDir}" cannot be opened (${reason(error)}): set VITRINE_PGLITE_DIR to a writable folder, empty or holding a database from \`npm start\` of this version (move an old one aside), or DATABASE_URL to a PostgreSQL server.`,
      { cause: error },
    );
  }
  const wrap = (target: Pick<typeof db, 'query' | 'exec'>): Queryable => ({
    query: async <T extends Row>(sql: string, params?: unknown[]) => (await target.query<T>(sql, params)).rows,
    exec: async (sql: string) => void (await target.exec(sql)),
  });
  return {
    kind: 'pglite',
    ...wrap(db),
    transaction: (work, settings = {}) =>
      db.transaction(async (tx) => {
        for (const [name, value] of Object.entries(settings)) await tx.query('select set_config($1, $2, true)', [name, value]);
        return work(wrap(tx));
      }),
    close: () => db.close(),
    // The start command serves this instance to function workers over the Postgres protocol.
    pglite: db,
  } as Database;
}

let shared: Promise<Database> | undefined;

/**
 * Makes `db` the process-wide database (the local server runs the handlers in the process that opened
 * it: an embedded PGlite cannot be opened twice); undefined to open one from the environment again.
 */
export function useDatabase(db: Database | undefined): void {
  shared = db ? Promise.resolve(db) : undefined;
}

/** The process-wide database, opened on first use. */
export function database(): Promise<Database> {
  shared ??= openDatabase().catch((error) => {
    shared = undefined;
    throw error;
  });
  return shared;
}
