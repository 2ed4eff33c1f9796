// The built-in base under the markers when tiles cannot load (offline, blocked, or none configured):
// land and borders, Quebec's outline and region names, from the build's small file
// (scripts/publish/map-data.ts, mapBase). Vector layers: no image, no outside request.
import L from 'leaflet';
import type { MapBase } from '../lib/map-data.ts';

const drawn = new WeakSet<L.Map>();

export async function loadBase(map: L.Map, url: string, locale: 'fr' | 'en', attribution: string): Promise<void> {
  if (drawn.has(map) || !url) return;
  drawn.add(map);
  const response = await fetch(url);
  if (!response.ok) return;
  const base = (await response.json()) as MapBase;
  const pane = map.createPane('base');
  pane.style.zIndex = '150'; // under the tiles (200), which cover it wherever they do load
  const swap = (ring: Array<[number, number]>) => ring.map(([lng, lat]) => [lat, lng] as [number, number]);
  L.polygon(base.land.map(swap), { pane: 'base', stroke: true, color: '#9aa5b1', weight: 1, fillColor: '#f4f1ea', fillOpacity: 1, interactive: false })
    .addTo(map);
  L.polygon(base.quebec.map(swap), { pane: 'base', color: '#0a4d8c', weight: 1.5, fill: true, fillColor: '#ffffff', fillOpacity: 0.6, interactive: false })
    .addTo(map);
  for (const region of base.regions) {
    L.marker([region.lat, region.lng], {
      pane: 'base', interactive: false, keyboard: false,
      icon: L.divIcon({ className: 'map-region-label', html: '', iconSize: null as unknown as L.PointExpression }),
    }).on('add', function (this: L.Marker) {
      // Text only: the names come from the database.
      this.getElement()!.textContent = locale === 'en' ? region.en : region.fr;
    }).addTo(map);
  }
  map.attributionControl.addAttribution(attribution);
}
