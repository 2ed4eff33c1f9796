// A valid approved merchant row for tests, with only what a test cares about overridden.
import type { Queryable } from '../../functions/_shared/db.ts';

export type MerchantRow = Record<string, unknown>;

let counter = 0;

export function merchantRow(overrides: MerchantRow = {}): MerchantRow {
  counter += 1;
  return {
    status: 'approved',
    name: `Commerce d'essai ${counter}`,
    category_slug: 'boulangerie-patisserie',
    description_fr: 'Pain au levain cuit sur place.',
    description_en: 'Sourdough bread baked on site.',
    street_address: '123, rue Principale',
    city: 'Lac-Mégantic',
    municipality_code: '30030',
    region_code: '05',
    postal_code: 'G6B 1A1',
    latitude: 45.5834,
    longitude: -70.8823,
    phone: '+18195550123',
    website: 'https://example.ca',
    social_links: ['https://www.facebook.com/example'],
    opening_hours: JSON.stringify({ mon: [['09:00', '17:00']], sun: [] }),
    contact_email: 'proprio@example.ca',
    neq: '1161234567',
    ...overrides,
  };
}

/** Inserts rows as the connecting (privileged) user and returns their ids and slugs in order. */
export async function insertMerchants(db: Queryable, rows: MerchantRow[]): Promise<Array<{ id: string; slug: string }>> {
  const out: Array<{ id: string; slug: string }> = [];
  for (const row of rows) {
    const columns = Object.keys(row);
    const [inserted] = await db.query<{ id: string; slug: string }>(
      `insert into public.merchants (${columns.join(', ')}) values (${columns.map((_, i) => `$${i + 1}`).join(', ')}) returning id, slug`,
      Object.values(row),
    );
    out.push(inserted);
  }
  return out;
}
