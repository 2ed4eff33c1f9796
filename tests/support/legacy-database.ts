// A copy of the demo database as the last release before listings and proposals left it
// (tests/fixtures/legacy/demo-55e4ad9.sql.gz: see its README), loaded into a fresh PGlite or a new
// PostgreSQL database, not yet migrated: what `npm start` finds on a machine that ran that release.
import { readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { openDatabase } from '../../functions/_shared/db.ts';
import { serverDatabase, type TestDatabase } from './test-database.ts';

const DUMP = new URL('../fixtures/legacy/demo-55e4ad9.sql.gz', import.meta.url);

// pg_dump leaves roles out: they belong to the server. The release had created these.
const ROLES = `do $$
begin
  if not exists (select 1 from pg_roles where rolname = 'anon') then create role anon nologin noinherit; end if;
  if not exists (select 1 from pg_roles where rolname = 'authenticated') then create role authenticated nologin noinherit; end if;
  if not exists (select 1 from pg_roles where rolname = 'service_role') then create role service_role nologin noinherit bypassrls; end if;
  if not exists (select 1 from pg_roles where rolname = 'vitrine_exporter') then create role vitrine_exporter nologin noinherit; end if;
  if not exists (select 1 from pg_roles where rolname = 'vitrine_registrar') then create role vitrine_registrar nologin noinherit; end if;
  if not exists (select 1 from pg_roles where rolname = 'vitrine_builder') then create role vitrine_builder nologin noinherit; end if;
end
$$;`;

export async function loadLegacyDemo(kind: 'pglite' | 'postgres'): Promise<TestDatabase> {
  const dump = gunzipSync(readFileSync(DUMP)).toString('utf8');
  let db: TestDatabase;
  if (kind === 'pglite') {
    const memory = await openDatabase({ VITRINE_PGLITE_DIR: 'memory://' });
    db = Object.assign(memory, { drop: () => memory.close() });
  } else {
    db = await serverDatabase('legacy');
  }
  await db.exec(ROLES);
  await db.exec(dump);
  return db;
}
