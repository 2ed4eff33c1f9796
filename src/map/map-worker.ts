// The map's worker: loads the data file, clusters with supercluster, orders the list with a
// spatial index (kdbush/geokdbush), computes "open now" and fetches names, off the page's thread so
// panning stays smooth on a phone. The page talks to it with the messages of map-protocol.ts.
import KDBush from 'kdbush';
import { around, distance } from 'geokdbush';
import { CLUSTER_OPTIONS, clusterIndex as buildClusters, type ClusterIndex } from '../lib/map-clusters.ts';
import { decodeMapData, isGzip, type MapColumns, type MapName } from '../lib/map-data.ts';
import { isOpenAt } from '../lib/open-now.ts';
import type { Filter, ListEntry, MapRequest, MapResponse, Marker } from './map-protocol.ts';

/**
 * Full indexes kept for filters: every shop, each category (built ahead, so a category filter only
 * draws), and a few "open now"; building one for 100,000 points takes a while on a phone.
 */
const KEEP_INDEXES = 24;

type Index = { id: number; index: ClusterIndex; size: number; full: boolean };
/** The id the overview's clusters answer with: the full index of every shop, whose ids they are. */
const OVERVIEW_INDEX = 0;

let data: MapColumns;
let base = '';
let spatialIndex: KDBush | undefined;
let nextIndex = 1;
/** Full indexes (every zoom) by filter, the most recently used last. */
const indexes = new Map<string, Index>();
/** Every index whose clusters the page may still show, by id: a cluster id means something in its own index only. */
const byId = new Map<number, Index>();
/** Full indexes to build once the current answer is sent. */
const pending = new Map<string, Filter>();
const chunks = new Map<number, Promise<MapName[]>>();

/** CPU time of the current request's own work (not its waits on the network), reported with its answer. */
let cpuMs = 0;
const post = (message: MapResponse) => (self as unknown as Worker).postMessage({ ...message, cpuMs });
/** Runs `work`, counting its time as the request's CPU time. */
function timed<T>(work: () => T): T {
  const started = performance.now();
  try {
    return work();
  } finally {
    cpuMs += performance.now() - started;
  }
}

self.onmessage = async (event: MessageEvent<MapRequest>) => {
  const request = event.data;
  cpuMs = 0;
  try {
    switch (request.type) {
      case 'load':
        await load(request.url);
        post({ type: 'loaded', id: request.id, count: data.header.count, categories: data.header.categories });
        break;
      case 'clusters': {
        const fromOverview = overviewFor(request.filter, request.zoom, request.bbox);
        if (fromOverview) {
          post({ type: 'clusters', id: request.id, markers: fromOverview, matching: data.header.count, index: OVERVIEW_INDEX });
          setTimeout(buildPending);
          break;
        }
        const { id: index, index: clusters, size } = timed(() => indexFor(request.filter, request.zoom));
        const features = timed(() => clusters.getClusters(request.bbox, request.zoom));
        const markers: Marker[] = [];
        const stacks = new Map<string, number[]>();
        for (const f of features) {
          const [lng, lat] = f.geometry.coordinates as [number, number];
          const p = f.properties as { cluster?: boolean; cluster_id?: number; point_count?: number; i?: number };
          if (p.cluster) markers.push({ kind: 'cluster', id: p.cluster_id!, count: p.point_count!, lat, lng });
          else stacks.set(`${lat},${lng}`, [...(stacks.get(`${lat},${lng}`) ?? []), p.i!]);
        }
        for (const ids of stacks.values()) {
          const [i] = ids as [number];
          const at = { lat: data.latitude[i]!, lng: data.longitude[i]!, approximate: (data.flags[i]! & 3) === 1 };
          markers.push(ids.length > 1
            ? { kind: 'stack', ids, count: ids.length, ...at }
            : { kind: 'point', id: i, count: 1, ...at, category: data.header.categories[data.category[i]!]! });
        }
        post({ type: 'clusters', id: request.id, markers, matching: size, index });
        setTimeout(buildPending);
        break;
      }
      case 'leaves': {
        const ids = clusterIndex(request.index).getLeaves(request.cluster, Infinity).map((f) => f.properties.i);
        post({ type: 'leaves', id: request.id, entries: await entries(ids, request.from) });
        break;
      }
      case 'expand':
        post({ type: 'expand', id: request.id, zoom: clusterIndex(request.index).getClusterExpansionZoom(request.cluster) });
        break;
      case 'entries':
        post({ type: 'entries', id: request.id, entries: await entries(request.ids, request.from) });
        break;
      case 'nearest': {
        const [west, south, east, north] = request.bbox;
        const { lat, lng } = request.from;
        const matches = matcher(request.filter);
        const inView = (i: number) => data.latitude[i]! >= south && data.latitude[i]! <= north && data.longitude[i]! >= west && data.longitude[i]! <= east;
        // No farther than the view's farthest corner: beyond it nothing is in view.
        const reach = Math.max(...[[west, south], [west, north], [east, south], [east, north]].map(([x, y]) => distance(lng, lat, x!, y!))) + 1;
        const ids = timed(() => around(spatial(), lng, lat, request.limit, reach, (i) => inView(i) && matches(i)));
        post({ type: 'nearest', id: request.id, entries: await entries(ids, request.from) });
        break;
      }
    }
  } catch (error) {
    post({ type: 'error', id: request.id, message: String((error as Error)?.message ?? error) });
  }
};

async function load(url: string) {
  const response = await fetch(url);
  if (!response.ok) throw new Error(`${url}: ${response.status}`);
  let bytes = new Uint8Array(await response.arrayBuffer());
  // Stored gzipped; a server that sent it with Content-Encoding: gzip has already undone that.
  const started = performance.now();
  if (isGzip(bytes)) bytes = new Uint8Array(await new Response(new Blob([bytes]).stream().pipeThrough(new DecompressionStream('gzip'))).arrayBuffer());
  cpuMs += performance.now() - started;
  timed(() => (data = decodeMapData(bytes)));
  base = new URL('.', new URL(url, self.location.href)).href;
}

/** The list's spatial index, built when the list first needs it: after the first clusters. */
function spatial(): KDBush {
  if (!spatialIndex) {
    spatialIndex = new KDBush(data.header.count);
    for (let i = 0; i < data.header.count; i++) spatialIndex.add(data.longitude[i]!, data.latitude[i]!);
    spatialIndex.finish();
  }
  return spatialIndex;
}

/** Which points a filter keeps. "Open now" is computed once per distinct hours, not per point. */
function matcher(filter: Filter): (i: number) => boolean {
  const category = filter.category ? data.header.categories.indexOf(filter.category) : -1;
  if (filter.category && category < 0) return () => false;
  let open: Uint8Array | null = null;
  if (filter.openAt !== undefined) {
    const now = new Date(filter.openAt);
    open = new Uint8Array(data.header.hours.length + 1);
    data.header.hours.forEach(([zone, hours], h) => (open![h + 1] = isOpenAt(hours, data.header.timeZones[zone]!, now) ? 1 : 0));
  }
  // The flags' bits 2–7 are the ways to buy.
  const way = filter.way === undefined ? 0 : 1 << (filter.way + 2);
  return (i) => (category < 0 || data.category[i] === category) && (!way || (data.flags[i]! & way) !== 0)
    && (!open || open[data.hours[i]!] === 1);
}

/**
 * The cluster index to draw a filter at a zoom. The full index (every zoom) when it is built; else,
 * at once, one that clusters this zoom only (a tenth of the work, so the first clusters come
 * quickly), with the full one built right after the answer is sent.
 */
function indexFor(filter: Filter, zoom: number): Index {
  const key = filterKey(filter);
  const full = indexes.get(key);
  if (full) {
    indexes.delete(key); // refreshed as the most recent
    indexes.set(key, full);
    return full;
  }
  // What the shopper just asked for is built before what is built ahead.
  const ahead = [...pending].filter(([k]) => k !== key);
  pending.clear();
  pending.set(key, filter);
  for (const [k, f] of ahead) pending.set(k, f);
  const z = Math.min(Math.max(Math.floor(zoom), 0), CLUSTER_OPTIONS.maxZoom);
  return build(filter, { minZoom: z, maxZoom: z });
}

function filterKey(filter: Filter): string {
  return JSON.stringify([filter.category ?? '', filter.way ?? '', filter.openAt ?? '']);
}

function build(filter: Filter, zooms?: { minZoom: number; maxZoom: number }): Index {
  const { index, size } = buildClusters(data.latitude, data.longitude, matcher(filter), zooms);
  const entry: Index = { id: nextIndex++, index, size, full: !zooms };
  byId.set(entry.id, entry);
  // The page asks about clusters it shows: the last few indexes are enough.
  for (const id of byId.keys()) if (byId.size > KEEP_INDEXES * 3) byId.delete(id);
  return entry;
}

/** Builds the full indexes the last answers drew without; one at a time, between requests. */
function buildPending() {
  const [key, filter] = pending.entries().next().value ?? [];
  if (!key || !filter) return;
  pending.delete(key);
  if (!indexes.has(key)) {
    indexes.set(key, build(filter));
    if (indexes.size > KEEP_INDEXES) indexes.delete(indexes.keys().next().value!);
  }
  // Once every shop's index is there, each category's, one at a time between requests.
  if (key === filterKey({})) {
    for (const category of data.header.categories) if (!indexes.has(filterKey({ category }))) pending.set(filterKey({ category }), { category });
  }
  if (pending.size) setTimeout(buildPending);
}

/**
 * Every shop's clusters in a view from the build's overview, while the full index of every shop is
 * not built yet; then that index is built next. Null when the overview cannot answer.
 */
function overviewFor(filter: Filter, zoom: number, [west, south, east, north]: [number, number, number, number]): Marker[] | null {
  const overview = data.header.overview?.[String(zoom)];
  const key = filterKey({});
  if (!overview || filter.category || filter.way !== undefined || filter.openAt !== undefined || indexes.has(key)) return null;
  pending.set(key, {});
  const markers: Marker[] = [];
  for (const [lng, lat, count, id] of overview) {
    if (lng < west || lng > east || lat < south || lat > north) continue;
    markers.push(count > 1
      ? { kind: 'cluster', id, count, lat, lng }
      : { kind: 'point', id, count: 1, lat, lng, approximate: (data.flags[id]! & 3) === 1, category: data.header.categories[data.category[id]!]! });
  }
  return markers;
}

/** The index a cluster id came from (the page sends it back with the id). */
function clusterIndex(id: number): ClusterIndex {
  if (id === OVERVIEW_INDEX) {
    // The overview's ids are the full index's: built now if a cluster is pressed before it is.
    const key = filterKey({});
    if (!indexes.has(key)) indexes.set(key, build({}));
    pending.delete(key);
    return indexes.get(key)!.index;
  }
  const entry = byId.get(id);
  if (!entry) throw new Error(`cluster index ${id} is gone`);
  return entry.index;
}

/** Names, slugs and towns of points, with their distance from a place when one is given. */
async function entries(ids: number[], from?: { lat: number; lng: number }): Promise<ListEntry[]> {
  const size = data.header.chunkSize;
  const names = await Promise.all(ids.map(async (i) => (await chunk(Math.floor(i / size)))[i % size]!));
  return ids.map((i, n) => ({
    id: i, name: names[n]![0], slug: names[n]![1], town: names[n]![2],
    category: data.header.categories[data.category[i]!]!, approximate: (data.flags[i]! & 3) === 1,
    lat: data.latitude[i]!, lng: data.longitude[i]!,
    km: from ? distance(from.lng, from.lat, data.longitude[i]!, data.latitude[i]!) : undefined,
  }));
}

function chunk(n: number): Promise<MapName[]> {
  let loading = chunks.get(n);
  if (!loading) {
    loading = fetch(new URL(data.header.chunks[n]!, base)).then((r) => {
      if (!r.ok) throw new Error(`names ${n}: ${r.status}`);
      return r.json() as Promise<MapName[]>;
    });
    loading.catch(() => chunks.delete(n)); // a failed chunk is fetched again next time
    chunks.set(n, loading);
  }
  return loading;
}
