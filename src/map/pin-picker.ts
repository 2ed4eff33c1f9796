// The small map of the registration form: the town's reference point as a draggable pin, which the
// keyboard moves too (arrow keys on the focused pin, 10 m a press, 100 m with Shift), and a button
// that puts it at the map's centre (the map itself pans with the arrow keys).
import L from 'leaflet';
import 'leaflet/dist/leaflet.css';
import './map.css';
import { distance } from 'geokdbush';
import type { MapSettings } from '../lib/map-settings.ts';
import { loadBase } from './map-base.ts';

type Town = { name: string; lat: number; lng: number };

export function pinPicker(
  box: HTMLElement, town: Town, stored: { lat: number; lng: number } | null, baseUrl: string, onPlace: (lat: number, lng: number) => void,
) {
  const settings = JSON.parse(box.dataset.tiles ?? '{}') as MapSettings;
  const note = box.querySelector<HTMLElement>('[data-pin-note]')!;
  const words = JSON.parse(box.dataset.words ?? '{}') as Record<string, string>;
  let current = town;
  const start = stored ?? town;
  const map = L.map(box.querySelector<HTMLElement>('[data-pin-map]')!, { center: [start.lat, start.lng], zoom: 15, keyboard: true });
  // The status page's correction form opens hidden: the map takes its size when it is shown.
  new ResizeObserver(() => map.invalidateSize()).observe(map.getContainer());
  // Without tiles (offline, blocked, none configured) the built-in base shows where the town is.
  const base = () => void loadBase(map, baseUrl, document.documentElement.lang === 'en' ? 'en' : 'fr', 'Natural Earth');
  if (settings.tiles) L.tileLayer(settings.tiles, { attribution: settings.attribution, maxZoom: settings.maxZoom }).once('tileerror', base).addTo(map);
  else base();
  const pin = L.marker([start.lat, start.lng], {
    draggable: true, keyboard: true, title: words.pin ?? '', icon: L.divIcon({ className: 'map-point map-pin', iconSize: [22, 22] }),
  }).addTo(map);
  const placed = () => {
    const { lat, lng } = pin.getLatLng();
    onPlace(lat, lng);
    note.textContent = (words.placed ?? '')
      .replace('{distance}', new Intl.NumberFormat(document.documentElement.lang === 'en' ? 'en-CA' : 'fr-CA', { maximumFractionDigits: 1 }).format(distance(current.lng, current.lat, lng, lat)))
      .replace('{town}', current.name);
  };
  pin.on('dragend', placed);
  pin.getElement()?.setAttribute('aria-label', words.pin ?? '');
  pin.getElement()?.addEventListener('keydown', (event) => {
    const step = (event.shiftKey ? 100 : 10) / 111_320; // metres to degrees of latitude
    const { lat, lng } = pin.getLatLng();
    const moves: Record<string, [number, number]> = {
      ArrowUp: [step, 0], ArrowDown: [-step, 0], ArrowLeft: [0, -step / Math.cos((lat * Math.PI) / 180)], ArrowRight: [0, step / Math.cos((lat * Math.PI) / 180)],
    };
    const move = moves[event.key];
    if (!move) return;
    event.preventDefault();
    event.stopPropagation(); // the pin moves, not the map
    pin.setLatLng([lat + move[0], lng + move[1]]);
    map.panInside(pin.getLatLng(), { padding: [30, 30] });
    placed();
  });
  box.querySelector('[data-pin-centre]')!.addEventListener('click', () => {
    pin.setLatLng(map.getCenter());
    placed();
  });
  note.textContent = words.hint ?? '';
  if (stored) placed();
  return {
    /** Another town typed: the map and the pin move to it, as not yet placed. */
    moveTo(name: string, lat: number, lng: number) {
      current = { name, lat, lng };
      map.setView([lat, lng], 15);
      pin.setLatLng([lat, lng]);
    },
  };
}
