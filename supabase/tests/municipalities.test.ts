// The municipality reference: every Quebec municipality, unorganized territory and Indigenous
// community of supabase/data/ with its MRC and time zone, found as people write towns, and the
// listings, proposals and town pages of a database from before it moved onto it.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { migrate } from '../../scripts/publish/migrate.ts';
import { readAliases, readMunicipalities } from '../../scripts/lib/municipality-data.ts';
import { loadLegacyDemo } from '../../tests/support/legacy-database.ts';
import { createTestDatabase, databaseKinds, type TestDatabase } from '../../tests/support/test-database.ts';

type Place = { code: string | null; name: string | null; region: string | null; zone: string | null; choices: string[] | null };

describe.each(databaseKinds())('the municipality reference on %s', (kind) => {
  let db: TestDatabase;
  beforeAll(async () => {
    db = await createTestDatabase(kind);
  });
  afterAll(() => db?.drop());

  const locate = async (city: string): Promise<Place | undefined> =>
    (await db.query<Place>(
      `select l.municipality_code as code, m.name, l.region_code as region, m.time_zone as zone, l.choices
       from private.locate($1) l left join public.municipalities m on m.code = l.municipality_code`, [city]))[0];

  it('holds every row of the files in supabase/data, as the generated migration must keep it', async () => {
    const files = readMunicipalities();
    const rows = await db.query<{ code: string; slug: string; name: string; region_code: string; mrc_name: string; time_zone: string }>(
      'select code, slug, name, region_code, mrc_name, time_zone from public.municipalities order by code');
    expect(rows).toEqual(files.map((m) => ({ code: m.geo_code, slug: m.slug, name: m.name, region_code: m.region_code, mrc_name: m.mrc_name, time_zone: m.timeZone })));
    expect(rows).toHaveLength(1280);
    const aliases = await db.query<{ alias: string; municipality_code: string; source: string }>('select alias, municipality_code, source from public.municipality_aliases order by alias');
    expect(aliases).toEqual(readAliases(files).map((a) => ({ alias: a.alias, municipality_code: a.geo_code, source: a.source })).sort((a, b) => (a.alias < b.alias ? -1 : 1)));
  });

  it('finds towns as people write them, each in its region', async () => {
    const expected: Array<[string, string, string]> = [
      ['Frelighsburg', 'Frelighsburg', '05'], ['Percé', 'Percé', '11'], ['Chelsea', 'Chelsea', '07'], ['North Hatley', 'North Hatley', '05'],
      ['Natashquan', 'Natashquan', '09'], ['Tadoussac', 'Tadoussac', '09'], ['st-georges', 'Saint-Georges', '12'],
      ['Ste-Agathe-des-Monts', 'Sainte-Agathe-des-Monts', '15'], ['Val-des-Sources', 'Val-des-Sources', '05'], ['Asbestos', 'Val-des-Sources', '05'],
      ['Kamouraska', 'Kamouraska', '01'], ['LAC-MEGANTIC', 'Lac-Mégantic', '05'], ['Ayers Cliff', "Ayer's Cliff", '05'],
      ['Saint-Lin--Laurentides', 'Saint-Lin–Laurentides', '14'], ['St-Lin-Laurentides', 'Saint-Lin–Laurentides', '14'],
      ['Chicoutimi', 'Saguenay', '02'], ['Hull', 'Gatineau', '07'], ['Sainte-Foy', 'Québec', '03'], ['Cap-de-la-Madeleine', 'Trois-Rivières', '04'],
      ['Lachine', 'Montréal', '06'], ['Montréal, QC', 'Montréal', '06'], ['MONTRÉAL, QUÉBEC', 'Montréal', '06'], ['L’Île-Perrot', "L'Île-Perrot", '16'], ['Kuujjuaq', 'Kuujjuaq', '10'],
    ];
    for (const [written, name, region] of expected) expect(await locate(written), written).toMatchObject({ name, region });
    expect(await locate('Springfield')).toBeUndefined();
  });

  it('tells namesakes apart by MRC, region or designation, and names both when it cannot', async () => {
    expect(await locate("L'Ange-Gardien")).toMatchObject({
      code: null, choices: ["L'Ange-Gardien (La Côte-de-Beaupré)", "L'Ange-Gardien (Les Collines-de-l'Outaouais)"],
    });
    expect(await locate("L'Ange-Gardien (Les Collines-de-l'Outaouais)")).toMatchObject({ code: '82005', region: '07' });
    expect(await locate('Lange-Gardien (la cote de beaupre)')).toMatchObject({ code: '21040', region: '03' });
    expect(await locate('Saint-Lambert (Montérégie)')).toMatchObject({ code: '58012' });
    // A ville and its canton are one place for the region: the ville, unless the canton is asked for.
    expect(await locate('Stanstead')).toMatchObject({ code: '45008' });
    expect(await locate('Stanstead (Canton)')).toMatchObject({ code: '45025' });
  });

  it('gives each town its time zone: Atlantic for the Magdalen Islands, Atlantic Standard on the Lower North Shore', async () => {
    expect(await locate('Les Îles-de-la-Madeleine')).toMatchObject({ zone: 'America/Halifax' });
    expect(await locate('Grosse-Île')).toMatchObject({ zone: 'America/Halifax' });
    expect(await locate('Blanc-Sablon')).toMatchObject({ zone: 'America/Blanc-Sablon' });
    expect(await locate('Natashquan')).toMatchObject({ zone: 'America/Toronto' }); // west of the river
    const zones = await db.query<{ time_zone: string; n: number }>('select time_zone, count(*)::int as n from public.municipalities group by 1 order by 1');
    expect(zones).toEqual([{ time_zone: 'America/Blanc-Sablon', n: 8 }, { time_zone: 'America/Halifax', n: 2 }, { time_zone: 'America/Toronto', n: 1270 }]);
  });

  it('gives a name that two units share the MRC in its slug, so each town page has its own address', async () => {
    const slugs = await db.query<{ slug: string }>(`select slug from public.municipalities where name in ('Saint-Lambert', 'Stanstead') order by slug`);
    expect(slugs.map((s) => s.slug)).toEqual(['saint-lambert-abitibi-ouest', 'saint-lambert-longueuil', 'stanstead-canton', 'stanstead-ville']);
  });
});

describe.each(databaseKinds())('a database from before the complete reference, on %s', (kind) => {
  let legacy: TestDatabase;
  const town = async (name: string) =>
    (await legacy.query<{ code: string | null; region: string | null; city: string; lat: number }>(
      `select municipality_code as code, region_code as region, city::text, latitude as lat from public.listings where name = $1`, [name]))[0];

  beforeAll(async () => {
    legacy = await loadLegacyDemo(kind);
    // Businesses in towns the old reference had under a retired code (La Pocatière), under a wrong
    // code (Joliette, filed under Saint-Pierre's), under an old name (Luceville), under a name two
    // towns now share (L'Ange-Gardien), and a registration in a town it did not have (Percé).
    const insert = (name: string, city: string, code: string | null, region: string | null, status: string, postal: string) =>
      legacy.query(
        `insert into public.merchants (name, category_slug, city, municipality_code, region_code, postal_code, latitude, longitude,
           contact_email, neq, status, approved_at, checks, checks_outcome, checks_computed_at)
         select $1, 'epicerie-alimentation', $2, $3::text, $4::text, $6, m.latitude, m.longitude, 'a@b.ca', '1161234567', $5::public.merchant_status,
           case when $5 = 'approved' then now() end, '[]', case when $3 is null then 'warn' else 'pass' end, now()
         from (select 1) one left join public.municipalities m on m.code = $3`,
        [name, city, code, region, status, postal]);
    await insert('Boulangerie Pocatière', 'La Pocatière', '14085', '01', 'approved', 'G0R 1Z0');
    await insert('Fromagerie Joliette', 'Joliette', '61020', '14', 'approved', 'J6E 3Z1');
    await insert('Quincaillerie Luceville', 'Luceville', '09092', '01', 'approved', 'G0K 1E0');
    await insert('Librairie Ange-Gardien', "L'Ange-Gardien", '21040', '03', 'approved', 'G0A 2K0');
    await insert('Café du Rocher', 'Percé', null, null, 'pending', 'G0C 2L0');
    await migrate(legacy);
  });
  afterAll(() => legacy?.drop());

  it('moves each listing to its town in the new reference, with its region and town centre', async () => {
    expect(await town('Boulangerie Pocatière')).toMatchObject({ code: '14082', region: '01', city: 'La Pocatière' });
    expect(await town('Fromagerie Joliette')).toMatchObject({ code: '61025', region: '14' });
    expect(await town('Quincaillerie Luceville')).toMatchObject({ code: '09092', region: '01' });
    expect(await town('Librairie Ange-Gardien')).toMatchObject({ code: '21040', region: '03' });
    const [joliette] = await legacy.query<{ latitude: number }>(`select latitude from public.municipalities where code = '61025'`);
    expect((await town('Fromagerie Joliette'))!.lat).toBe(joliette!.latitude);
    expect(await legacy.query(`select count(*)::int as n from public.municipalities`)).toEqual([{ n: 1280 }]);
  });

  it('places a waiting registration in a town the old list lacked, and computes its pre-checks again', async () => {
    const [p] = await legacy.query<{ fields: Record<string, unknown>; checks: Array<{ check: string; outcome: string; code: string }> }>(
      `select fields, checks from public.proposals where fields ->> 'name' = 'Café du Rocher'`);
    expect(p!.fields).toMatchObject({ municipality_code: '02005', region_code: '11' });
    expect(p!.checks).toContainEqual(expect.objectContaining({ check: 'municipality', outcome: 'pass', code: 'municipality.known' }));
  });

  it('redirects town pages whose address changed to the current one', async () => {
    const moved = await legacy.query<{ old_slug: string; slug: string }>(
      `select c.old_slug, m.slug from public.municipality_slug_changes c join public.municipalities m on m.code = c.municipality_code
       where c.old_slug in ('la-pocatiere', 'luceville', 'l-ange-gardien', 'joliette', 'st-jean-port-joli') order by 1`);
    expect(moved).toEqual([
      { old_slug: 'l-ange-gardien', slug: 'l-ange-gardien-la-cote-de-beaupre' },
      { old_slug: 'luceville', slug: 'sainte-luce' },
      { old_slug: 'st-jean-port-joli', slug: 'saint-jean-port-joli' },
    ]);
  });
});
