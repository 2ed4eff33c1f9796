import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { migrate } from '../../scripts/publish/migrate.ts';
import { createTestDatabase, databaseKinds, type TestDatabase } from '../../tests/support/test-database.ts';

describe.each(databaseKinds())('migrations on %s', (kind) => {
  let db: TestDatabase;
  beforeAll(async () => {
    db = await createTestDatabase(kind);
  });
  afterAll(() => db?.drop());

  it('apply cleanly and record every file, so a second run applies nothing', async () => {
    const versions = await db.query<{ version: string }>('select version from supabase_migrations.schema_migrations order by version');
    expect(versions.length).toBeGreaterThanOrEqual(4);
    const again = await migrate(db);
    expect(again.applied).toEqual([]);
    expect(again.bootstrapped).toBe(false);
  });

  it('load the 17 administrative regions and real municipalities with their region', async () => {
    const [{ count }] = await db.query<{ count: number }>('select count(*)::int as count from public.regions');
    expect(count).toBe(17);
    const towns = await db.query<{ name: string; region_code: string }>(
      `select name, region_code from public.municipalities where code in ('30030', '71060', '66023', '23027') order by code`,
    );
    expect(towns).toEqual([
      { name: 'Québec', region_code: '03' },
      { name: 'Lac-Mégantic', region_code: '05' },
      { name: 'Montréal', region_code: '06' },
      { name: "L'Île-Perrot", region_code: '16' },
    ]);
  });
});
