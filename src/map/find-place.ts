// Finding what a shopper or a merchant typed among the map's places (scripts/publish/map-data.ts).
import type { MapPlace } from '../lib/map-data.ts';
import { postalArea, townKey } from './town-key.ts';

/** A town by its name or a former one (accents, case, St-/Ste- optional), or a postal area by its first three characters. */
export function findPlace(places: MapPlace[], typed: string): MapPlace | undefined {
  const fsa = postalArea(typed);
  if (fsa) return places.find((p) => p[3] === 'p' && p[0] === fsa);
  const key = townKey(typed.replace(/\s*\(.*\)\s*$/, ''));
  if (!key) return undefined;
  const named = (p: MapPlace) => p[3] === 't' && townKey(p[0].replace(/\s*\(.*\)\s*$/, '')) === key;
  const aliased = (p: MapPlace) => p[3] === 't' && p[4].some((a) => townKey(a) === key);
  const exactChoice = places.find((p) => p[3] === 't' && townKey(p[0]) === townKey(typed));
  return exactChoice ?? places.find(named) ?? places.find(aliased) ?? places.find((p) => p[3] === 't' && townKey(p[0]).startsWith(key));
}
