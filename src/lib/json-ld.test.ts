import { describe, expect, it } from 'vitest';
import { localBusiness, serializeJsonLd } from './json-ld.ts';
import type { CatalogueMerchant } from './catalogue-schema.ts';

describe('serializeJsonLd', () => {
  const hostile = ['</script><script>alert(1)</script>', '<!--', '"}', "'", '&amp;', '\u2028\u2029', '\\u003c', '</SCRIPT >'];

  it('writes <, >, & and the line separators as \\u escapes, so text cannot end a <script> element', () => {
    const json = serializeJsonLd({ name: hostile.join(' ') });
    expect(json).not.toMatch(/[<>&\u2028\u2029]/);
    expect(json).toContain('\\u003c/script\\u003e');
    expect(json).toContain('\\u2028\\u2029');
  });

  it('parses back to exactly the same data', () => {
    const data = { name: hostile.join(' '), nested: { list: hostile } };
    expect(JSON.parse(serializeJsonLd(data))).toEqual(data);
  });
});

describe('localBusiness', () => {
  const merchant: CatalogueMerchant = {
    id: '00000000-0000-4000-8000-000000000001', slug: 'cafe-chez-ginette', name: 'Café chez Ginette', categorySlug: 'restaurant-cafe',
    descriptionFr: 'Petit café', descriptionEn: '', streetAddress: '1 rue Principale', city: 'Montréal', citySlug: 'montreal',
    postalCode: 'H2X 1Y4', regionCode: '06', regionSlug: 'montreal', locationPrecision: 'pin', latitude: 45.5, longitude: -73.56, phone: '+15145550123',
    website: null, socialLinks: ['https://www.facebook.com/ginette'], openingHours: { week: { mon: [['09:00', '12:00'], ['13:00', '24:00']] } },
    waysToBuy: {}, updatedAt: '2026-11-20T15:00:00.000Z',
  };

  it('says how to buy where schema.org has a term: the delivery area, and an order action with the online store and the ways to receive', () => {
    const page = { pageUrl: 'https://v.example/commerces/cafe-chez-ginette/', imageUrl: 'https://v.example/og.png', description: '', inLanguage: 'fr-CA' };
    const data = localBusiness({ ...merchant, waysToBuy: { in_store: true, delivery: true, delivery_area: 'Plateau-Mont-Royal', curbside: true,
      online_store: 'https://boutique.ginette.ca', gift_cards: true } }, page);
    expect(data.areaServed).toBe('Plateau-Mont-Royal');
    expect(data.potentialAction).toEqual({ '@type': 'OrderAction', target: 'https://boutique.ginette.ca',
      deliveryMethod: ['http://purl.org/goodrelations/v1#DeliveryModeOwnFleet', 'https://schema.org/OnSitePickup'] });
    const plain = localBusiness({ ...merchant, waysToBuy: { in_store: true } }, page);
    expect(plain).not.toHaveProperty('potentialAction');
    expect(plain).not.toHaveProperty('areaServed');
  });

  it('gives a Quebec postal address, coordinates, phone and one specification per opening range', () => {
    const data = localBusiness(merchant, { pageUrl: 'https://v.example/commerces/cafe-chez-ginette/', imageUrl: 'https://v.example/og.png', description: 'Petit café', inLanguage: 'fr-CA' });
    expect(data.address).toEqual({ '@type': 'PostalAddress', streetAddress: '1 rue Principale', addressLocality: 'Montréal', postalCode: 'H2X 1Y4', addressRegion: 'QC', addressCountry: 'CA' });
    expect(data.geo).toEqual({ '@type': 'GeoCoordinates', latitude: 45.5, longitude: -73.56 });
    expect(data.telephone).toBe('+15145550123');
    expect(data.url).toBe('https://v.example/commerces/cafe-chez-ginette/');
    expect(data.sameAs).toEqual(['https://www.facebook.com/ginette']);
    expect(data.openingHoursSpecification.map((s) => [s.dayOfWeek, s.opens, s.closes])).toEqual([
      ['https://schema.org/Monday', '09:00', '12:00'],
      // schema.org times stop at 23:59.
      ['https://schema.org/Monday', '13:00', '23:59'],
    ]);
  });

  it('gives a night past midnight as a closing before the opening, and dated exceptions, seasons and a temporary closing as special hours', () => {
    const data = localBusiness({
      ...merchant,
      openingHours: {
        week: { fri: [['17:00', '02:00']] },
        exceptions: [{ date: '2027-06-24', spans: [] }, { date: '2026-12-24', spans: [['09:00', '15:00']] }, { date: '2027-07-19', until: '2027-08-01', spans: [] }],
        closedSeasons: [{ from: '11-01', to: '04-30' }, { from: '07-01', to: '07-15' }],
        temporarilyClosed: true,
      },
    }, { pageUrl: 'https://v.example/x/', imageUrl: 'https://v.example/og.png', description: '', inLanguage: 'fr-CA', today: '2026-12-01' });
    expect(data.openingHoursSpecification).toEqual([
      { '@type': 'OpeningHoursSpecification', dayOfWeek: 'https://schema.org/Friday', opens: '17:00', closes: '02:00' },
    ]);
    const closed = { '@type': 'OpeningHoursSpecification', opens: '00:00', closes: '00:00' };
    expect(data.specialOpeningHoursSpecification).toEqual([
      { ...closed, validFrom: '2026-12-01' },
      { ...closed, validFrom: '2027-06-24', validThrough: '2027-06-24' },
      { '@type': 'OpeningHoursSpecification', opens: '09:00', closes: '15:00', validFrom: '2026-12-24', validThrough: '2026-12-24' },
      { ...closed, validFrom: '2027-07-19', validThrough: '2027-08-01' },
      // The season under way (since November 1st), and next summer's.
      { ...closed, validFrom: '2026-11-01', validThrough: '2027-04-30' },
      { ...closed, validFrom: '2027-07-01', validThrough: '2027-07-15' },
    ]);
  });

  it('leaves out the phone and the description when there are none', () => {
    const data = localBusiness({ ...merchant, phone: null }, { pageUrl: 'https://v.example/x/', imageUrl: 'https://v.example/og.png', description: '', inLanguage: 'fr-CA' });
    expect(data).not.toHaveProperty('telephone');
    expect(data).not.toHaveProperty('description');
  });
});
