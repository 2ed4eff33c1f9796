import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { GRID, decodeMapData, encodeMapData, fromCell, hilbertCell, hilbertIndex, toCell, type MapPoint } from './map-data.ts';

const point = (latitude: number, longitude: number, extra: Partial<MapPoint> = {}): MapPoint => ({
  latitude, longitude, category: 'restaurant-cafe', precision: 'pin', ways: 0, timeZone: 'America/Toronto', hours: null, ...extra,
});

describe('the map data file', () => {
  it('walks the Hilbert curve both ways over the whole grid', () => {
    for (const [x, y] of [[0, 0], [GRID.cells - 1, 0], [0, GRID.cells - 1], [GRID.cells - 1, GRID.cells - 1], [12345, 54321], [40000, 3]]) {
      const d = hilbertIndex(x!, y!);
      expect(d).toBeGreaterThanOrEqual(0);
      expect(d).toBeLessThan(2 ** 32);
      expect(hilbertCell(d)).toEqual([x, y]);
    }
  });

  it('keeps every point within about 20 m, with its category, precision, ways to buy and shared hours', () => {
    const hours = { week: { fri: [['17:00', '02:00']] } } as MapPoint['hours'];
    const input = [
      point(46.3432, -72.5432, { hours, category: 'bieres-vins-spiritueux' }),
      point(47.3833, -61.8667, { timeZone: 'America/Halifax', hours, precision: 'town' }),
      point(45.5017, -73.5673, { hours, ways: 5 }),
      point(62.4, -74.1),
    ].map((p, i) => ({ point: p, name: `n${i}` }));
    const { bytes, names } = encodeMapData(input, 2, (chunks) => chunks.map((_, i) => `noms-${i}.json`));
    const data = decodeMapData(bytes);
    expect(data.header.count).toBe(4);
    expect(data.header.chunks).toEqual(['noms-0.json', 'noms-1.json']);
    // Same hours in two zones are two entries; the same hours in one zone, one.
    expect(data.header.hours).toHaveLength(2);
    const order = names.flat();
    for (const [i, name] of order.entries()) {
      const original = input.find((e) => e.name === name)!.point;
      expect(Math.abs(data.latitude[i]! - original.latitude) * 111_000).toBeLessThan(20);
      expect(Math.abs(data.longitude[i]! - original.longitude) * 111_000 * Math.cos((original.latitude * Math.PI) / 180)).toBeLessThan(20);
      expect(data.header.categories[data.category[i]!]).toBe(original.category);
      expect(data.flags[i]! & 3).toBe(original.precision === 'town' ? 1 : 0);
      expect(data.flags[i]! >> 2).toBe(original.ways);
      if (original.hours) expect(data.header.timeZones[data.header.hours[data.hours[i]! - 1]![0]]).toBe(original.timeZone);
      else expect(data.hours[i]).toBe(0);
    }
  });

  it('is about 3 bytes a shop once gzipped for shops clustered in towns, as a catalogue is', () => {
    // 20,000 shops around 200 towns, deterministic.
    let seed = 1;
    const random = () => ((seed = (seed * 16807) % 2147483647) / 2147483647);
    const towns = Array.from({ length: 200 }, () => [45 + random() * 4, -79 + random() * 15]);
    const input = Array.from({ length: 20_000 }, (_, i) => {
      const [lat, lng] = towns[i % towns.length]!;
      return { point: point(lat! + (random() - 0.5) * 0.05, lng! + (random() - 0.5) * 0.07, { category: `c${i % 16}` }), name: i };
    });
    const { bytes } = encodeMapData(input, 1000, (chunks) => chunks.map((_, i) => `n${i}`));
    const perShop = gzipSync(bytes, { level: 9 }).length / input.length;
    expect(perShop).toBeLessThan(4);
    expect(decodeMapData(bytes).header.count).toBe(20_000);
  });

  it('refuses a file that is not one, naming what is wrong', () => {
    expect(() => decodeMapData(new TextEncoder().encode('<!doctype html>'))).toThrow(/not a Vitrine map file/);
    const { bytes } = encodeMapData([{ point: point(46, -72), name: 0 }], 10, () => ['a']);
    expect(() => decodeMapData(new Uint8Array([...bytes, 0]))).toThrow(/1 bytes left over/);
  });

  it('keeps the grid inside Quebec’s margin', () => {
    expect(toCell(GRID.south, GRID.west)).toEqual([0, 0]);
    expect(fromCell(...toCell(45.5, -73.5))[0]).toBeCloseTo(45.5, 3);
  });
});
