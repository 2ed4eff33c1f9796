// The demo data must look like Quebec and respect the schema's rules, or the demo, the slugs and the
// moderation benchmark built on it would test nothing. Towns come from the real migration file.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { slugify } from '../../functions/_shared/slug.ts';
import { isOvernight, openingHoursSchema, type OpeningHours } from '../../src/lib/opening-hours.ts';
import { generateDemoMerchants, type DemoMerchant, type Municipality } from './demo-merchants.ts';

const MIGRATION = new URL('../../supabase/migrations/20261127040100_municipalities.sql', import.meta.url);
const ROW = /\('(\d{5})', '[^']*', '((?:[^']|'')*)', '(\d{2})', (-?[\d.]+), (-?[\d.]+), (\d+)\)/g;
const municipalities: Municipality[] = [...readFileSync(MIGRATION, 'utf8').matchAll(ROW)].map((m) => ({
  code: m[1]!, name: m[2]!.replaceAll("''", "'"), region_code: m[3]!,
  latitude: Number(m[4]), longitude: Number(m[5]), population: Number(m[6]),
}));
const byCode = new Map(municipalities.map((m) => [m.code, m]));

const rows = generateDemoMerchants({ approved: 2000, pending: 300, seed: 42 }, municipalities);
const approved = rows.filter((r) => r.status === 'approved');
const pending = rows.filter((r) => r.status === 'pending');

// The same rules as the SQL constraints and helpers (supabase/schemas/helpers, the listing domains).
const WELL_FORMED_NEQ = /^(11|22|33|88)[0-9]{8}$/;
const POSTAL_CODE = /^[ABCEGHJ-NPRSTVXY][0-9][ABCEGHJ-NPRSTV-Z] [0-9][ABCEGHJ-NPRSTV-Z][0-9]$/;
const QUEBEC_PHONE = /^\+1(514|438|450|579|418|581|819|873|367)[2-9][0-9]{6}$/;
const isQuebecBusiness = (r: DemoMerchant) =>
  WELL_FORMED_NEQ.test(r.neq ?? '') && /^[GHJ]/.test(r.postal_code) && r.region_code !== null;

// The one opening-hours format (src/lib/opening-hours.ts): what the database's domain accepts.
const isValidOpeningHours = (hours: unknown) => openingHoursSchema().safeParse(hours).success;

/** Great-circle distance in km. */
function distanceKm(lat1: number, lon1: number, lat2: number, lon2: number): number {
  const rad = Math.PI / 180;
  const a = Math.sin(((lat2 - lat1) * rad) / 2) ** 2 +
    Math.cos(lat1 * rad) * Math.cos(lat2 * rad) * Math.sin(((lon2 - lon1) * rad) / 2) ** 2;
  return 2 * 6371 * Math.asin(Math.sqrt(a));
}

describe('generateDemoMerchants', () => {
  it('reads the real municipalities', () => {
    expect(municipalities.length).toBeGreaterThan(250);
    expect(byCode.get('71060')?.name).toBe("L'Île-Perrot");
  });

  it('gives the same rows for the same seed, and other rows for another seed', () => {
    expect(generateDemoMerchants({ approved: 2000, pending: 300, seed: 42 }, municipalities)).toEqual(rows);
    // Input order does not matter.
    expect(generateDemoMerchants({ approved: 2000, pending: 300, seed: 42 }, [...municipalities].reverse())).toEqual(rows);
    const other = generateDemoMerchants({ approved: 2000, pending: 300, seed: 43 }, municipalities);
    expect(other.map((r) => r.name)).not.toEqual(rows.map((r) => r.name));
  });

  it('keeps the approved listings when only the number of pending ones changes', () => {
    const fewer = generateDemoMerchants({ approved: 2000, pending: 0, seed: 42 }, municipalities);
    expect(fewer).toEqual(approved);
  });

  it('makes as many listings of each status as asked', () => {
    expect(approved).toHaveLength(2000);
    expect(pending).toHaveLength(300);
    expect(rows).toHaveLength(2300);
    expect(generateDemoMerchants({ approved: 5, pending: 1, seed: 1 }, municipalities)).toHaveLength(6);
    expect(generateDemoMerchants({ approved: 0, pending: 0, seed: 1 }, municipalities)).toEqual([]);
    expect(() => generateDemoMerchants({ approved: -1, pending: 0, seed: 1 }, municipalities)).toThrow(RangeError);
  });

  it('writes French names with accents, apostrophes, hyphens and ampersands', () => {
    const names = rows.map((r) => r.name);
    expect(names.filter((n) => /[éèêàâîôûçÉÈÊÀÎÔ]/.test(n)).length).toBeGreaterThan(200);
    expect(names.filter((n) => n.includes("'")).length).toBeGreaterThan(20);
    expect(names.filter((n) => /\p{L}-\p{L}/u.test(n)).length).toBeGreaterThan(50);
    expect(names.some((n) => n.includes(' & '))).toBe(true);
    expect(names.some((n) => /Tremblay|Gagnon|Bouchard|Côté/.test(n))).toBe(true);
    expect(new Set(names).size).toBeGreaterThan(1000); // varied, not a handful of names
  });

  it('repeats some business names in different towns', () => {
    const towns = new Map<string, Set<string>>();
    for (const r of approved) towns.set(r.name, (towns.get(r.name) ?? new Set()).add(r.municipality_code!));
    expect(towns.get('Boulangerie du Village')?.size).toBeGreaterThanOrEqual(3);
    expect([...towns.values()].filter((t) => t.size >= 2).length).toBeGreaterThan(20);
  });

  it('publishes only Quebec businesses: postal code, NEQ, region, phone', () => {
    for (const r of approved) {
      expect(r.postal_code).toMatch(POSTAL_CODE);
      expect(r.postal_code).toMatch(/^[GHJ]/);
      expect(r.neq).toMatch(WELL_FORMED_NEQ);
      expect(r.region_code).toBe(byCode.get(r.municipality_code!)?.region_code);
      expect(r.city).toBe(byCode.get(r.municipality_code!)?.name);
      if (r.phone !== null) expect(r.phone).toMatch(QUEBEC_PHONE);
      expect(r.seededIneligibility).toBeNull();
    }
    const montreal = approved.filter((r) => r.region_code === '06' || r.region_code === '13');
    expect(montreal.every((r) => r.postal_code.startsWith('H'))).toBe(true);
    expect(approved.filter((r) => r.region_code === '03').every((r) => r.postal_code.startsWith('G'))).toBe(true);
    expect(approved.filter((r) => r.region_code === '07').every((r) => r.postal_code.startsWith('J'))).toBe(true);
    expect(approved.filter((r) => r.municipality_code === '66023').every((r) => /^\+1(514|438)/.test(r.phone ?? '+1514')))
      .toBe(true);
  });

  it('places every listing in Quebec, within about 3 km of its town centre, without stacking markers', () => {
    for (const r of rows.filter((r) => r.seededIneligibility !== 'outside_quebec' && r.latitude !== null)) {
      expect(r.latitude).toBeGreaterThan(44.99);
      expect(r.latitude).toBeLessThan(62.6);
      expect(r.longitude).toBeGreaterThan(-79.8);
      expect(r.longitude).toBeLessThan(-57.1);
      const town = byCode.get(r.municipality_code!)!;
      expect(distanceKm(r.latitude!, r.longitude!, town.latitude, town.longitude)).toBeLessThan(3.05);
    }
    const pins = rows.filter((r) => r.location_precision === 'pin');
    expect(new Set(pins.map((r) => `${r.latitude},${r.longitude}`)).size).toBeGreaterThan(pins.length * 0.99);
  });

  it('shows some shops only at their town (run from home) and gives delivery-only shops no point', () => {
    const share = (p: string) => rows.filter((r) => r.location_precision === p).length / rows.length;
    expect(share('town')).toBeGreaterThan(0.05);
    expect(share('none')).toBeGreaterThan(0.01);
    for (const r of rows.filter((r) => r.location_precision === 'town')) {
      const town = byCode.get(r.municipality_code!)!;
      expect([r.latitude, r.longitude]).toEqual([town.latitude, town.longitude]);
    }
    for (const r of rows.filter((r) => r.location_precision === 'none')) expect([r.latitude, r.longitude]).toEqual([null, null]);
  });

  it('spreads listings by population, with some in every region and in the two tricky towns', () => {
    const count = (predicate: (r: DemoMerchant) => boolean) => approved.filter(predicate).length;
    const regions = new Set(municipalities.map((m) => m.region_code));
    for (const region of regions) expect(count((r) => r.region_code === region)).toBeGreaterThanOrEqual(3);
    const montreal = count((r) => r.municipality_code === '66023');
    expect(montreal).toBeGreaterThan(300);
    expect(montreal).toBeLessThan(700);
    expect(count((r) => r.municipality_code === '23027')).toBeGreaterThan(count((r) => r.municipality_code === '43027'));
    expect(count((r) => r.municipality_code === '30030')).toBeGreaterThanOrEqual(3);
    expect(count((r) => r.municipality_code === '71060')).toBeGreaterThanOrEqual(3);
  });

  it('fills every column the way the schema expects', () => {
    const categories = new Set<string>();
    for (const r of rows) {
      categories.add(r.category_slug);
      expect(r.name.trim().length).toBeGreaterThan(0);
      expect(r.name.length).toBeLessThanOrEqual(120);
      expect(r.description_fr.length).toBeGreaterThan(40);
      expect(r.description_fr.length).toBeLessThanOrEqual(2000);
      expect(r.description_en.length).toBeLessThanOrEqual(2000);
      expect(r.contact_email).toMatch(/^(contact|info|bonjour)@[a-z0-9-]+\.example\.ca$/);
      if (r.website !== null) expect(r.website).toMatch(/^https:\/\/(www\.)?[a-z0-9-]+\.example\.ca$/);
      expect(r.social_links.length).toBeLessThanOrEqual(8);
      for (const link of r.social_links) expect(link).toMatch(/^https:\/\/www\.(facebook|instagram)\.com\/\S+$/);
      expect(isValidOpeningHours(r.opening_hours)).toBe(true);
    }
    expect(categories.size).toBe(16);
    expect(rows.filter((r) => r.description_en !== '').length / rows.length).toBeGreaterThan(0.7);
    expect(rows.filter((r) => r.website !== null).length / rows.length).toBeGreaterThan(0.7);
    expect(rows.filter((r) => r.social_links.length > 0).length / rows.length).toBeGreaterThan(0.2);
    expect(rows.filter((r) => Object.keys(r.opening_hours.week ?? {}).length === 7).length / rows.length).toBeGreaterThan(0.9);
    // Real hours: lunch breaks, bars open past midnight, holidays, seasons, a few closed for a while.
    const some = (predicate: (h: OpeningHours) => boolean) => rows.some((r) => predicate(r.opening_hours));
    expect(some((h) => Object.values(h.week ?? {}).some((spans) => spans.length === 2))).toBe(true);
    expect(some((h) => Object.values(h.week ?? {}).some((spans) => spans.some(isOvernight)))).toBe(true);
    expect(some((h) => (h.exceptions ?? []).some((e) => e.date === '2027-06-24' && e.spans.length === 0))).toBe(true);
    expect(some((h) => (h.closedSeasons ?? []).length > 0)).toBe(true);
    expect(some((h) => h.temporarilyClosed === true)).toBe(true);
    expect(isValidOpeningHours({ week: { mon: [['17:00', '17:00']] } })).toBe(false); // the check itself can fail
    expect(new Set(approved.map((r) => r.neq)).size).toBe(approved.length);
  });

  it('seeds about 5 % of the pending listings as ineligible, of each kind', () => {
    const kinds = { outside_quebec: 0, malformed_neq: 0, duplicate: 0 };
    for (const r of pending) if (r.seededIneligibility) kinds[r.seededIneligibility]++;
    expect(kinds).toEqual({ outside_quebec: 5, malformed_neq: 5, duplicate: 5 });
    // Spread through the queue rather than bunched at one end.
    const positions = pending.flatMap((r, i) => (r.seededIneligibility ? [i] : []));
    expect(positions[positions.length - 1]! - positions[0]!).toBeGreaterThan(100);

    const big = generateDemoMerchants({ approved: 500, pending: 2000, seed: 7 }, municipalities).filter((r) => r.status === 'pending');
    const share = big.filter((r) => r.seededIneligibility).length / big.length;
    expect(share).toBeGreaterThan(0.04);
    expect(share).toBeLessThan(0.06);
    // Without approved listings there is nothing to duplicate.
    const alone = generateDemoMerchants({ approved: 0, pending: 100, seed: 7 }, municipalities);
    expect(alone.filter((r) => r.seededIneligibility === 'duplicate')).toHaveLength(0);
    expect(alone.filter((r) => r.seededIneligibility)).toHaveLength(5);
  });

  it('makes each seeded ineligibility real, and the other pending listings truly eligible', () => {
    const neqs = new Set(approved.map((r) => r.neq));
    const phones = new Set(approved.flatMap((r) => (r.phone ? [r.phone] : [])));
    const nameTowns = new Set(approved.map((r) => slugify(`${r.name} ${r.city}`)));
    const duplicates = (r: DemoMerchant) =>
      neqs.has(r.neq) || (r.phone !== null && phones.has(r.phone)) || nameTowns.has(slugify(`${r.name} ${r.city}`));
    const quebecTowns = new Set(municipalities.map((m) => m.name));

    for (const r of pending) {
      switch (r.seededIneligibility) {
        case 'outside_quebec':
          expect(r.region_code).toBeNull();
          expect(r.municipality_code).toBeNull();
          expect(r.postal_code).toMatch(POSTAL_CODE);
          expect(r.postal_code).not.toMatch(/^[GHJ]/);
          expect(quebecTowns.has(r.city)).toBe(false);
          expect(r.neq).toMatch(WELL_FORMED_NEQ); // one reason at a time
          break;
        case 'malformed_neq':
          expect(r.neq).not.toMatch(WELL_FORMED_NEQ);
          expect(r.neq).toMatch(/\d{9}|^\d{2}\d{2} \d{3} \d{3}$/);
          expect(isQuebecBusiness({ ...r, neq: '1100000000' })).toBe(true);
          expect(duplicates(r)).toBe(false);
          break;
        case 'duplicate':
          expect(isQuebecBusiness(r)).toBe(true);
          expect(duplicates(r)).toBe(true);
          break;
        default:
          expect(isQuebecBusiness(r)).toBe(true);
          expect(duplicates(r)).toBe(false);
      }
    }
  });
});
