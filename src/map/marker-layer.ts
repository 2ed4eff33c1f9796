// The map's clusters and shops as plain <button> elements in Leaflet's marker pane: one innerHTML
// for a whole view, where an L.Marker each cost ~3 ms on a phone (140 ms for a zoom over Montréal).
// Buttons are reachable with Tab, named for screen readers and pressed with Enter or Space by
// themselves; the text they hold is numbers and the dictionary's words, never merchant text.
import L from 'leaflet';

export type DrawnMarker = { lat: number; lng: number; className: string; label: string; text: string };

const escape = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/"/g, '&quot;');

export class MarkerLayer extends L.Layer {
  #box!: HTMLDivElement;
  #markers: DrawnMarker[] = [];
  #onPress: (index: number) => void;

  constructor(onPress: (index: number) => void) {
    super();
    this.#onPress = onPress;
  }

  override onAdd(map: L.Map): this {
    this.#box = L.DomUtil.create('div', 'map-markers', map.getPane('markerPane'));
    // A press on a marker is the marker's, not a click or a drag of the map under it.
    L.DomEvent.disableClickPropagation(this.#box);
    this.#box.addEventListener('click', (event) => {
      const button = (event.target as Element).closest<HTMLButtonElement>('button[data-i]');
      if (button) this.#onPress(Number(button.dataset.i));
    });
    // During a zoom's animation the buttons would stand at the old scale: hidden until redrawn.
    map.on('zoomstart', this.#hide, this);
    map.on('viewreset', this.#place, this);
    return this;
  }

  override onRemove(map: L.Map): this {
    map.off('zoomstart', this.#hide, this);
    map.off('viewreset', this.#place, this);
    this.#box.remove();
    return this;
  }

  /** Replaces the markers shown. */
  draw(markers: DrawnMarker[]) {
    this.#markers = markers;
    this.#box.innerHTML = markers
      .map((m, i) => `<button type="button" class="${m.className}" data-i="${i}" aria-label="${escape(m.label)}" title="${escape(m.label)}">${m.text ? `<span>${escape(m.text)}</span>` : ''}</button>`)
      .join('');
    this.#place();
  }

  /** The button of marker `index`, to focus or to anchor a popup's return. */
  button(index: number): HTMLButtonElement | null {
    return this.#box.querySelector(`button[data-i="${index}"]`);
  }

  #place() {
    if (!this._map) return;
    const buttons = this.#box.children as HTMLCollectionOf<HTMLElement>;
    this.#markers.forEach((m, i) => {
      const point = this._map.latLngToLayerPoint([m.lat, m.lng]);
      buttons[i]!.style.transform = `translate(${Math.round(point.x)}px, ${Math.round(point.y)}px)`;
    });
    this.#box.hidden = false;
  }

  #hide() {
    this.#box.hidden = true;
  }
}
