import { describe, expect, it } from 'vitest';
import { indexCatalogue } from './catalogue-index.ts';
import type { CatalogueMerchant } from './catalogue-schema.ts';

const merchant = (slug: string, name: string, city: string, categorySlug = 'restaurant-cafe'): CatalogueMerchant => ({
  id: '00000000-0000-4000-8000-000000000001', slug, name, categorySlug, descriptionFr: '', descriptionEn: '', streetAddress: '',
  city, citySlug: city.toLowerCase(), postalCode: 'H2X 1Y4', regionCode: '06', regionSlug: 'montreal', locationPrecision: 'pin', latitude: 45.5,
  longitude: -73.5, phone: null, website: null, socialLinks: [], openingHours: {}, waysToBuy: {}, updatedAt: '',
});

describe('indexCatalogue', () => {
  const reference = {
    categories: [
      { slug: 'services', nameFr: 'Services', nameEn: 'Services', position: 2 },
      { slug: 'restaurant-cafe', nameFr: 'Restaurant et café', nameEn: 'Restaurant and café', position: 1 },
    ],
    regions: [{ code: '06', slug: 'montreal', nameFr: 'Montréal', nameEn: 'Montréal' }],
    cities: [],
  };

  it('sorts names the French-Canadian way: accents and case sort with their letter', () => {
    const c = indexCatalogue(
      [merchant('z', 'Zinc', 'A'), merchant('e2', 'Éden', 'A'), merchant('e1', 'eau vive', 'A'), merchant('e3', 'Ermitage', 'A'), merchant('a', "L'Atelier", 'A')],
      reference,
    );
    expect(c.merchants.map((m) => m.name)).toEqual(['eau vive', 'Éden', 'Ermitage', "L'Atelier", 'Zinc']);
  });

  it('orders merchants with the same name by town, and groups by category, town and region', () => {
    const c = indexCatalogue(
      [merchant('b-r', 'Boulangerie du Village', 'Rimouski', 'services'), merchant('b-l', 'Boulangerie du Village', 'Lac-Mégantic'), merchant('a', 'Aubergine', 'Rimouski')],
      reference,
    );
    expect(c.merchants.map((m) => m.slug)).toEqual(['a', 'b-l', 'b-r']);
    expect(c.byCategory.get('restaurant-cafe')!.map((m) => m.slug)).toEqual(['a', 'b-l']);
    expect(c.byCity.get('rimouski')!.map((m) => m.slug)).toEqual(['a', 'b-r']);
    expect(c.byRegion.get('montreal')!.length).toBe(3);
    expect(c.categories.map((x) => x.slug)).toEqual(['restaurant-cafe', 'services']);
    // Each region's towns, in French order (É with E), with their number of listings.
    expect(c.townsByRegion.get('montreal')).toEqual([
      { slug: 'lac-mégantic', name: 'Lac-Mégantic', merchants: 1 },
      { slug: 'rimouski', name: 'Rimouski', merchants: 2 },
    ]);
  });

  it('names and places a region\'s towns as the municipality list has them, not as a merchant typed them', () => {
    const typed = { ...merchant('a', 'Aubergine', 'st-jérôme'), citySlug: 'saint-jerome' };
    const c = indexCatalogue([typed], {
      ...reference,
      regions: [...reference.regions, { code: '15', slug: 'laurentides', nameFr: 'Laurentides', nameEn: 'Laurentians' }],
      cities: [{ slug: 'saint-jerome', name: 'Saint-Jérôme', regionCode: '15', latitude: 45.78, longitude: -74.0 }],
    });
    expect(c.townsByRegion.get('laurentides')).toEqual([{ slug: 'saint-jerome', name: 'Saint-Jérôme', merchants: 1 }]);
  });

  it('handles an empty catalogue', () => {
    const c = indexCatalogue([], reference);
    expect(c.merchants).toEqual([]);
    expect(c.byCategory.size).toBe(0);
  });
});
