import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { catalogueMerchantSchema } from '../../src/lib/catalogue-schema.ts';
import { insertMerchants, merchantRow } from '../../tests/support/merchants.ts';
import { createTestDatabase, databaseKinds, type TestDatabase } from '../../tests/support/test-database.ts';
import { exportCatalogue, type ExportResult } from './export-catalogue.ts';

describe.each(databaseKinds())('export of the catalogue on %s', (kind) => {
  let db: TestDatabase;
  let outDir: string;
  let result: ExportResult;
  let ids: Record<string, string>;
  const everything = () => readdirSync(outDir).map((f) => readFileSync(join(outDir, f), 'utf8')).join('\n');

  beforeAll(async () => {
    db = await createTestDatabase(kind);
    const rows = await insertMerchants(db, [
      merchantRow({ name: 'Café chez Ginette', contact_email: 'ginette-secret@example.ca', neq: '1169999999' }),
      merchantRow({ name: 'Pas encore validé', status: 'pending', contact_email: 'pending-secret@example.ca' }),
      merchantRow({ name: 'Refusé', status: 'rejected', neq: '123' }),
      // Not a point in Quebec: the database takes any latitude, the site's schema does not.
      merchantRow({ name: 'Point au large', latitude: 30.5, longitude: -70.8823 }),
      merchantRow({ name: 'Boulangerie du Village', city: "L'Île-Perrot", municipality_code: '71060', region_code: '16', postal_code: 'J7V 1A1' }),
      merchantRow({
        name: 'Poissonnerie des Îles', city: 'Les Îles-de-la-Madeleine', municipality_code: '01023', region_code: '11', postal_code: 'G4T 1A1',
        latitude: 47.38, longitude: -61.86,
        // A holiday of yesterday in Montréal is already past; one of tomorrow is kept.
        opening_hours: { week: { mon: [['09:00', '17:00']] }, exceptions: [{ date: '2000-01-01', spans: [] }, { date: '2999-01-01', spans: [] }] },
      }),
      merchantRow({ name: 'Paniers livrés', latitude: null, longitude: null, location_precision: 'none' }),
    ]);
    ids = Object.fromEntries(['cafe', 'pending', 'rejected', 'nocoords', 'village', 'islands', 'delivery'].map((k, i) => [k, rows[i].id]));
    outDir = mkdtempSync(join(tmpdir(), 'vitrine-export-'));
    result = await exportCatalogue(db, { outDir });
  });
  afterAll(() => db?.drop());

  it('writes approved merchants only, each valid for the build', () => {
    const merchants = JSON.parse(readFileSync(join(outDir, 'merchants.json'), 'utf8'));
    expect(merchants.map((m: { id: string }) => m.id).sort()).toEqual([ids.cafe, ids.village, ids.islands, ids.delivery].sort());
    for (const m of merchants) expect(catalogueMerchantSchema.safeParse(m).success).toBe(true);
    expect(result.written).toBe(4);
  });

  it('says how precise each point is, and gives a delivery-only business none (it is listed, not mapped)', () => {
    const merchants = JSON.parse(readFileSync(join(outDir, 'merchants.json'), 'utf8')) as Array<{ id: string }>;
    const byId = Object.fromEntries(merchants.map((m) => [m.id, m]));
    expect(byId[ids.cafe]).toMatchObject({ locationPrecision: 'pin', latitude: 45.5834, longitude: -70.8823 });
    expect(byId[ids.delivery]).toMatchObject({ locationPrecision: 'none', latitude: null, longitude: null });
  });

  it('gives each merchant its town’s time zone, in which its hours are read and its past holidays left out', () => {
    const merchants = JSON.parse(readFileSync(join(outDir, 'merchants.json'), 'utf8')) as Array<{ id: string; timeZone: string; openingHours: { exceptions?: unknown[] } }>;
    const byId = Object.fromEntries(merchants.map((m) => [m.id, m]));
    expect(byId[ids.islands]).toMatchObject({ timeZone: 'America/Halifax', openingHours: { exceptions: [{ date: '2999-01-01', spans: [] }] } });
    expect(byId[ids.cafe]!.timeZone).toBe('America/Toronto');
  });

  it('never writes a private field or an unapproved listing', () => {
    const text = everything();
    for (const leak of ['ginette-secret@example.ca', 'pending-secret@example.ca', '1169999999', 'Pas encore validé', 'Refusé', 'contact_email', '"neq"']) {
      expect(text).not.toContain(leak);
    }
  });

  it('reports a corrupt row with its id and the reason, and still exports the others', () => {
    expect(result.skipped).toEqual([{ id: ids.nocoords, slug: expect.any(String), problems: expect.arrayContaining([expect.stringMatching(/^latitude: /)]) }]);
    const report = JSON.parse(readFileSync(join(outDir, 'export-report.json'), 'utf8'));
    expect(report.skipped[0].id).toBe(ids.nocoords);
  });

  it('lists the towns that have listings, with their real names', () => {
    const reference = JSON.parse(readFileSync(join(outDir, 'reference.json'), 'utf8'));
    expect(reference.cities.map((c: { name: string }) => c.name).sort()).toEqual(["L'Île-Perrot", 'Lac-Mégantic', 'Les Îles-de-la-Madeleine']);
    // Every municipality for the form's suggestions, the two L'Ange-Gardien with their MRC; the 32
    // names that two units of one MRC share (a ville and its canton) are one choice each.
    expect(reference.municipalities).toHaveLength(1280 - 32);
    expect(reference.municipalities).toContainEqual(expect.objectContaining({ choice: "L'Ange-Gardien (Les Collines-de-l'Outaouais)", name: "L'Ange-Gardien", aliases: [] }));
    expect(reference.municipalities).toContainEqual(expect.objectContaining({ choice: 'Saguenay', name: 'Saguenay', aliases: expect.arrayContaining(['Chicoutimi', 'Jonquière']) }));
    // With its reference point and region: the map's "near" box and its built-in base read them.
    expect(reference.municipalities).toContainEqual(expect.objectContaining({ choice: 'Tadoussac', regionCode: '09', latitude: expect.closeTo(48.15, 2) }));
    expect(reference.regions).toHaveLength(17);
  });
});
