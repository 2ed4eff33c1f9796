// A listing's address (/commerces/<slug>/) is given once, when it is first published, and never changes.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { asRole } from '../../functions/_shared/as-user.ts';
import { slugify } from '../../functions/_shared/slug.ts';
import { createTestDatabase, databaseKinds, type TestDatabase } from '../../tests/support/test-database.ts';
import { insertMerchants, merchantRow } from '../../tests/support/merchants.ts';

const village = (city: string, municipality_code: string, region_code: string, postal_code: string) =>
  merchantRow({ name: 'Boulangerie du Village', city, municipality_code, region_code, postal_code });

describe.each(databaseKinds())('listing slugs on %s', (kind) => {
  let db: TestDatabase;
  beforeAll(async () => {
    db = await createTestDatabase(kind);
  });
  afterAll(() => db?.drop());

  it('are accent-free and read name then town', async () => {
    const [cafe] = await insertMerchants(db, [merchantRow({ name: 'Café chez Ginette' })]);
    expect(cafe!.slug).toBe('cafe-chez-ginette-lac-megantic');
    const [perrot] = await insertMerchants(db, [
      merchantRow({ name: "L'Épicerie d'à côté", city: "L'Île-Perrot", municipality_code: '71060', region_code: '16', postal_code: 'J7V 1A1' }),
    ]);
    expect(perrot!.slug).toBe('l-epicerie-d-a-cote-l-ile-perrot');
  });

  it('differ by town for the same name, get a number in the same town, and never change when another is added', async () => {
    const [a, b] = await insertMerchants(db, [
      village('Lac-Mégantic', '30030', '05', 'G6B 1A1'),
      village("L'Île-Perrot", '71060', '16', 'J7V 1A1'),
    ]);
    expect(a!.slug).toBe('boulangerie-du-village-lac-megantic');
    expect(b!.slug).toBe('boulangerie-du-village-l-ile-perrot');
    const [c] = await insertMerchants(db, [village('Lac-Mégantic', '30030', '05', 'G6B 1A2')]);
    expect(c!.slug).toBe('boulangerie-du-village-lac-megantic-2');
    const again = await db.query<{ id: string; slug: string }>('select id, slug from public.listings where id = any($1)', [[a!.id, b!.id]]);
    expect(Object.fromEntries(again.map((r) => [r.id, r.slug]))).toEqual({ [a!.id]: a!.slug, [b!.id]: b!.slug });
  });

  it('stay the same when an approved change renames the listing, and when anyone updates it directly', async () => {
    const [m] = await insertMerchants(db, [merchantRow({ name: 'Fromagerie Saint-Éloi' })]);
    // A proposal to change the name, approved by a moderator: the listing takes the name, at version 2.
    const [{ id: change }] = await db.query<{ id: string }>(
      `insert into public.proposals (kind, listing_id, base_version, fields) values ('change', $1, 1, '{"name": "Fromagerie du Lac"}') returning id`,
      [m!.id],
    );
    await asRole(db, 'authenticated', { sub: '5b0e9a53-3f5e-4b35-9d8c-2b7a2b9d8e11', app_metadata: { role: 'moderator' } }, (tx) =>
      tx.query(`select public.decide_proposals(array[$1::uuid], 'approve')`, [change]),
    );
    const [row] = await db.query<{ slug: string; name: string; version: number; field_versions: Record<string, number> }>(
      'select slug, name::text, version, field_versions from public.listings where id = $1', [m!.id]);
    expect(row).toEqual({ slug: m!.slug, name: 'Fromagerie du Lac', version: 2, field_versions: { name: 2 } });
    const [journal] = await db.query('select listing_change, listing_version, changes from public.journal where proposal_id = $1', [change]);
    expect(journal).toEqual({ listing_change: 'changed', listing_version: 2, changes: { name: ['Fromagerie Saint-Éloi', 'Fromagerie du Lac'] } });

    await db.query(`update public.listings set slug = 'hijacked' where id = $1`, [m!.id]);
    expect(await db.query('select slug from public.listings where id = $1', [m!.id])).toEqual([{ slug: m!.slug }]);
  });

  it('are computed the same in SQL and in TypeScript', async () => {
    const samples = ["L'Île-Perrot", 'Café chez Ginette', 'Œufs & Crème — ÉTÉ', '  Épicerie  ', 'Saint-Jean-sur-Richelieu', 'Ça ne coûte rien!'];
    for (const sample of samples) {
      const [row] = await db.query<{ slug: string }>('select private.slugify($1) as slug', [sample]);
      expect(row!.slug, sample).toBe(slugify(sample));
    }
  });
});
