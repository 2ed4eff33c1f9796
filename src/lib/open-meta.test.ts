import { describe, expect, it } from 'vitest';
import { encodeOpenMeta, readOpenMeta } from './open-meta.ts';
import { isOpenAt } from './open-now.ts';
import { generateDemoMerchants } from '../../scripts/seed/demo-merchants.ts';
import { readMunicipalities } from '../../scripts/lib/municipality-data.ts';
import type { OpeningHours } from './opening-hours.ts';

describe('open-now metadata of a search result', () => {
  it('gives back the hours of every kind of demo shop, in a few dozen characters without a comma', () => {
    const towns = readMunicipalities().map((t) => ({ code: t.geo_code, name: t.name, region_code: t.region_code, latitude: t.latitude, longitude: t.longitude, population: t.population ?? 0 }));
    const shops = generateDemoMerchants({ approved: 600, pending: 0, seed: 7 }, towns);
    const withHours = shops.filter((s) => Object.keys(s.opening_hours).length);
    expect(withHours.length).toBeGreaterThan(500);
    for (const shop of withHours) {
      const meta = encodeOpenMeta('America/Toronto', shop.opening_hours as OpeningHours);
      expect(meta).not.toContain(',');
      expect(readOpenMeta(meta)).toEqual(['America/Toronto', shop.opening_hours]);
    }
    const lengths = withHours.map((s) => encodeOpenMeta('America/Toronto', s.opening_hours as OpeningHours).length).sort((a, b) => a - b);
    // Half the old base64 JSON's length was about 450 characters.
    expect(lengths[Math.floor(lengths.length / 2)]).toBeLessThan(120);
  });

  it('keeps overnight spans, midnight closings, closed days, dated ranges, seasons, a pause and another time zone', () => {
    const hours: OpeningHours = {
      week: { mon: [], fri: [['17:00', '02:00']], sat: [['09:00', '12:00'], ['13:00', '24:00']] },
      exceptions: [{ date: '2026-12-24', spans: [['10:00', '14:00']] }, { date: '2026-12-25', until: '2026-12-26', spans: [] }],
      closedSeasons: [{ from: '12-20', to: '01-05' }],
      temporarilyClosed: true,
    };
    expect(readOpenMeta(encodeOpenMeta('America/Halifax', hours))).toEqual(['America/Halifax', hours]);
    const friday = { week: { fri: [['17:00', '02:00']] } } satisfies OpeningHours;
    const [zone, back] = readOpenMeta(encodeOpenMeta('America/Toronto', friday))!;
    // Saturday 01:30 in Montreal is still Friday night's span.
    expect(isOpenAt(back, zone, new Date('2026-12-05T06:30:00Z'))).toBe(true);
  });

  it('reads nothing from a missing or damaged value', () => {
    expect(readOpenMeta(undefined)).toBeNull();
    expect(readOpenMeta('|10h-17h')).toBeNull();
    expect(readOpenMeta('|||||||20261224=1000')).toBeNull();
    expect(readOpenMeta('a|b|c|d|e|f|g|h|i|j|k|l')).toBeNull();
  });
});
