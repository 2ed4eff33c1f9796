// The map files' current names, as the build wrote them (scripts/publish/map-data.ts) into the
// content folder for the pages that name them: read by the map page, which changes with the data.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { contentDir } from './content-dir.ts';

/** The manifest's name in the content folder (the site serves the same at /carte/manifeste.json). */
export const MAP_MANIFEST_CONTENT = 'map-manifest.json';

export type MapManifest = {
  /** Site-relative paths. */
  points: string;
  places: string;
  base: string;
  /** Listings on the map, and those without a point (delivery only), which only the list pages show. */
  count: number;
  withoutPoint: number;
};

/** The manifest, or null when the content folder has none (a build that wrote no map data). */
export function readMapManifest(): MapManifest | null {
  const file = join(contentDir(), MAP_MANIFEST_CONTENT);
  return existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as MapManifest) : null;
}
