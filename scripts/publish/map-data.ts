// Writes the map's files from the export, before Astro builds the pages that name them:
//   carte/donnees/points-<hash>.bin   what the map draws first (src/lib/map-data.ts), gzipped here so it is
//                             as small on every CDN (the browser undoes it);
//   carte/donnees/noms-<n>-<hash>.json  names, slugs and towns, in chunks in the points' order;
//   carte/donnees/lieux-<hash>.json   the "near me" box's places: every municipality (reference point,
//                             aliases) and each postal area (FSA) at the mean of its shops' pins;
//   carte/manifeste.json      the current names of those files, for pages that must not change when
//                             the data does (merchant pages' "nearby" list): served revalidated.
// Content-hashed names under carte/donnees/ (IMMUTABLE_ASSETS): a CDN caches them forever, and a new
// build never serves an old mix.
import { waysBits } from '../../src/lib/ways-to-buy.ts';
import { createHash } from 'node:crypto';
import { createRequire } from 'node:module';
import simplify from 'simplify-js';
import { feature } from 'topojson-client';
import type { Topology, GeometryCollection } from 'topojson-specification';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { CONTENT_FILES } from '../../src/lib/catalogue-files.ts';
import type { CatalogueMerchant, Reference } from '../../src/lib/catalogue-schema.ts';
import { encodeMapData, type MapBase, type MapName, type MapPlace } from '../../src/lib/map-data.ts';
import { overviewOf } from '../../src/lib/map-clusters.ts';
import type { MapManifest } from '../../src/lib/map-manifest.ts';
import { hasHours } from '../../src/lib/opening-hours.ts';

/** The folder of the map's content-hashed files in the site, and the manifest's path. */
export const MAP_FOLDER = 'carte/donnees';
export const MAP_MANIFEST = 'carte/manifeste.json';

/** Names per chunk: about 60 KB of JSON (15 KB gzipped) each, a popup or the list loads one or two. */
export const NAMES_CHUNK = 1000;


type MapMerchant = Pick<CatalogueMerchant, 'name' | 'slug' | 'city' | 'categorySlug' | 'latitude' | 'longitude' | 'locationPrecision' | 'postalCode' | 'timeZone' | 'openingHours'> & Partial<Pick<CatalogueMerchant, 'waysToBuy'>>;

/** Writes the files into `<siteDir>/carte/` and returns the manifest (also written there). */
export function writeMapData(contentDir: string, siteDir: string): MapManifest {
  // Read without the schema's checks, as the sitemap does: the pages' build checks every merchant.
  const merchants = JSON.parse(readFileSync(join(contentDir, CONTENT_FILES.merchants), 'utf8')) as MapMerchant[];
  const reference = JSON.parse(readFileSync(join(contentDir, CONTENT_FILES.reference), 'utf8')) as Reference;
  const folder = join(siteDir, MAP_FOLDER);
  mkdirSync(folder, { recursive: true });
  const write = (stem: string, extension: string, data: Uint8Array | string) => {
    const name = `${stem}-${createHash('sha256').update(data).digest('hex').slice(0, 12)}.${extension}`;
    writeFileSync(join(folder, name), data);
    return name;
  };

  const placed = merchants.filter((m) => m.latitude !== null && m.longitude !== null && m.locationPrecision !== 'none');
  const { bytes } = encodeMapData(
    placed.map((m) => ({
      point: {
        latitude: m.latitude!, longitude: m.longitude!, category: m.categorySlug, precision: m.locationPrecision === 'pin' ? 'pin' : 'town',
        ways: waysBits(m.waysToBuy), timeZone: m.timeZone ?? 'America/Toronto', hours: m.openingHours && hasHours(m.openingHours) ? m.openingHours : null,
      },
      name: [m.name, m.slug, m.city] as MapName,
    })),
    NAMES_CHUNK,
    (chunks) => chunks.map((chunk, i) => write(`noms-${i}`, 'json', JSON.stringify(chunk))),
    overviewOf,
  );
  const points = write('points', 'bin', gzipSync(bytes, { level: 9 }));
  const places = write('lieux', 'json', JSON.stringify(mapPlaces(reference, placed)));
  const base = write('fond', 'json', JSON.stringify(mapBase(reference)));
  const manifest: MapManifest = {
    points: `/${MAP_FOLDER}/${points}`, places: `/${MAP_FOLDER}/${places}`, base: `/${MAP_FOLDER}/${base}`,
    count: placed.length, withoutPoint: merchants.length - placed.length,
  };
  writeFileSync(join(siteDir, MAP_MANIFEST), JSON.stringify(manifest));
  return manifest;
}

/**
 * Every municipality at its reference point (with its former names), and each postal area (FSA,
 * the first three characters) at the mean of its shops' own pins: a position from data the project
 * has, never invented; an area with no pinned shop is not offered.
 */
export function mapPlaces(reference: Pick<Reference, 'municipalities'>, merchants: ReadonlyArray<Pick<MapMerchant, 'postalCode' | 'latitude' | 'longitude' | 'locationPrecision'>>): MapPlace[] {
  const towns: MapPlace[] = reference.municipalities
    .filter((m) => m.latitude !== undefined && m.longitude !== undefined)
    .map((m) => [m.choice, round(m.latitude!), round(m.longitude!), 't', m.aliases]);
  const areas = new Map<string, { lat: number; lng: number; n: number }>();
  for (const m of merchants) {
    if (m.locationPrecision !== 'pin' || m.latitude === null || m.longitude === null) continue;
    const fsa = m.postalCode.slice(0, 3);
    const area = areas.get(fsa) ?? { lat: 0, lng: 0, n: 0 };
    area.lat += m.latitude;
    area.lng += m.longitude;
    area.n += 1;
    areas.set(fsa, area);
  }
  const fsas: MapPlace[] = [...areas].sort(([a], [b]) => a.localeCompare(b)).map(([fsa, a]) => [fsa, round(a.lat / a.n), round(a.lng / a.n), 'p', a.n]);
  return [...towns, ...fsas];
}

const round = (v: number) => Math.round(v * 1e4) / 1e4;

const clamp = (v: number, lo: number, hi: number) => Math.min(hi, Math.max(lo, v));

/**
 * A ring simplified to about 1/`per` degree (Douglas–Peucker) and rounded to it, without repeated
 * points: a base to see where one is, light to load.
 */
function coarse(ring: Array<[number, number]>, per: number): Array<[number, number]> {
  const out: Array<[number, number]> = [];
  for (const { x, y } of simplify(ring.map(([x, y]) => ({ x, y })), 1 / per, true)) {
    const point: [number, number] = [Math.round(x * per) / per, Math.round(y * per) / per];
    const last = out[out.length - 1];
    if (!last || last[0] !== point[0] || last[1] !== point[1]) out.push(point);
  }
  return out;
}

/** The area the built-in base draws: Quebec and what borders it. */
const BASE_AREA = { west: -84, south: 41, east: -50, north: 64 };

/**
 * The light base the map draws when tiles cannot load (offline, blocked, none configured): land
 * and borders from a maintained package (world-atlas: Natural Earth), Quebec's outline, and region
 * names at centroids computed from the municipality reference.
 */
export function mapBase(reference: Pick<Reference, 'municipalities' | 'regions'>): MapBase {
  const require = createRequire(import.meta.url);
  const world = require('world-atlas/countries-50m.json') as Topology<{ countries: GeometryCollection }>;
  const countries = feature(world, world.objects.countries) as unknown as { features: Array<{ id: string; geometry: { type: string; coordinates: unknown } }> };
  const inArea = (ring: Array<[number, number]>) => ring.some(([x, y]) => x >= BASE_AREA.west && x <= BASE_AREA.east && y >= BASE_AREA.south && y <= BASE_AREA.north);
  const rings = (geometry: { type: string; coordinates: unknown }) =>
    (geometry.type === 'Polygon' ? [geometry.coordinates] : geometry.coordinates) as Array<Array<Array<[number, number]>>>;
  const land = countries.features
    .filter((f) => f.id === '124' || f.id === '840')
    .flatMap((f) => rings(f.geometry).map((polygon) => polygon[0]!))
    .filter(inArea)
    // Pressed onto the area's edges: what lies beyond is never shown, and Alaska weighs nothing then.
    .map((ring) => coarse(ring.map(([x, y]) => [clamp(x, BASE_AREA.west, BASE_AREA.east), clamp(y, BASE_AREA.south, BASE_AREA.north)]), 100));
  const outline = JSON.parse(readFileSync(new URL('../../supabase/data/quebec-boundary.json', import.meta.url), 'utf8')) as { geometry: { coordinates: Array<Array<Array<[number, number]>>> } };
  const quebec = outline.geometry.coordinates.map((polygon) => coarse(polygon[0]!, 100));
  const sums = new Map<string, { lat: number; lng: number; n: number }>();
  for (const m of reference.municipalities) {
    if (m.regionCode === undefined || m.latitude === undefined || m.longitude === undefined) continue;
    const sum = sums.get(m.regionCode) ?? { lat: 0, lng: 0, n: 0 };
    sums.set(m.regionCode, { lat: sum.lat + m.latitude, lng: sum.lng + m.longitude, n: sum.n + 1 });
  }
  const regions = reference.regions.flatMap((r) => {
    const sum = sums.get(r.code);
    return sum ? [{ fr: r.nameFr, en: r.nameEn, lat: round(sum.lat / sum.n), lng: round(sum.lng / sum.n) }] : [];
  });
  return { land, quebec, regions };
}
