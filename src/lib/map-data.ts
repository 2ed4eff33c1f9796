// The map's data file: what /carte/ needs to draw its first clusters (positions, categories, what
// "open now" needs), designed for size. Pure, no I/O: the build encodes (scripts/publish/map-data.ts),
// the browser decodes (src/map/map-worker.ts).
//
// Layout: "VMAP", a u32 (little-endian) header length, the header (JSON), then four columns of
// `count` entries each, in the points' order:
//   1. positions: the Hilbert-curve index of each point on a 65,536 × 65,536 grid over Quebec (about
//      30 m a cell), sorted, written as LEB128 deltas: nearby points have nearby indexes, so most
//      deltas take one or two bytes and gzip finds the rest;
//   2. categories: one byte, an index into header.categories;
//   3. flags: one byte, bits 0–1 the precision (0 pin, 1 town), bits 2–7 the ways to buy (issue 12);
//   4. hours: LEB128, 0 for no hours, else 1 + an index into header.hours (shared by every shop
//      with the same hours in the same zone).
// The points' order is the Hilbert order; names and slugs come in chunks of header.chunkSize in
// that order, in separate files named in header.chunks.
import type { OpeningHours } from './opening-hours.ts';

/** The grid's extent: all of Quebec, with a margin. Fixed, so an index means the same in every file. */
export const GRID = { south: 44.9, north: 62.7, west: -79.9, east: -56.9, cells: 65536 } as const;

export const MAP_DATA_VERSION = 1;
const MAGIC = 'VMAP';

export type MapHeader = {
  version: number;
  count: number;
  categories: string[];
  timeZones: string[];
  /** [index into timeZones, hours] */
  hours: Array<[number, OpeningHours]>;
  chunkSize: number;
  /** The names files, in order, relative to the data file's folder. */
  chunks: string[];
  /**
   * The clusters of every shop at the zooms a map opens at, computed at build by the same
   * clustering the browser runs on the same points (so the ids are the same): the first clusters
   * are drawn without clustering 100,000 points on a phone. By zoom: [lng, lat, count, id], id a
   * cluster's id, or for a lone shop its index.
   */
  overview?: Record<string, Array<[lng: number, lat: number, count: number, id: number]>>;
};

export type MapPoint = {
  latitude: number;
  longitude: number;
  category: string;
  precision: 'pin' | 'town';
  ways: number;
  timeZone: string;
  hours: OpeningHours | null;
};

/** Decoded columns: index i is the i-th point in the file's order (the order of the names chunks). */
export type MapColumns = {
  header: MapHeader;
  latitude: Float64Array;
  longitude: Float64Array;
  category: Uint8Array;
  flags: Uint8Array;
  /** 0 for no hours, else 1 + index into header.hours. */
  hours: Uint32Array;
};

/** A place the "near" box offers: [name, latitude, longitude, kind, extra] (kind: 't' a town with its former names, 'p' a postal area with its shop count). */
export type MapPlace =
  | [name: string, latitude: number, longitude: number, kind: 't', aliases: string[]]
  | [fsa: string, latitude: number, longitude: number, kind: 'p', shops: number];

/** The built-in base the map draws when tiles cannot load. */
export type MapBase = {
  /** Land around Quebec (Canada and the United States, world-atlas 1:50m), rings of [lng, lat]. */
  land: Array<Array<[number, number]>>;
  /** Quebec's outline (supabase/data/quebec-boundary.json, one point in three). */
  quebec: Array<Array<[number, number]>>;
  /** Each region's name at the centre of its municipalities' reference points. */
  regions: Array<{ fr: string; en: string; lat: number; lng: number }>;
};

/** A name chunk's entry: [name, slug, town]. */
export type MapName = [name: string, slug: string, town: string];

// ---------------------------------------------------------------------------------------------
// Grid and curve

export function toCell(latitude: number, longitude: number): [x: number, y: number] {
  const scale = (v: number, lo: number, hi: number) => Math.min(GRID.cells - 1, Math.max(0, Math.round(((v - lo) / (hi - lo)) * (GRID.cells - 1))));
  return [scale(longitude, GRID.west, GRID.east), scale(latitude, GRID.south, GRID.north)];
}

const LAT_STEP = (GRID.north - GRID.south) / (GRID.cells - 1);
const LNG_STEP = (GRID.east - GRID.west) / (GRID.cells - 1);

/** A cell's point: the same arithmetic as decodeMapData, so the build and the browser get the same numbers. */
export function fromCell(x: number, y: number): [latitude: number, longitude: number] {
  return [GRID.south + y * LAT_STEP, GRID.west + x * LNG_STEP];
}

/** The Hilbert index of cell (x, y) on the grid (0 … 2^32 − 1). Plain arithmetic: the index passes 2^31. */
export function hilbertIndex(x: number, y: number): number {
  let d = 0;
  for (let s = GRID.cells / 2; s >= 1; s /= 2) {
    const rx = (x & s) > 0 ? 1 : 0;
    const ry = (y & s) > 0 ? 1 : 0;
    d += s * s * ((3 * rx) ^ ry);
    [x, y] = rotate(GRID.cells, x, y, rx, ry);
  }
  return d;
}

/** The cell of a Hilbert index; into `out` when given (the decoder's 100,000 points allocate nothing). */
export function hilbertCell(d: number, out: [x: number, y: number] = [0, 0]): [x: number, y: number] {
  let x = 0;
  let y = 0;
  let t = d;
  for (let s = 1; s < GRID.cells; s *= 2) {
    const rx = 1 & Math.floor(t / 2);
    const ry = 1 & ((t % 4) ^ rx);
    if (ry === 0) {
      if (rx === 1) {
        x = s - 1 - x;
        y = s - 1 - y;
      }
      const swap = x;
      x = y;
      y = swap;
    }
    x += s * rx;
    y += s * ry;
    t = Math.floor(t / 4);
  }
  out[0] = x;
  out[1] = y;
  return out;
}

function rotate(n: number, x: number, y: number, rx: number, ry: number): [number, number] {
  if (ry === 0) {
    if (rx === 1) {
      x = n - 1 - x;
      y = n - 1 - y;
    }
    return [y, x];
  }
  return [x, y];
}

// ---------------------------------------------------------------------------------------------
// Encoding

class Bytes {
  #buffer = new Uint8Array(1024);
  length = 0;
  push(byte: number) {
    if (this.length === this.#buffer.length) {
      const bigger = new Uint8Array(this.#buffer.length * 2);
      bigger.set(this.#buffer);
      this.#buffer = bigger;
    }
    this.#buffer[this.length++] = byte;
  }
  /** LEB128: seven bits a byte, low first; numbers up to 2^53. */
  varint(value: number) {
    while (value >= 128) {
      this.push((value % 128) | 128);
      value = Math.floor(value / 128);
    }
    this.push(value);
  }
  bytes(): Uint8Array {
    return this.#buffer.subarray(0, this.length);
  }
}

export type EncodeInput<T> = { point: MapPoint; name: T };

/**
 * Encodes points into the data file and says which name goes with which index: the caller writes
 * the names chunks in the returned order and gives their file names in `chunkNames` (called once
 * the chunks are known, since their names hash their content).
 * encodeMapData([{ point, name }], 2000, (chunks) => chunks.map((c, i) => `noms-${i}.json`))
 */
export function encodeMapData<T>(
  input: ReadonlyArray<EncodeInput<T>>,
  chunkSize: number,
  chunkNames: (chunks: T[][]) => string[],
  overview?: (points: { latitude: Float64Array; longitude: Float64Array }) => MapHeader['overview'],
): { bytes: Uint8Array; names: T[][] } {
  const entries = input.map((entry) => {
    const [x, y] = toCell(entry.point.latitude, entry.point.longitude);
    return { ...entry, d: hilbertIndex(x, y) };
  });
  // Ties (one point for a whole town's listings) keep a stable order: by name.
  entries.sort((a, b) => a.d - b.d || String(a.name) .localeCompare(String(b.name)));

  const categories = [...new Set(entries.map((e) => e.point.category))].sort();
  const timeZones = [...new Set(entries.map((e) => e.point.timeZone))].sort();
  const hoursIndex = new Map<string, number>();
  const hours: MapHeader['hours'] = [];
  const positions = new Bytes();
  const categoryColumn = new Uint8Array(entries.length);
  const flagColumn = new Uint8Array(entries.length);
  const hoursColumn = new Bytes();
  let previous = 0;
  entries.forEach((e, i) => {
    positions.varint(e.d - previous);
    previous = e.d;
    categoryColumn[i] = categories.indexOf(e.point.category);
    flagColumn[i] = (e.point.precision === 'town' ? 1 : 0) | ((e.point.ways & 0x3f) << 2);
    if (!e.point.hours) hoursColumn.varint(0);
    else {
      const zone = timeZones.indexOf(e.point.timeZone);
      const key = `${zone}|${JSON.stringify(e.point.hours)}`;
      let index = hoursIndex.get(key);
      if (index === undefined) {
        index = hours.length;
        hoursIndex.set(key, index);
        hours.push([zone, e.point.hours]);
      }
      hoursColumn.varint(index + 1);
    }
  });
  const names: T[][] = [];
  for (let i = 0; i < entries.length; i += chunkSize) names.push(entries.slice(i, i + chunkSize).map((e) => e.name));
  const header: MapHeader = { version: MAP_DATA_VERSION, count: entries.length, categories, timeZones, hours, chunkSize, chunks: chunkNames(names) };
  if (overview) {
    // The points as the browser will decode them.
    const latitude = new Float64Array(entries.length);
    const longitude = new Float64Array(entries.length);
    entries.forEach((e, i) => ([latitude[i], longitude[i]] = fromCell(...hilbertCell(e.d))));
    header.overview = overview({ latitude, longitude });
  }
  const headerBytes = new TextEncoder().encode(JSON.stringify(header));
  const pos = positions.bytes();
  const hrs = hoursColumn.bytes();
  const out = new Uint8Array(8 + headerBytes.length + pos.length + categoryColumn.length + flagColumn.length + hrs.length);
  out.set(new TextEncoder().encode(MAGIC), 0);
  new DataView(out.buffer).setUint32(4, headerBytes.length, true);
  let at = 8;
  for (const part of [headerBytes, pos, categoryColumn, flagColumn, hrs]) {
    out.set(part, at);
    at += part.length;
  }
  return { bytes: out, names };
}

// ---------------------------------------------------------------------------------------------
// Decoding

/** Decodes a data file (not gzipped). Throws on anything else, naming what is wrong. */
export function decodeMapData(bytes: Uint8Array): MapColumns {
  if (new TextDecoder().decode(bytes.subarray(0, 4)) !== MAGIC) throw new Error('map data: not a Vitrine map file');
  const headerLength = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength).getUint32(4, true);
  const header = JSON.parse(new TextDecoder().decode(bytes.subarray(8, 8 + headerLength))) as MapHeader;
  if (header.version !== MAP_DATA_VERSION) throw new Error(`map data: version ${header.version}, expected ${MAP_DATA_VERSION}`);
  const n = header.count;
  let at = 8 + headerLength;
  const latitude = new Float64Array(n);
  const longitude = new Float64Array(n);
  let d = 0;
  const varint = () => {
    let value = 0;
    let factor = 1;
    for (;;) {
      const byte = bytes[at++]!;
      value += (byte & 127) * factor;
      if (byte < 128) return value;
      factor *= 128;
    }
  };
  const cell: [number, number] = [0, 0];
  for (let i = 0; i < n; i++) {
    d += varint();
    hilbertCell(d, cell);
    latitude[i] = GRID.south + cell[1] * LAT_STEP;
    longitude[i] = GRID.west + cell[0] * LNG_STEP;
  }
  const category = bytes.slice(at, at + n);
  at += n;
  const flags = bytes.slice(at, at + n);
  at += n;
  const hours = new Uint32Array(n);
  for (let i = 0; i < n; i++) hours[i] = varint();
  if (at !== bytes.length) throw new Error(`map data: ${bytes.length - at} bytes left over`);
  return { header, latitude, longitude, category, flags, hours };
}

/** Whether bytes are gzip (a CDN may or may not have undone the file's compression). */
export const isGzip = (bytes: Uint8Array) => bytes[0] === 0x1f && bytes[1] === 0x8b;

/** The data file's bytes as fetched, ungzipped: stored gzipped, it may come already undone by a server's Content-Encoding. */
export async function fetchMapData(url: string | URL): Promise<MapColumns> {
  const response = await fetch(url);
  if (!response.ok) throw new Error(`${url}: ${response.status}`);
  let bytes = new Uint8Array(await response.arrayBuffer());
  if (isGzip(bytes)) bytes = new Uint8Array(await new Response(new Blob([bytes]).stream().pipeThrough(new DecompressionStream('gzip'))).arrayBuffer());
  return decodeMapData(bytes);
}
