// A merchant page's small map and "nearby" list, from the map's data (the manifest names the
// current file): the shop's point, and the nearest other shops by a spatial index. Loaded by
// shop-map-start.ts once the map is scrolled into view. Names reach the page as text only.
import { fetchJson } from './fetch-json.ts';
import L from 'leaflet';
import 'leaflet/dist/leaflet.css';
import './map.css';
import KDBush from 'kdbush';
import { around, distance } from 'geokdbush';
import { fetchMapData, type MapName } from '../lib/map-data.ts';
import type { MapSettings } from '../lib/map-settings.ts';
import { loadBase } from './map-base.ts';

const NEARBY = 5;

type Words = { km: string; approximate: string; here: string; link: string };


export async function showShopMap(box: HTMLElement): Promise<void> {
  const lat = Number(box.dataset.lat);
  const lng = Number(box.dataset.lng);
  const words = JSON.parse(box.dataset.words!) as Words;
  const settings = JSON.parse(box.dataset.tiles ?? '{}') as MapSettings;
  const locale = box.dataset.locale === 'en' ? 'en' : 'fr';
  const manifest = await fetchJson<{ points: string; base: string }>('/carte/manifeste.json');

  const map = L.map(box, { center: [lat, lng], zoom: 15, scrollWheelZoom: false, keyboard: true });
  const base = () => void loadBase(map, manifest.base, locale, 'Natural Earth');
  if (settings.tiles) L.tileLayer(settings.tiles, { attribution: settings.attribution, maxZoom: settings.maxZoom }).once('tileerror', base).addTo(map);
  else base();
  const approximate = box.dataset.approximate === 'true';
  L.marker([lat, lng], {
    keyboard: false, title: words.here,
    icon: L.divIcon({ className: `map-point map-here${approximate ? ' map-point-approximate' : ''}`, iconSize: [22, 22] }),
  }).addTo(map);
  box.dataset.ready = 'true';

  // The nearest other shops: from the same data as the map page, so no page names its neighbours.
  const data = await fetchMapData(manifest.points);
  const index = new KDBush(data.header.count);
  for (let i = 0; i < data.header.count; i++) index.add(data.longitude[i]!, data.latitude[i]!);
  index.finish();
  const ids = around(index, lng, lat, NEARBY + 3);
  const folder = new URL('.', new URL(manifest.points, location.href));
  const chunks = new Map<number, Promise<MapName[]>>();
  const nameOf = async (i: number) => {
    const n = Math.floor(i / data.header.chunkSize);
    if (!chunks.has(n)) chunks.set(n, fetchJson<MapName[]>(new URL(data.header.chunks[n]!, folder)));
    return (await chunks.get(n)!)[i % data.header.chunkSize]!;
  };
  const slug = box.dataset.slug;
  const others = (await Promise.all(ids.map(async (i) => ({ i, name: await nameOf(i) })))).filter((o) => o.name[1] !== slug).slice(0, NEARBY);
  const numbers = new Intl.NumberFormat(locale === 'en' ? 'en-CA' : 'fr-CA', { maximumFractionDigits: 1 });
  const list = box.parentElement!.querySelector('[data-nearby]')!;
  list.replaceChildren(...others.map(({ i, name: [name, otherSlug, town] }) => {
    const item = document.createElement('li');
    const link = document.createElement('a');
    link.href = `/commerces/${encodeURIComponent(otherSlug)}/${words.link}`;
    link.textContent = name;
    const km = distance(lng, lat, data.longitude[i]!, data.latitude[i]!);
    item.append(link, ` · ${town} · ${words.km.replace('{km}', numbers.format(km))}`);
    L.marker([data.latitude[i]!, data.longitude[i]!], {
      keyboard: false, title: name, icon: L.divIcon({ className: `map-point map-nearby${(data.flags[i]! & 3) === 1 ? ' map-point-approximate' : ''}`, iconSize: [14, 14] }),
    }).addTo(map);
    return item;
  }));
  // The shop and its neighbours in view, no closer than a street's scale.
  if (others.length) map.fitBounds(L.latLngBounds([[lat, lng], ...others.map(({ i }) => [data.latitude[i]!, data.longitude[i]!] as [number, number])]).pad(0.15), { maxZoom: 15 });
}
