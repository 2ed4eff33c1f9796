// Where the map's tiles come from: configuration, read at build. OpenStreetMap's own tiles serve
// development only (their usage policy forbids heavy use); production sets a provider, or tiles
// served from the site's own domain so shoppers' addresses reach no third party (README, "Map
// tiles"). PUBLIC_MAP_TILES_URL=none draws the built-in base alone.
export type MapSettings = { tiles: string | null; attribution: string; maxZoom: number };

export const DEFAULT_TILES = 'https://tile.openstreetmap.org/{z}/{x}/{y}.png';
const DEFAULT_ATTRIBUTION = '© <a href="https://www.openstreetmap.org/copyright">OpenStreetMap</a>';

export function mapSettings(env: Record<string, string | undefined> = process.env): MapSettings {
  const url = env.PUBLIC_MAP_TILES_URL?.trim() || DEFAULT_TILES;
  return {
    tiles: url === 'none' ? null : url,
    attribution: env.PUBLIC_MAP_TILES_ATTRIBUTION?.trim() || (url === DEFAULT_TILES ? DEFAULT_ATTRIBUTION : ''),
    maxZoom: Number(env.PUBLIC_MAP_TILES_MAX_ZOOM) || 19,
  };
}

/** The tiles' origin, which the pages' Content-Security-Policy lets images come from (none when self-hosted or off). */
export function tilesOrigin(env: Record<string, string | undefined> = process.env): string | null {
  const { tiles } = mapSettings(env);
  if (!tiles || tiles.startsWith('/')) return null;
  try {
    return new URL(tiles.replace(/\{[a-z]\}/g, '0')).origin;
  } catch {
    return null;
  }
}
