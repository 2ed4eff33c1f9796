// The registration form's "where to show the business": once a known Quebec town is typed, a small
// map of it opens (Leaflet, loaded only then: src/map/pin-picker.ts) for the merchant to confirm or
// move a pin. Left alone, the town's reference point is used, as without JavaScript.
import { fetchJson } from './fetch-json.ts';
import type { MapPlace } from '../lib/map-data.ts';
import { findPlace } from './find-place.ts';

type Manifest = { places: string; base: string };
let manifest: Promise<Manifest> | null = null;
let places: Promise<MapPlace[]> | null = null;


/** The map's manifest (the current names of its data files). */
function loadManifest(): Promise<Manifest> {
  manifest ??= fetchJson<Manifest>('/carte/manifeste.json');
  manifest.catch(() => (manifest = null));
  return manifest;
}

/** The towns and their reference points, from the map's data. */
function loadPlaces(): Promise<MapPlace[]> {
  places ??= loadManifest().then((m) => fetchJson<MapPlace[]>(m.places));
  places.catch(() => (places = null));
  return places;
}

export function startPinPickers(): void {
  for (const box of document.querySelectorAll<HTMLFieldSetElement>('[data-pin-picker]')) {
    const form = box.closest('form')!;
    const city = document.getElementById(box.dataset.cityInput!) as HTMLInputElement | null;
    const pinChoice = box.querySelector<HTMLElement>('[data-pin-choice]')!;
    const pinRadio = pinChoice.querySelector<HTMLInputElement>('input')!;
    const area = box.querySelector<HTMLElement>('[data-pin-area]')!;
    const latitude = box.querySelector<HTMLInputElement>('[data-pin-latitude]')!;
    const longitude = box.querySelector<HTMLInputElement>('[data-pin-longitude]')!;
    pinChoice.hidden = false;
    pinRadio.disabled = false;
    area.hidden = false;
    // Only a pin is sent as a point: choosing the town or no point forgets it.
    box.addEventListener('change', (event) => {
      const radio = event.target as HTMLInputElement;
      if (radio.name === 'location' && radio.value !== 'pin') latitude.value = longitude.value = '';
    });
    let opened: { town: string; picker: { moveTo(name: string, lat: number, lng: number): void } } | null = null;
    const open = async () => {
      const typed = city?.value.trim();
      if (!typed) return;
      const place = findPlace(await loadPlaces().catch(() => []), typed);
      if (!place || place[3] !== 't' || opened?.town === place[0]) return;
      const stored = latitude.value && longitude.value ? { lat: Number(latitude.value), lng: Number(longitude.value) } : null;
      if (opened) {
        opened.town = place[0];
        latitude.value = longitude.value = '';
        box.querySelector<HTMLInputElement>('input[name="location"][value="town"]')!.checked = true;
        return opened.picker.moveTo(place[0], place[1], place[2]);
      }
      const { pinPicker } = await import('./pin-picker.ts');
      opened = {
        town: place[0],
        picker: pinPicker(box, { name: place[0], lat: place[1], lng: place[2] }, stored, (await loadManifest()).base, (lat, lng) => {
          latitude.value = lat.toFixed(5);
          longitude.value = lng.toFixed(5);
          pinRadio.checked = true;
        }),
      };
    };
    city?.addEventListener('change', () => void open());
    form.addEventListener('reset', () => (latitude.value = longitude.value = ''));
    void open();
  }
}
