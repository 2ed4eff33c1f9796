import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { slugify } from '../../functions/_shared/slug.ts';
import { createTestDatabase, databaseKinds, type TestDatabase } from '../../tests/support/test-database.ts';
import { insertMerchants, merchantRow } from '../../tests/support/merchants.ts';

const village = (city: string, municipality_code: string, region_code: string, postal_code: string) =>
  merchantRow({ name: 'Boulangerie du Village', city, municipality_code, region_code, postal_code });

describe.each(databaseKinds())('merchant slugs on %s', (kind) => {
  let db: TestDatabase;
  beforeAll(async () => {
    db = await createTestDatabase(kind);
  });
  afterAll(() => db?.drop());

  it('are accent-free and read name then town', async () => {
    const [cafe] = await insertMerchants(db, [merchantRow({ name: 'Café chez Ginette' })]);
    expect(cafe.slug).toBe('cafe-chez-ginette-lac-megantic');
    const [perrot] = await insertMerchants(db, [
      merchantRow({ name: "L'Épicerie d'à côté", city: "L'Île-Perrot", municipality_code: '71060', region_code: '16', postal_code: 'J7V 1A1' }),
    ]);
    expect(perrot.slug).toBe('l-epicerie-d-a-cote-l-ile-perrot');
  });

  it('differ by town for the same name, get a number in the same town, and never change when another is added', async () => {
    const [a, b] = await insertMerchants(db, [
      village('Lac-Mégantic', '30030', '05', 'G6B 1A1'),
      village("L'Île-Perrot", '71060', '16', 'J7V 1A1'),
    ]);
    expect(a.slug).toBe('boulangerie-du-village-lac-megantic');
    expect(b.slug).toBe('boulangerie-du-village-l-ile-perrot');
    const [c] = await insertMerchants(db, [village('Lac-Mégantic', '30030', '05', 'G6B 1A2')]);
    expect(c.slug).toBe('boulangerie-du-village-lac-megantic-2');
    const again = await db.query<{ id: string; slug: string }>('select id, slug from public.merchants where id = any($1) order by created_at, slug', [[a.id, b.id]]);
    expect(Object.fromEntries(again.map((r) => [r.id, r.slug]))).toEqual({ [a.id]: a.slug, [b.id]: b.slug });
  });

  it('stay the same when the listing is renamed', async () => {
    const [m] = await insertMerchants(db, [merchantRow({ name: 'Fromagerie Saint-Éloi' })]);
    await db.query(`update public.merchants set name = 'Fromagerie du Lac', slug = 'hijacked' where id = $1`, [m.id]);
    const [row] = await db.query<{ slug: string; name: string }>('select slug, name from public.merchants where id = $1', [m.id]);
    expect(row).toEqual({ slug: m.slug, name: 'Fromagerie du Lac' });
  });

  it('are computed the same in SQL and in TypeScript', async () => {
    const samples = ["L'Île-Perrot", 'Café chez Ginette', 'Œufs & Crème — ÉTÉ', '  Épicerie  ', 'Saint-Jean-sur-Richelieu', 'Ça ne coûte rien!'];
    for (const sample of samples) {
      const [row] = await db.query<{ slug: string }>('select private.slugify($1) as slug', [sample]);
      expect(row.slug, sample).toBe(slugify(sample));
    }
  });
});
