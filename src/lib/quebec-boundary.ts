// Quebec's outline (supabase/data/quebec-boundary.json: Natural Earth's 1:10m provinces, public
// domain) as the database and the demo data read it. No I/O: callers pass the parsed file.
import booleanPointInPolygon from '@turf/boolean-point-in-polygon';

/** x = longitude × cos(46.5°): a degree east is as long as a degree north in southern Quebec. */
export const OUTLINE_X_SCALE = 0.6884;

/**
 * How far outside the outline (km) a point may be and still be taken for Quebec: Natural Earth's
 * 1:10m line runs up to about 2 km off the real border along the Ottawa River (downtown Hull is
 * 1.5 km "outside"; Parliament Hill in Ottawa, 2.5 km).
 */
export const BORDER_TOLERANCE_KM = 2;

/** A pin this far (km) from its town's reference point is a warning for a moderator. */
export const FAR_FROM_TOWN_KM = 25;

type Ring = Array<[number, number]>;
type Boundary = { type: 'Feature'; geometry: { type: 'MultiPolygon'; coordinates: Ring[][] } };

/** The outer rings of the outline's pieces, [longitude, latitude]; the file has no holes (lakes are not cut out). */
export function quebecBoundary(file: Boundary): Ring[] {
  return file.geometry.coordinates.map((polygon, i) => {
    if (polygon.length !== 1) throw new Error(`quebec-boundary.json: piece ${i} has ${polygon.length - 1} hole(s); the database's outline has none`);
    return polygon[0]!;
  });
}

/** Whether a point is inside the outline (without the border tolerance). */
export function isInsideOutline(file: Boundary, latitude: number, longitude: number): boolean {
  return booleanPointInPolygon([longitude, latitude], file as unknown as Parameters<typeof booleanPointInPolygon>[1]);
}
