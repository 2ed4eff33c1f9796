// The <vitrine-map> element of the map page (src/components/MapPage.astro): a Leaflet map whose
// clusters come from the worker, the list of the shops in view nearest first, the filters and the
// "near" box, all kept in the address (view and filters) so a view can be shared and Back works.
// Merchant text only ever reaches the page as textContent.
import { WAYS, type Way } from '../lib/ways-to-buy.ts';
import L from 'leaflet';
import 'leaflet/dist/leaflet.css';
import './map.css';
import type { Filter, ListEntry, Marker, Place } from './map-protocol.ts';
import { workerClient } from './map-protocol.ts';
import { findPlace } from './find-place.ts';
import type { MapPlace } from '../lib/map-data.ts';
import type { MapSettings } from '../lib/map-settings.ts';
import { loadBase } from './map-base.ts';
import { MarkerLayer } from './marker-layer.ts';

/** The south of Quebec, where most shops are, when the address names no view. */
const DEFAULT_VIEW = { lat: 46.6, lng: -72.5, zoom: 6 };
/** Shops listed beside the map: the nearest of those in view. */
const LIST_LIMIT = 50;
/** Supercluster's last clustering zoom (map-worker.ts): past it, a cluster is shops sharing one point. */
const LAST_CLUSTER_ZOOM = 16;
/** The zoom a place typed or found centres on: a town and its streets. */
const PLACE_ZOOM = 13;

type State = { lat: number; lng: number; zoom: number; category: string; way: string; open: boolean };

class VitrineMap extends HTMLElement {
  #map!: L.Map;
  #markers = new MarkerLayer((i) => this.#press(i));
  /** What the buttons of the marker layer stand for, by their index, and the cluster index they came from. */
  #drawn: { markers: Marker[]; index: number } = { markers: [], index: 0 };
  #send!: ReturnType<typeof workerClient>;
  #messages: Record<string, string> = {};
  #categories: Record<string, string> = {};
  #numbers!: Intl.NumberFormat;
  /** Where distances are from: the shopper's position ("vous") or a place typed (its name). */
  #shopper: (Place & { name?: string }) | null = null;
  #here: L.CircleMarker | null = null;
  #run = 0;
  #places: Promise<MapPlace[]> | null = null;
  #filter: Filter = {};
  #drewFirst!: () => void;
  /** Settled once the first clusters are drawn. */
  #firstDraw = new Promise<void>((resolve) => (this.#drewFirst = resolve));

  async connectedCallback() {
    this.#messages = JSON.parse(this.dataset.messages ?? '{}');
    this.#categories = JSON.parse(this.dataset.categories ?? '{}');
    this.#numbers = new Intl.NumberFormat(this.dataset.locale, { maximumFractionDigits: 1 });
    this.#$('[data-map-needs-js]').hidden = true;
    const form = this.#$<HTMLFormElement>('[data-map-controls]');
    form.hidden = false;
    if (!this.dataset.points) return this.#say(this.#messages['map.unavailable']!);

    const state = readState(location.search);
    this.#showFilters(state);
    this.#map = L.map(this.#$('[data-map]'), { center: [state.lat, state.lng], zoom: state.zoom, minZoom: 4, maxZoom: 18, keyboard: true });
    this.#markers.addTo(this.#map);
    this.#addBaseLayers();

    const worker = new Worker(new URL('./map-worker.ts', import.meta.url), { type: 'module' });
    this.#send = workerClient(worker);
    performance.mark('vitrine:start');
    try {
      await this.#send({ type: 'load', url: this.dataset.points });
      performance.mark('vitrine:loaded');
    } catch {
      return this.#say(this.#messages['map.unavailable']!);
    }
    this.#filter = filterOf(state);
    this.#map.on('moveend', () => {
      this.#remember('replace');
      void this.#refresh();
    });
    form.addEventListener('change', (event) => {
      if ((event.target as HTMLElement).id === 'map-near') return;
      this.#filter = filterOf(this.#readFilters());
      this.#remember('push');
      void this.#refresh();
    });
    form.addEventListener('submit', (event) => {
      event.preventDefault();
      void this.#goToTyped();
    });
    this.#$<HTMLInputElement>('#map-near').addEventListener('focus', () => void this.#fillPlaces(), { once: true });
    this.#$('[data-near-me]').addEventListener('click', () => this.#nearMe());
    addEventListener('popstate', () => {
      const next = readState(location.search);
      this.#showFilters(next);
      this.#filter = filterOf(next);
      this.#map.setView([next.lat, next.lng], next.zoom, { animate: false });
      void this.#refresh();
    });
    this.dataset.ready = 'true';
    await this.#refresh();
  }

  #$<T extends HTMLElement = HTMLElement>(selector: string): T {
    return this.querySelector<T>(selector)!;
  }

  #say(text: string) {
    this.#$('[data-map-status]').textContent = text;
  }

  #text(key: string, vars: Record<string, string | number> = {}) {
    return (this.#messages[key] ?? key).replace(/\{(\w+)\}/g, (whole, name: string) => (name in vars ? String(vars[name]) : whole));
  }

  /** Tiles when configured; under them the built-in base, drawn from the start when there are no tiles, or once one fails. */
  #addBaseLayers() {
    const settings = JSON.parse(this.dataset.tiles ?? '{}') as MapSettings;
    // After the first clusters, when the page is idle: on a phone, drawing the base first would hold them back.
    // Safari has no requestIdleCallback: a short timeout does there.
    const whenIdle = window.requestIdleCallback ?? ((work: () => void) => setTimeout(work, 200));
    const base = () => void this.#firstDraw.then(() => whenIdle(() => {
      // Its credit says why the map looks plain: tiles did not load.
      const credit = `${this.#messages['map.baseOffline']} ${this.#messages['map.attributionData']}`;
      void loadBase(this.#map, this.dataset.base!, this.dataset.locale === 'en-CA' ? 'en' : 'fr', credit);
    }, { timeout: 2000 }));
    if (!settings.tiles) return base();
    const tiles = L.tileLayer(settings.tiles, { attribution: settings.attribution, maxZoom: settings.maxZoom });
    tiles.once('tileerror', base);
    tiles.addTo(this.#map);
  }

  #readFilters(): Pick<State, 'category' | 'way' | 'open'> {
    return {
      category: this.#$<HTMLSelectElement>('#map-category').value,
      way: this.#$<HTMLSelectElement>('#map-way').value,
      open: this.#$<HTMLInputElement>('#map-open').checked,
    };
  }

  #showFilters(state: Pick<State, 'category' | 'way' | 'open'>) {
    const select = this.#$<HTMLSelectElement>('#map-category');
    select.value = [...select.options].some((o) => o.value === state.category) ? state.category : '';
    const way = this.#$<HTMLSelectElement>('#map-way');
    way.value = [...way.options].some((o) => o.value === state.way) ? state.way : '';
    this.#$<HTMLInputElement>('#map-open').checked = state.open;
  }

  /** Writes the view and filters into the address: a new entry for a choice, the same one while panning. */
  #remember(how: 'push' | 'replace') {
    const centre = this.#map.getCenter();
    const search = writeState({ lat: centre.lat, lng: centre.lng, zoom: this.#map.getZoom(), ...this.#readFilters() });
    if (search === location.search) return;
    history[how === 'push' ? 'pushState' : 'replaceState'](null, '', `${location.pathname}${search}`);
  }

  // performance marks (vitrine:start, vitrine:loaded, vitrine:refresh, vitrine:answer, vitrine:clusters, vitrine:list) time each step for
  // scripts/bench/bench-map.ts; they cost nothing and store nothing.
  async #refresh() {
    const run = ++this.#run;
    performance.mark('vitrine:refresh');
    const bounds = this.#map.getBounds();
    const bbox: [number, number, number, number] = [bounds.getWest(), bounds.getSouth(), bounds.getEast(), bounds.getNorth()];
    // "Open now" at this minute, on the page's clock: the worker computes it in each shop's zone.
    const filter: Filter = this.#filter.openAt !== undefined ? { ...this.#filter, openAt: Math.floor(Date.now() / 60_000) * 60_000 } : this.#filter;
    const zoom = Math.round(this.#map.getZoom());
    const { markers, index } = await this.#send<'clusters'>({ type: 'clusters', bbox, zoom, filter });
    if (run !== this.#run) return;
    performance.mark('vitrine:answer');
    this.#draw(markers, index);
    performance.mark('vitrine:clusters');
    this.#drewFirst();
    const inView = markers.reduce((n, m) => n + m.count, 0);
    const plural = inView === 0 ? 'zero' : new Intl.PluralRules(this.dataset.locale).select(inView) === 'one' ? 'one' : 'other';
    this.#say(this.#text(`map.inView.${plural}`, { count: this.#numbers.format(inView) }));
    const from = this.#shopper && bounds.contains([this.#shopper.lat, this.#shopper.lng]) ? this.#shopper : { lat: bounds.getCenter().lat, lng: bounds.getCenter().lng };
    const { entries } = await this.#send<'nearest'>({ type: 'nearest', bbox, from, limit: LIST_LIMIT, filter });
    if (run !== this.#run) return;
    this.#list(entries, from === this.#shopper, inView);
    performance.mark('vitrine:list');
  }

  /** `index`: the worker's cluster index these came from, which a cluster's id belongs to. */
  #draw(markers: Marker[], index: number) {
    this.#drawn = { markers, index };
    const listLabel = this.#map.getZoom() >= LAST_CLUSTER_ZOOM ? 'map.clusterList' : 'map.clusterZoom';
    this.#markers.draw(markers.map((m) => {
      const approximate = m.kind !== 'cluster' && m.approximate ? ` (${this.#messages['map.approximate']})` : '';
      const count = this.#numbers.format(m.count);
      if (m.kind === 'point') {
        return {
          lat: m.lat, lng: m.lng, text: '', className: `map-point${m.approximate ? ' map-point-approximate' : ''}`,
          label: `${this.#text('map.pointLabel', { category: this.#categories[m.category] ?? m.category })}${approximate}`,
        };
      }
      const size = m.count < 10 ? 's' : m.count < 100 ? 'm' : m.count < 1000 ? 'l' : 'xl';
      return {
        lat: m.lat, lng: m.lng, text: count,
        className: `map-cluster map-cluster-${size}${m.kind === 'stack' ? ` map-stack${m.approximate ? ' map-point-approximate' : ''}` : ''}`,
        label: m.kind === 'stack' ? `${this.#text('map.clusterList', { count })}${approximate}` : this.#text(listLabel, { count }),
      };
    }));
  }

  #press(i: number) {
    const { markers, index } = this.#drawn;
    if (markers[i]) void this.#open(markers[i], i, index);
  }

  /** A cluster zooms in, or, when its shops share one point, lists them all; a shop shows its name. */
  async #open(m: Marker, button: number, index: number) {
    const from = this.#shopper ?? undefined;
    if (m.kind === 'cluster') {
      const { zoom } = await this.#send<'expand'>({ type: 'expand', cluster: m.id, index });
      if (zoom <= LAST_CLUSTER_ZOOM && zoom > this.#map.getZoom()) {
        // The pressed button is redrawn away: the keyboard stays in the map, on its new view.
        const keyboard = document.activeElement === this.#markers.button(button);
        this.#map.setView([m.lat, m.lng], zoom);
        if (keyboard) this.#map.getContainer().focus();
        return;
      }
      const { entries } = await this.#send<'leaves'>({ type: 'leaves', cluster: m.id, index, from });
      return this.#popup(m, button, entries, this.#text('map.clusterList', { count: this.#numbers.format(entries.length) }));
    }
    const ids = m.kind === 'stack' ? m.ids : [m.id];
    const { entries } = await this.#send<'entries'>({ type: 'entries', ids, from });
    this.#popup(m, button, entries, m.kind === 'stack' ? this.#text('map.clusterList', { count: this.#numbers.format(entries.length) }) : undefined);
  }

  #popup(at: Marker, button: number, entries: ListEntry[], heading?: string) {
    const box = document.createElement('div');
    box.className = 'map-popup';
    if (heading) {
      const h = document.createElement('p');
      h.className = 'map-popup-heading';
      h.textContent = heading;
      box.append(h);
    }
    const list = document.createElement(entries.length > 1 ? 'ul' : 'div');
    list.append(...entries.map((e) => this.#entry(e, entries.length > 1 ? 'li' : 'div')));
    box.append(list);
    const popup = L.popup({ maxHeight: 300, offset: [0, -6] }).setLatLng([at.lat, at.lng]).setContent(box).openOn(this.#map);
    box.querySelector('a')?.focus();
    box.addEventListener('keydown', (event) => event.key === 'Escape' && this.#map.closePopup(popup));
    // Closing the popup (its button, or Escape) puts the keyboard back on the marker.
    popup.on('remove', () => this.#markers.button(button)?.focus());
  }

  /** One shop: its name as a link to its page, then town, category, distance and whether the point is approximate. */
  #entry(e: ListEntry, tag: 'li' | 'div'): HTMLElement {
    const item = document.createElement(tag);
    const link = document.createElement('a');
    link.href = `/commerces/${encodeURIComponent(e.slug)}/${this.dataset.merchantQuery ?? ''}`;
    link.textContent = e.name;
    const details = document.createElement('span');
    details.className = 'map-entry-details';
    details.textContent = [
      e.town, this.#categories[e.category] ?? e.category,
      e.km !== undefined ? this.#text('map.km', { km: this.#numbers.format(e.km) }) : '',
      e.approximate ? this.#messages['map.approximate'] : '',
    ].filter(Boolean).join(' · ');
    item.append(link, ' ', details);
    return item;
  }

  #list(entries: ListEntry[], fromShopper: boolean, inView: number) {
    this.#$('[data-map-list]').replaceChildren(...entries.map((e) => this.#entry(e, 'li')));
    this.#$('[data-list-order]').textContent = entries.length
      ? this.#text('map.listByDistance', { from: fromShopper ? (this.#shopper?.name ?? this.#messages['map.fromYou']!) : this.#messages['map.fromCentre']! })
      : '';
    const more = this.#$('[data-list-more]');
    more.hidden = inView <= entries.length;
    more.textContent = this.#text('map.listMore', { shown: entries.length });
  }

  /** The browser's position, asked for only now; it stays here (rounded in the address, exact for distances). */
  #nearMe() {
    if (!navigator.geolocation) return this.#say(this.#messages['map.nearMeDenied']!);
    this.#say(this.#messages['map.nearMeBusy']!);
    navigator.geolocation.getCurrentPosition(
      (position) => {
        this.#shopper = { lat: position.coords.latitude, lng: position.coords.longitude };
        // Centred to about a kilometre: the address keeps the view, and a shared view must not say where someone lives.
        this.#map.setView([Math.round(this.#shopper.lat * 100) / 100, Math.round(this.#shopper.lng * 100) / 100], PLACE_ZOOM);
        this.#remember('push');
        this.#showHere();
      },
      () => this.#say(this.#messages['map.nearMeDenied']!),
      { enableHighAccuracy: false, timeout: 15_000, maximumAge: 300_000 },
    );
  }

  /** Marks where distances are from (drawn in the page only), and on a phone brings the map into view. */
  #showHere() {
    if (!this.#shopper) return;
    this.#here?.remove();
    this.#here = L.circleMarker([this.#shopper.lat, this.#shopper.lng], {
      radius: 8, color: '#ffffff', weight: 3, fillColor: '#1d4ed8', fillOpacity: 1, interactive: false,
    }).addTo(this.#map);
    if (matchMedia('(max-width: 48rem)').matches) this.#$('[data-map]').scrollIntoView({ block: 'start' });
  }

  #loadPlaces(): Promise<MapPlace[]> {
    this.#places ??= fetch(this.dataset.places!).then((r) => (r.ok ? r.json() : Promise.reject(new Error(String(r.status)))));
    this.#places.catch(() => (this.#places = null));
    return this.#places;
  }

  /** The box's suggestions: every town, then its former names (a town typed by an alias finds it too). */
  async #fillPlaces() {
    const places = await this.#loadPlaces();
    const options = places.flatMap((p) => (p[3] === 't' ? [p[0], ...p[4]] : [])).map((name) => {
      const option = document.createElement('option');
      option.value = name;
      return option;
    });
    this.#$('#map-places').replaceChildren(...options);
  }

  async #goToTyped() {
    const typed = this.#$<HTMLInputElement>('#map-near').value;
    if (!typed.trim()) return;
    const place = findPlace(await this.#loadPlaces(), typed);
    if (!place) return this.#say(this.#text('map.placeUnknown', { q: typed.trim() }));
    this.#shopper = { lat: place[1], lng: place[2], name: place[0] };
    this.#map.setView([place[1], place[2]], PLACE_ZOOM);
    this.#remember('push');
    this.#say(this.#text('map.placeFound', { place: place[0] }));
    this.#showHere();
  }
}

function readState(search: string): State {
  const params = new URLSearchParams(search);
  const number = (name: string, min: number, max: number, fallback: number) => {
    const value = Number(params.get(name));
    return params.has(name) && Number.isFinite(value) && value >= min && value <= max ? value : fallback;
  };
  return {
    lat: number('lat', 40, 65, DEFAULT_VIEW.lat),
    lng: number('lng', -85, -50, DEFAULT_VIEW.lng),
    zoom: number('z', 4, 18, DEFAULT_VIEW.zoom),
    category: params.get('categorie') ?? '',
    way: params.get('achat') ?? '',
    open: params.get('ouvert') === '1',
  };
}

/** The address's query for a state. The centre is rounded to about 100 m: a shared view never gives away where someone is. */
function writeState(state: State): string {
  const params = new URLSearchParams({ lat: state.lat.toFixed(3), lng: state.lng.toFixed(3), z: String(Math.round(state.zoom)) });
  if (state.category) params.set('categorie', state.category);
  if (state.way) params.set('achat', state.way);
  if (state.open) params.set('ouvert', '1');
  return `?${params}`;
}

function filterOf(state: Pick<State, 'category' | 'way' | 'open'>): Filter {
  const way = WAYS.indexOf(state.way as Way);
  return { ...(state.category ? { category: state.category } : {}), ...(way >= 0 ? { way } : {}), ...(state.open ? { openAt: 0 } : {}) };
}

customElements.define('vitrine-map', VitrineMap);
