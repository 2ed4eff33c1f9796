// The map's clustering, one definition for the build (the overview in the data file) and the
// browser's worker: the same options on the same points in the same order give the same clusters
// and the same cluster ids, so an overview cluster can be expanded by the worker's own index.
import Supercluster, { type PointFeature } from 'supercluster';
import type { MapHeader } from './map-data.ts';

/** An 80-pixel radius (bubbles up to 52 px do not cover each other); shops are shown alone from zoom 17 (shops sharing a point stay together). */
export const CLUSTER_OPTIONS = { radius: 80, maxZoom: 16, minPoints: 2 } as const;

/** The zooms a map of Quebec opens at, on a phone and on a desktop: their clusters are computed at build. */
export const OVERVIEW_ZOOMS = [4, 5, 6, 7] as const;

export type ClusterIndex = Supercluster<{ i: number }>;

/** A cluster index over the points `keep` keeps (every point by default), for every zoom or only `zooms`. */
export function clusterIndex(
  latitude: Float64Array, longitude: Float64Array, keep: (i: number) => boolean = () => true, zooms?: { minZoom: number; maxZoom: number },
): { index: ClusterIndex; size: number } {
  const points: Array<PointFeature<{ i: number }>> = [];
  for (let i = 0; i < latitude.length; i++) {
    if (keep(i)) points.push({ type: 'Feature', properties: { i }, geometry: { type: 'Point', coordinates: [longitude[i]!, latitude[i]!] } });
  }
  return { index: new Supercluster<{ i: number }>({ ...CLUSTER_OPTIONS, ...zooms }).load(points), size: points.length };
}

/** Every shop's clusters at OVERVIEW_ZOOMS: [lng, lat, count, cluster id or, for a lone shop, its index]. */
export function overviewOf(points: { latitude: Float64Array; longitude: Float64Array }): NonNullable<MapHeader['overview']> {
  const { index } = clusterIndex(points.latitude, points.longitude);
  const round = (v: number) => Math.round(v * 1e5) / 1e5;
  return Object.fromEntries(OVERVIEW_ZOOMS.map((zoom) => [zoom, index.getClusters([-180, -85, 180, 85], zoom).map((f) => {
    const [lng, lat] = f.geometry.coordinates as [number, number];
    const p = f.properties as { cluster?: boolean; cluster_id?: number; point_count?: number; i?: number };
    return [round(lng), round(lat), p.cluster ? p.point_count! : 1, p.cluster ? p.cluster_id! : p.i!] as [number, number, number, number];
  })]));
}
