// The map's worker: loads the data file, clusters with supercluster, orders the list with a
// spatial index (kdbush/geokdbush), computes "open now" and fetches names, off the page's thread so
// panning stays smooth on a phone. The page talks to it with the messages of map-protocol.ts.
import KDBush from 'kdbush';
import { around, distance } from 'geokdbush';
import Supercluster, { type PointFeature } from 'supercluster';
import { decodeMapData, isGzip, type MapColumns, type MapName } from '../lib/map-data.ts';
import { isOpenAt } from '../lib/open-now.ts';
import type { Filter, ListEntry, MapRequest, MapResponse, Marker } from './map-protocol.ts';

/** Clusters: a 60-pixel radius, points shown alone from zoom 17 (shops sharing a point stay a cluster). */
const CLUSTER_OPTIONS = { radius: 60, maxZoom: 16, minPoints: 2 } as const;
/** Indexes kept for filters (all, a category, open now…); building one for 100,000 points takes a while. */
const KEEP_INDEXES = 6;

let data: MapColumns;
let base = '';
let spatial: KDBush;
const indexes = new Map<string, { index: Supercluster<{ i: number }>; size: number }>();
const chunks = new Map<number, Promise<MapName[]>>();

const post = (message: MapResponse) => (self as unknown as Worker).postMessage(message);

self.onmessage = async (event: MessageEvent<MapRequest>) => {
  const request = event.data;
  try {
    switch (request.type) {
      case 'load':
        await load(request.url);
        post({ type: 'loaded', id: request.id, count: data.header.count, categories: data.header.categories });
        break;
      case 'clusters': {
        const { index, size } = indexFor(request.filter);
        const features = index.getClusters(request.bbox, request.zoom);
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
        post({ type: 'clusters', id: request.id, markers, matching: size });
        break;
      }
      case 'leaves': {
        const { index } = indexFor(request.filter);
        const ids = index.getLeaves(request.cluster, Infinity).map((f) => f.properties.i);
        post({ type: 'leaves', id: request.id, entries: await entries(ids, request.from) });
        break;
      }
      case 'expand': {
        const { index } = indexFor(request.filter);
        post({ type: 'expand', id: request.id, zoom: index.getClusterExpansionZoom(request.cluster) });
        break;
      }
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
        const ids = around(spatial, lng, lat, request.limit, reach, (i) => inView(i) && matches(i));
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
  if (isGzip(bytes)) bytes = new Uint8Array(await new Response(new Blob([bytes]).stream().pipeThrough(new DecompressionStream('gzip'))).arrayBuffer());
  data = decodeMapData(bytes);
  base = new URL('.', new URL(url, self.location.href)).href;
  spatial = new KDBush(data.header.count);
  for (let i = 0; i < data.header.count; i++) spatial.add(data.longitude[i]!, data.latitude[i]!);
  spatial.finish();
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
  return (i) => (category < 0 || data.category[i] === category) && (!open || open[data.hours[i]!] === 1);
}

/** The cluster index of a filter, built on first use and kept among the last few. */
function indexFor(filter: Filter) {
  const key = JSON.stringify([filter.category ?? '', filter.openAt ?? '']);
  let entry = indexes.get(key);
  if (!entry) {
    const matches = matcher(filter);
    const points: Array<PointFeature<{ i: number }>> = [];
    for (let i = 0; i < data.header.count; i++) {
      if (matches(i)) points.push({ type: 'Feature', properties: { i }, geometry: { type: 'Point', coordinates: [data.longitude[i]!, data.latitude[i]!] } });
    }
    entry = { index: new Supercluster<{ i: number }>(CLUSTER_OPTIONS).load(points), size: points.length };
    if (indexes.size >= KEEP_INDEXES) indexes.delete(indexes.keys().next().value!);
  } else indexes.delete(key); // refreshed as the most recent
  indexes.set(key, entry);
  return entry;
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
