// Listings and registrations for tests, with only what a test cares about overridden. Written as the
// connecting (privileged) user, straight into the tables: a way to set a scene, not one of the
// paths the platform offers (those go through the SQL functions, and are tested as such).
import type { Queryable } from '../../functions/_shared/db.ts';

export type MerchantRow = Record<string, unknown> & { status?: 'approved' | 'pending' | 'rejected' | 'changes_requested' };

let counter = 0;

/** A valid listing's fields (listing column names), approved unless `status` says otherwise. */
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
    location_precision: 'pin',
    phone: '+18195550123',
    website: 'https://example.ca',
    social_links: ['https://www.facebook.com/example'],
    opening_hours: { week: { mon: [['09:00', '17:00']], sun: [] } },
    contact_email: 'proprio@example.ca',
    neq: '1161234567',
    ...overrides,
  };
}

/**
 * Inserts each row as a registration (a proposal to create) in its status, and an approved one as its
 * published listing too (same id). Returns their ids and, for published ones, slugs, in order.
 */
export async function insertMerchants(db: Queryable, rows: MerchantRow[]): Promise<Array<{ id: string; slug: string }>> {
  const out: Array<{ id: string; slug: string }> = [];
  for (const { status = 'approved', locale = 'fr', ...row } of rows) {
    const fields = Object.fromEntries(Object.entries(row).filter(([, value]) => value !== null && value !== undefined));
    const [{ id }] = await db.query<{ id: string }>(
      `insert into public.proposals (kind, fields, status, locale, decided_at)
       values ('create', $1::jsonb, $2::public.proposal_status, $3, case when $2 <> 'pending' then now() end) returning id`,
      [JSON.stringify(fields), status, locale],
    );
    let slug = '';
    if (status === 'approved') {
      [{ slug }] = await db.query<{ slug: string }>(
        `insert into public.listings (id, slug, name, category_slug, description_fr, description_en, street_address, city,
           municipality_code, region_code, postal_code, latitude, longitude, location_precision, phone, website, social_links,
           opening_hours, ways_to_buy, contact_email, neq, locale, published_at)
         select p.id, private.new_listing_slug(f.name, f.city), f.name, f.category_slug, coalesce(f.description_fr, ''),
           coalesce(f.description_en, ''), coalesce(f.street_address, ''), f.city, f.municipality_code, f.region_code, f.postal_code,
           f.latitude, f.longitude, coalesce(f.location_precision, case when f.latitude is null then 'none' else 'pin' end),
           f.phone, f.website, coalesce(f.social_links, '{}'), coalesce(f.opening_hours, '{}'), coalesce(f.ways_to_buy, '{}'),
           f.contact_email, f.neq, p.locale, now()
         from public.proposals p cross join lateral jsonb_populate_record(null::public.listing_fields, p.fields) f
         where p.id = $1
         returning slug`,
        [id],
      );
      await db.query('update public.proposals set listing_id = id where id = $1', [id]);
    }
    out.push({ id: id!, slug });
  }
  return out;
}
