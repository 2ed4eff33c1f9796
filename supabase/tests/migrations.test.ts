// How the database gets its shape: migrations for tables and data, one file per function, view,
// table's policies and grant in supabase/schemas, applied again when anything changes; and a copy of
// the demo database of the previous release upgrades without losing anything, to exactly what a new
// database gets.
import { randomBytes } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { asRole } from '../../functions/_shared/as-user.ts';
import type { Queryable } from '../../functions/_shared/db.ts';
import { hasMessage } from '../../src/i18n/index.ts';
import { isServerRoleRace, migrate, SCHEMA_PHASES } from '../../scripts/publish/migrate.ts';
import { loadLegacyDemo } from '../../tests/support/legacy-database.ts';
import { createTestDatabase, databaseKinds, type TestDatabase } from '../../tests/support/test-database.ts';

const SUPABASE = new URL('../', import.meta.url).pathname;
const sqlFiles = (dir: string) => readdirSync(join(SUPABASE, dir)).filter((f) => f.endsWith('.sql')).map((f) => [f, readFileSync(join(SUPABASE, dir, f), 'utf8')] as const);

/** Everything the schema files and migrations define, as text to compare between two databases. */
async function shape(db: TestDatabase): Promise<Record<string, unknown[]>> {
  // Names print with their schema or without it after the search_path (pg_dump's script empties it).
  return db.transaction((tx) => shapeOf(tx), { search_path: 'public' });
}

async function shapeOf(db: Queryable): Promise<Record<string, unknown[]>> {
  const q = (sql: string) => db.query(sql);
  return {
    functions: await q(`select p.oid::regprocedure::text as name, pg_get_functiondef(p.oid) as def, coalesce(p.proacl::text, '') as acl
      from pg_proc p join pg_namespace n on n.oid = p.pronamespace where n.nspname in ('public', 'private') order by 1`),
    views: await q(`select schemaname, viewname, definition from pg_views where schemaname in ('public', 'private') order by 1, 2`),
    policies: await q(`select schemaname, tablename, policyname, cmd, roles::text, qual, with_check from pg_policies
      where schemaname in ('public', 'private') order by 1, 2, 3`),
    triggers: await q(`select c.relname, t.tgname, pg_get_triggerdef(t.oid) as def from pg_trigger t join pg_class c on c.oid = t.tgrelid
      join pg_namespace n on n.oid = c.relnamespace where not t.tgisinternal and n.nspname in ('public', 'private') order by 1, 2`),
    tables: await q(`select n.nspname, c.relname, c.relkind::text, c.relrowsecurity, coalesce(c.relacl::text, '') as acl
      from pg_class c join pg_namespace n on n.oid = c.relnamespace
      where n.nspname in ('public', 'private') and c.relkind in ('r', 'v', 'S') order by 1, 2`),
    columns: await q(`select table_schema, table_name, column_name, ordinal_position, data_type, domain_name, is_nullable, column_default
      from information_schema.columns where table_schema in ('public', 'private') order by 1, 2, 4`),
    constraints: await q(`select conrelid::regclass::text as rel, conname, pg_get_constraintdef(oid) as def from pg_constraint
      where connamespace in ('public'::regnamespace, 'private'::regnamespace) order by 1, 2`),
    indexes: await q(`select tablename, indexname, indexdef from pg_indexes where schemaname in ('public', 'private') order by 1, 2`),
    schemas: await q(`select nspname, coalesce(nspacl::text, '') as acl from pg_namespace where nspname in ('public', 'private')`),
  };
}

describe('one home per SQL object', () => {
  const migrations = sqlFiles('migrations');
  const schemaFiles = ['helpers', ...SCHEMA_PHASES].flatMap((dir) => sqlFiles(`schemas/${dir}`).map(([f, sql]) => [`${dir}/${f}`, sql] as const));

  it('keeps functions, views, policies and grants out of the migrations (but for a migration’s own temporary helpers)', () => {
    for (const [file, sql] of migrations) {
      expect(sql.match(/create (or replace )?function (?!pg_temp\.)/gi), file).toBeNull();
      expect(sql.match(/create (or replace )?view|create policy|alter policy|grant (select|insert|update|delete|execute|usage|all)/gi), file).toBeNull();
    }
  });

  it('defines each function in one file only, and names each file after what it holds', () => {
    const homes = new Map<string, string>();
    for (const [file, sql] of schemaFiles) {
      for (const [, name] of sql.matchAll(/create (?:or replace )?function ([a-z_]+\.[a-z_]+)\(/gi)) {
        expect(homes.get(name!), `${name} in ${file} and ${homes.get(name!)}`).toBeUndefined();
        homes.set(name!, file);
      }
      const base = file.split('/')[1]!.replace(/\.sql$/, '');
      if (file.startsWith('functions/')) expect(homes.get(base), file).toBe(file);
    }
  });
});

describe.each(databaseKinds())('migrations on %s', (kind) => {
  let fresh: TestDatabase;
  let legacy: TestDatabase;
  let before: {
    merchants: Array<{ id: string; slug: string; status: string; name: string; token: string }>;
    decisions: Array<{ merchant_id: string; decision: string; moderator_email: string | null; reason: string | null }>;
    notices: Array<{ merchant_id: string; subject: string; body: string }>;
  };

  beforeAll(async () => {
    fresh = await createTestDatabase(kind);
    legacy = await loadLegacyDemo(kind);
    before = {
      merchants: await legacy.query(`select id, slug, status::text, name, private.status_token(id) as token from public.merchants order by id`),
      decisions: await legacy.query(`select merchant_id, decision, moderator_email, reason from public.moderation_decisions order by id`),
      notices: await legacy.query(`select merchant_id, subject, body from public.outbox order by id`),
    };
    await migrate(legacy);
  });
  afterAll(async () => {
    await fresh?.drop();
    await legacy?.drop();
  });

  it('apply cleanly and record every file, so a second run applies nothing', async () => {
    const versions = await fresh.query<{ version: string }>('select version from supabase_migrations.schema_migrations order by version');
    expect(versions.length).toBeGreaterThanOrEqual(4);
    const again = await migrate(fresh);
    expect(again).toMatchObject({ applied: [], bootstrapped: false, schemaApplied: false });
  });

  it.runIf(kind === 'postgres')('tell the error of a role created at the same moment by another database of the server, which migrate() retries', async () => {
    // Roles are the server's: two test databases migrating at once both create them. The second
    // waits on the first's new row and fails when it commits; migrate() recognizes that and retries.
    const role = `vitrine_race_${randomBytes(4).toString('hex')}`;
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    let created!: () => void;
    const first = new Promise<void>((resolve) => (created = resolve));
    const one = fresh.transaction(async (tx) => {
      await tx.exec(`create role ${role} nologin`);
      created();
      await held;
    });
    await first;
    const two = fresh.transaction((tx) => tx.exec(`create role ${role} nologin`)).then(() => null, (error: unknown) => error);
    try {
      await expect.poll(async () => (await fresh.query<{ n: number }>(
        `select count(*)::int as n from pg_stat_activity where wait_event_type = 'Lock' and query like $1`, [`%create role ${role}%`]))[0]!.n).toBe(1);
      release();
      await one;
      const error = await two;
      expect(error).toMatchObject({ code: '23505', constraint: 'pg_authid_rolname_index' });
      expect(isServerRoleRace(new Error('supabase/migrations/…sql failed', { cause: error }))).toBe(true);
      expect(isServerRoleRace(Object.assign(new Error('duplicate key'), { code: '23505', constraint: 'listings_slug_key' }))).toBe(false);
    } finally {
      // Also when the second never waited: the first's transaction must not stay open.
      release();
      await one.catch(() => {});
      await two;
      await fresh.exec(`drop role if exists ${role}`);
    }
  });

  it('load the 17 administrative regions and real municipalities with their region', async () => {
    const [{ count }] = await fresh.query<{ count: number }>('select count(*)::int as count from public.regions');
    expect(count).toBe(17);
    const towns = await fresh.query<{ name: string; region_code: string }>(
      `select name, region_code from public.municipalities where code in ('30030', '71060', '66023', '23027') order by code`,
    );
    expect(towns).toEqual([
      { name: 'Québec', region_code: '03' },
      { name: 'Lac-Mégantic', region_code: '05' },
      { name: 'Montréal', region_code: '06' },
      { name: "L'Île-Perrot", region_code: '16' },
    ]);
  });

  it('upgrade the previous release’s demo database to exactly what a new database gets', async () => {
    const [upgraded, created] = [await shape(legacy), await shape(fresh)];
    for (const part of Object.keys(created)) expect(upgraded[part], part).toEqual(created[part]);
    expect(await legacy.query(`select to_regclass('public.merchants') as merchants`)).toEqual([{ merchants: null }]);
  });

  it('keep every registration, listing, decision and notice of the previous release', async () => {
    // Every merchant is the registration that created it, under the same id, with its status.
    const proposals = await legacy.query<{ id: string; status: string; name: string }>(`select id, status::text, fields ->> 'name' as name from public.proposals order by id`);
    expect(proposals).toEqual(before.merchants.map(({ id, status, name }) => ({ id, status, name })));
    // What was published is published, at the same address; what was published then refused is withdrawn.
    const catalogue = await legacy.query<{ id: string; slug: string }>('select id, slug from public.catalogue order by id');
    expect(catalogue).toEqual(before.merchants.filter((m) => m.status === 'approved').map(({ id, slug }) => ({ id, slug })));
    const [{ withdrawn }] = await legacy.query<{ withdrawn: number }>(`select count(*)::int as withdrawn from public.listings where status = 'withdrawn'`);
    expect(withdrawn).toBe(2);
    // Decisions and notices, as they were.
    expect(await legacy.query(`select proposal_id as merchant_id, action as decision, actor_email as moderator_email, reason from public.journal order by id`))
      .toEqual(before.decisions);
    expect(await legacy.query(`select proposal_id as merchant_id, subject, body from public.outbox order by id`)).toEqual(before.notices);
  });

  it('keep every status link working, and tell each registration’s checks in words', async () => {
    for (const m of before.merchants.filter((_, i) => i % 25 === 0)) {
      const [{ s }] = await asRole(legacy, 'anon', {}, (tx) =>
        tx.query<{ s: { status: string; checks: Array<{ code: string; params: object }> } }>('select public.registration_status($1, $2) as s', [m.id, m.token]));
      expect(s!.status).toBe(m.status);
      for (const check of s!.checks) expect(hasMessage(`check.${check.code}`), check.code).toBe(true);
    }
    // Every stored check became a code the dictionary words.
    const codes = await legacy.query<{ code: string }>(`select distinct c ->> 'code' as code from public.proposals, jsonb_array_elements(checks) c`);
    expect(codes.length).toBeGreaterThan(5);
    for (const { code } of codes) expect(hasMessage(`check.${code}`), code).toBe(true);
    // The registration awaiting changes can be corrected from its link.
    const [{ s }] = await asRole(legacy, 'anon', {}, (tx) => {
      const maple = before.merchants.find((m) => m.name === 'Maple Corner Books')!;
      return tx.query<{ s: { submission: { name: string; email: string } } }>('select public.registration_status($1, $2) as s', [maple.id, maple.token]);
    });
    expect(s!.submission).toMatchObject({ name: 'Maple Corner Books', email: 'owner@maplecorner.example' });
  });

  it('move opening hours into the one format: the week, in order', async () => {
    const [{ hours }] = await legacy.query<{ hours: Record<string, unknown> }>(
      `select opening_hours as hours from public.listings where opening_hours <> '{}' order by id limit 1`);
    expect(Object.keys(hours!)).toEqual(['week']);
    const [{ sat }] = await legacy.query<{ sat: unknown }>(`select fields -> 'opening_hours' -> 'week' -> 'sat' as sat from public.proposals where fields ->> 'name' = 'Café chez Ginette'`);
    expect(sat).toEqual([['08:00', '12:00'], ['13:00', '16:00']]);
  });
});
