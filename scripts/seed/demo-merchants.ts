// Deterministic demo merchants for Quebec: the same seed and counts always give the same rows, so a
// screenshot, a benchmark or a bug report can be reproduced. Pure: no I/O, no clock, no Math.random.
// The municipalities come from public.municipalities (real towns, real populations); the words and
// sentences are at the end of this file.
import type { WaysToBuy } from '../../src/lib/ways-to-buy.ts';
import { slugify } from '../../functions/_shared/slug.ts';
import { DAYS, type Day, type OpeningHours, type Span } from '../../src/lib/opening-hours.ts';

export type Municipality = {
  code: string;
  name: string;
  region_code: string;
  latitude: number;
  longitude: number;
  population: number;
};

/** Why a pending demo listing must not be published; null for an eligible one. */
export type SeededIneligibility = 'outside_quebec' | 'malformed_neq' | 'duplicate';
export const SEEDED_INELIGIBILITIES: readonly SeededIneligibility[] = ['outside_quebec', 'malformed_neq', 'duplicate'];


/** A demo business: its status and the listing fields of its registration (public.listing_fields), plus what the generator seeded. */
export type DemoMerchant = {
  status: 'approved' | 'pending';
  name: string;
  category_slug: string;
  description_fr: string;
  description_en: string;
  street_address: string;
  city: string;
  municipality_code: string | null;
  region_code: string | null;
  postal_code: string;
  /** Null for a delivery-only business ('none'). */
  latitude: number | null;
  longitude: number | null;
  location_precision: 'pin' | 'town' | 'none';
  phone: string | null;
  website: string | null;
  social_links: string[];
  opening_hours: OpeningHours;
  ways_to_buy: WaysToBuy;
  contact_email: string;
  neq: string | null;
  seededIneligibility: SeededIneligibility | null;
};

/** `year`: the holidays the hours name (Christmas of that year, the next Fête nationale). */
export type DemoOptions = {
  approved: number; pending: number; seed: number; year?: number;
  /** Whether a point is in Quebec (src/lib/quebec-boundary.ts): a shop near a border town is drawn again until it is. */
  inQuebec?: (latitude: number, longitude: number) => boolean;
};

/** Shares of demo shops shown only at their town's point (run from home) and with no point (delivery only). */
export const LOCATION_SHARES = { town: 0.08, none: 0.03 } as const;

/** Share of pending listings seeded as ineligible, spread evenly over the three kinds. */
export const INELIGIBLE_SHARE = 0.05;

/** The year of the holidays when none is given: the generator reads no clock. */
const DEFAULT_YEAR = 2026;

export function generateDemoMerchants(options: DemoOptions, municipalities: readonly Municipality[]): DemoMerchant[] {
  const { approved, pending, seed } = options;
  for (const [flag, value] of Object.entries({ approved, pending })) {
    if (!Number.isInteger(value) || value < 0) throw new RangeError(`${flag} must be a whole number, not ${value}`);
  }
  if (municipalities.length === 0 && approved + pending > 0) throw new Error('No municipalities: run the migrations first');
  const towns = [...municipalities].sort((a, b) => a.code.localeCompare(b.code)); // order-independent input
  const state: GenerationState = {
    neqs: new Set(), phones: new Set(), domains: new Set(), nameTowns: new Set(), approvedNameTowns: new Set(), year: options.year ?? DEFAULT_YEAR, inQuebec: options.inQuebec,
  };

  // Separate streams, so adding pending listings does not change the approved ones.
  const approvedRandom = new Random(seed);
  const rows: DemoMerchant[] = [];
  for (const slot of approvedSlots(approvedRandom, towns, approved)) {
    const row = makeMerchant(approvedRandom, state, 'approved', slot.town, slot.fixed);
    state.approvedNameTowns.add(nameTownKey(row));
    rows.push(row);
  }

  const pendingRandom = new Random(seed ^ 0x5eed_9e37);
  const picker = new TownPicker(towns);
  for (const kind of ineligibilityPlan(pendingRandom, pending, approved > 0)) {
    if (kind === 'duplicate') rows.push(makeDuplicate(pendingRandom, state, rows[pendingRandom.int(0, approved - 1)]!));
    else if (kind === 'outside_quebec') rows.push(makeOutsideQuebec(pendingRandom, state));
    else {
      let row = makeMerchant(pendingRandom, state, 'pending', picker.pick(pendingRandom));
      // An eligible pending listing must not look like a duplicate of an approved one by name and town,
      // or a benchmark would count a false alarm that the data itself caused.
      for (let tries = 0; state.approvedNameTowns.has(nameTownKey(row)) && tries < 20; tries++) {
        row = makeMerchant(pendingRandom, state, 'pending', picker.pick(pendingRandom));
      }
      if (kind === 'malformed_neq') row = { ...row, neq: malformedNeq(pendingRandom), seededIneligibility: kind };
      rows.push(row);
    }
  }
  return rows;
}

// ---------------------------------------------------------------------------------------------
// Randomness

/** mulberry32: tiny, fast, good enough for demo data, and identical on every platform. */
export class Random {
  private state: number;
  constructor(seed: number) {
    this.state = seed >>> 0;
  }
  next(): number {
    let t = (this.state = (this.state + 0x6d2b79f5) >>> 0);
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }
  /** Whole number in [min, max]. */
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }
  chance(probability: number): boolean {
    return this.next() < probability;
  }
  pick<T>(items: readonly T[]): T {
    return items[Math.floor(this.next() * items.length)]!;
  }
  digits(count: number): string {
    let out = '';
    for (let i = 0; i < count; i++) out += String(this.int(0, 9));
    return out;
  }
  shuffle<T>(items: T[]): T[] {
    for (let i = items.length - 1; i > 0; i--) {
      const j = this.int(0, i);
      [items[i], items[j]] = [items[j]!, items[i]!];
    }
    return items;
  }
}

/** Picks towns in proportion to their population; towns listed with 0 inhabitants still get a few. */
class TownPicker {
  private readonly cumulative: number[] = [];
  constructor(private readonly towns: readonly Municipality[]) {
    let total = 0;
    for (const town of towns) this.cumulative.push((total += Math.max(town.population, 500)));
  }
  pick(random: Random): Municipality {
    const target = random.next() * this.cumulative[this.cumulative.length - 1]!;
    let [low, high] = [0, this.cumulative.length - 1];
    while (low < high) {
      const middle = (low + high) >> 1;
      if (this.cumulative[middle]! > target) high = middle;
      else low = middle + 1;
    }
    return this.towns[low]!;
  }
}

// ---------------------------------------------------------------------------------------------
// Where the approved listings go

type FixedName = { category: string; kind: string; name: string };
type Slot = { town: Municipality; fixed?: FixedName };

/** Towns of approved listings: a few guaranteed ones, then by population, all shuffled together. */
function approvedSlots(random: Random, towns: readonly Municipality[], count: number): Slot[] {
  const picker = new TownPicker(towns);
  const slots: Slot[] = [];
  // Population alone would leave Nord-du-Québec empty in a small data set.
  const perRegion = count >= 200 ? 3 : count >= 17 ? 1 : 0;
  const regions = [...new Set(towns.map((t) => t.region_code))].sort();
  for (const region of regions) {
    const inRegion = new TownPicker(towns.filter((t) => t.region_code === region));
    for (let i = 0; i < perRegion; i++) slots.push({ town: inRegion.pick(random) });
  }
  // Towns whose names exercise accents and apostrophes in slugs, URLs and searches.
  const special = count >= 200 ? 4 : count >= 40 ? 2 : 0;
  for (const code of ['30030', '71060']) {
    const town = towns.find((t) => t.code === code);
    for (let i = 0; town && i < special; i++) slots.push({ town });
  }
  // The same business name in different towns: slugs and search results must tell them apart.
  if (count >= 100) {
    for (const [category, kind, name, times] of SHARED_NAMES) {
      const used = new Set<string>();
      while (used.size < times) {
        const town = picker.pick(random);
        if (used.has(town.code)) continue;
        used.add(town.code);
        slots.push({ town, fixed: { category, kind, name } });
      }
    }
  }
  slots.splice(count); // a tiny data set keeps only the first guarantees
  while (slots.length < count) slots.push({ town: picker.pick(random) });
  return random.shuffle(slots);
}

const SHARED_NAMES: ReadonlyArray<readonly [category: string, kind: string, name: string, towns: number]> = [
  ['boulangerie-patisserie', 'boulangerie', 'Boulangerie du Village', 4],
  ['restaurant-cafe', 'cafe', 'Café de la Gare', 3],
  ['epicerie-alimentation', 'depanneur', 'Dépanneur du Coin', 3],
];

/** Which pending listings are seeded ineligible: about 5 %, the kinds in turn, at random positions. */
function ineligibilityPlan(random: Random, pending: number, canDuplicate: boolean): Array<SeededIneligibility | 'eligible'> {
  const kinds = SEEDED_INELIGIBILITIES.filter((kind) => canDuplicate || kind !== 'duplicate');
  const ineligible = Math.round(pending * INELIGIBLE_SHARE);
  const plan: Array<SeededIneligibility | 'eligible'> = [];
  for (let i = 0; i < pending; i++) plan.push(i < ineligible ? kinds[i % kinds.length]! : 'eligible');
  return random.shuffle(plan);
}

// ---------------------------------------------------------------------------------------------
// One listing

type GenerationState = {
  neqs: Set<string>;
  phones: Set<string>;
  domains: Set<string>;
  /** slugify(name + town) of every listing so far. */
  nameTowns: Set<string>;
  approvedNameTowns: Set<string>;
  /** The year whose holidays the opening hours name. */
  year: number;
  inQuebec?: DemoOptions['inQuebec'];
};

const nameTownKey = (row: Pick<DemoMerchant, 'name' | 'city'>) => slugify(`${row.name} ${row.city}`);

function makeMerchant(
  random: Random,
  state: GenerationState,
  status: DemoMerchant['status'],
  town: Municipality,
  fixed?: FixedName,
): DemoMerchant {
  const categorySlug = fixed?.category ?? pickCategory(random);
  const category = CATEGORIES[categorySlug]!;
  const kind = fixed ? category.kinds.find((k) => k.id === fixed.kind)! : random.pick(category.kinds);
  const words = townWords(town.name);
  const { name, first } = fixed ? { name: fixed.name, first: random.pick(FIRST_NAMES) } : uniqueName(random, state, kind, words);
  state.nameTowns.add(slugify(`${name} ${town.name}`));
  const domain = uniqueDomain(state, slugify(name), slugify(town.name));
  const where = placeShop(random, state, town, slugify(`${name} ${town.name}`));
  return {
    status,
    name,
    category_slug: categorySlug,
    ...descriptions(random, kind, words, first, random.chance(status === 'approved' ? 0.85 : 0.7)),
    street_address: random.chance(0.97) ? streetAddress(random, town) : '',
    city: town.name,
    municipality_code: town.code,
    region_code: town.region_code,
    postal_code: postalCode(random, town),
    ...where,
    phone: random.chance(0.93) ? uniquePhone(random, state, random.pick(areaCodes(town))) : null,
    website: random.chance(0.8) ? `https://${random.chance(0.5) ? 'www.' : ''}${domain}` : null,
    social_links: socialLinks(random, domain),
    opening_hours: random.chance(0.95) ? openingHours(random, kind.hours, state.year) : {},
    ways_to_buy: waysToBuy(slugify(`${name} ${town.name}`), town.name, domain, where.location_precision),
    contact_email: `${random.pick(MAILBOXES)}@${domain}`,
    neq: uniqueNeq(random, state),
    seededIneligibility: null,
  };
}

/**
 * Ways to buy, from the shop's name and town (not the random stream, so the rest of the demo stays
 * as it was): most sell in store (not a delivery-only one), about a third deliver in their area, a
 * quarter offer curbside pickup or an online store, two in five gift cards.
 */
function waysToBuy(key: string, town: string, domain: string, precision: DemoMerchant['location_precision']): WaysToBuy {
  const h = hashOf(`ways:${key}`);
  const ways: WaysToBuy = {};
  if (precision !== 'none' && h % 100 < 88) ways.in_store = true;
  if ((h >>> 7) % 100 < 26) ways.curbside = true;
  if (precision === 'none' || (h >>> 11) % 100 < 34) {
    ways.delivery = true;
    if ((h >>> 17) % 2) ways.delivery_area = `${town} et les environs`;
  }
  if ((h >>> 19) % 100 < 24) ways.online_store = `https://boutique.${domain}`;
  if ((h >>> 25) % 100 < 40) ways.gift_cards = true;
  return ways;
}

/**
 * A name not yet used in this town: the same name in two towns is realistic (and wanted), twenty
 * "Librairie de Montréal" are not, and each one costs the slug trigger an extra lookup.
 */
function uniqueName(random: Random, state: GenerationState, kind: Kind, town: TownWords): { name: string; first: string } {
  let candidate = { name: '', first: '' };
  for (let tries = 0; tries < 8; tries++) {
    candidate = fillName(random, tries < 6 ? random.pick(kind.names) : `${kind.fallback} {family}-{family2}`, town);
    if (!state.nameTowns.has(slugify(`${candidate.name} ${town.name}`))) break;
  }
  return candidate;
}

/** Re-registration of an approved business: same town, and some of its identifiers. */
function makeDuplicate(random: Random, state: GenerationState, original: DemoMerchant): DemoMerchant {
  const copy: DemoMerchant = { ...original, status: 'pending', seededIneligibility: 'duplicate', social_links: [...original.social_links] };
  switch (random.int(0, 2)) {
    case 0: // same name and town, typed differently; new phone and NEQ (registered again by someone else)
      copy.name = random.chance(0.5) ? original.name.toUpperCase() : stripAccents(original.name);
      copy.neq = uniqueNeq(random, state);
      copy.phone = uniquePhone(random, state, original.phone?.slice(2, 5) ?? random.pick(areaCodesOf(original)));
      break;
    case 1: // same NEQ under a slightly different name
      copy.name = original.name.endsWith(' inc.') ? original.name.slice(0, -5) : `${original.name} inc.`;
      copy.phone = original.phone === null ? null : uniquePhone(random, state, original.phone.slice(2, 5));
      break;
    default: // same phone number and NEQ, another address format
      copy.street_address = original.street_address.replace(/^(\d+),/, (_, n: string) => `${n}-A,`);
  }
  return copy;
}

// A delivery-only shop has no point: its area code is drawn as for the south of its region.
const areaCodesOf = (row: DemoMerchant) => areaCodes({ code: row.municipality_code!, region_code: row.region_code!, latitude: row.latitude ?? 0 });

const OUTSIDE_QUEBEC: ReadonlyArray<{ city: string; prefix: string; area: string; latitude: number; longitude: number }> = [
  { city: 'Ottawa', prefix: 'K1', area: '613', latitude: 45.4215, longitude: -75.6972 },
  { city: 'Hawkesbury', prefix: 'K6A', area: '613', latitude: 45.6078, longitude: -74.6048 },
  { city: 'Cornwall', prefix: 'K6', area: '613', latitude: 45.0213, longitude: -74.7303 },
  { city: 'Toronto', prefix: 'M5', area: '416', latitude: 43.6532, longitude: -79.3832 },
  { city: 'Sudbury', prefix: 'P3', area: '705', latitude: 46.4917, longitude: -80.993 },
  { city: 'Edmundston', prefix: 'E3V', area: '506', latitude: 47.3737, longitude: -68.3251 },
  { city: 'Campbellton', prefix: 'E3N', area: '506', latitude: 48.0075, longitude: -66.6727 },
  { city: 'Moncton', prefix: 'E1C', area: '506', latitude: 46.0878, longitude: -64.7782 },
  { city: 'Halifax', prefix: 'B3H', area: '902', latitude: 44.6488, longitude: -63.5752 },
];

/** A business from a neighbouring province: everything else is in order, including its NEQ. */
function makeOutsideQuebec(random: Random, state: GenerationState): DemoMerchant {
  const place = random.pick(OUTSIDE_QUEBEC);
  const categorySlug = pickCategory(random);
  const kind = random.pick(CATEGORIES[categorySlug]!.kinds);
  const words = townWords(place.city);
  const { name, first } = uniqueName(random, state, kind, words);
  const domain = uniqueDomain(state, slugify(name), slugify(place.city));
  const [latitude, longitude] = nearby(random, place.latitude, place.longitude, 3);
  let postal = place.prefix;
  while (postal.length < 3) postal += postal.length === 1 ? String(random.int(1, 9)) : random.pick(POSTAL_LETTERS);
  return {
    status: 'pending',
    name,
    category_slug: categorySlug,
    ...descriptions(random, kind, words, first, true),
    street_address: `${random.int(10, 2999)} ${random.pick(['Main Street', 'King Street', 'Queen Street', 'Water Street', 'rue Principale'])}`,
    city: place.city,
    municipality_code: null,
    region_code: null,
    postal_code: `${postal} ${random.int(0, 9)}${random.pick(POSTAL_LETTERS)}${random.int(0, 9)}`,
    latitude,
    longitude,
    location_precision: 'pin',
    phone: uniquePhone(random, state, place.area),
    website: `https://${domain}`,
    social_links: socialLinks(random, domain),
    opening_hours: openingHours(random, kind.hours, state.year),
    ways_to_buy: { in_store: true },
    contact_email: `contact@${domain}`,
    neq: uniqueNeq(random, state),
    seededIneligibility: 'outside_quebec',
  };
}

// ---------------------------------------------------------------------------------------------
// Identifiers

const NEQ_PREFIXES = ['11', '22', '33', '88'] as const;

/** Quebec enterprise number: 10 digits starting with 11, 22, 33 or 88; unique across the data set. */
function uniqueNeq(random: Random, state: GenerationState): string {
  for (;;) {
    // Mostly 11 (sole proprietors) and 33 (companies), then 22 (partnerships) and 88 (others).
    const neq = random.pick(['11', '11', '22', '33', '33', '88'] as const) + random.digits(8);
    if (!state.neqs.has(neq)) return state.neqs.add(neq), neq;
  }
}

function malformedNeq(random: Random): string {
  switch (random.int(0, 2)) {
    case 0: return random.pick(NEQ_PREFIXES) + random.digits(7); // a digit short
    case 1: return random.pick(['12', '45', '70', '99']) + random.digits(8); // no such kind of enterprise
    default: return `${random.pick(NEQ_PREFIXES)}${random.digits(2)} ${random.digits(3)} ${random.digits(3)}`; // typed with spaces
  }
}

function uniquePhone(random: Random, state: GenerationState, area: string): string {
  for (;;) {
    // Exchange 2xx–9xx, never N11 (service codes) nor 555.
    const exchange = random.int(200, 999);
    if (exchange % 100 === 11 || exchange === 555) continue;
    const phone = `+1${area}${exchange}${random.digits(4)}`;
    if (!state.phones.has(phone)) return state.phones.add(phone), phone;
  }
}

/** Area codes in use around a town. */
function areaCodes(town: Pick<Municipality, 'code' | 'region_code' | 'latitude'>): readonly string[] {
  const division = Number(town.code.slice(0, 2));
  if (town.region_code === '06') return ['514', '514', '438'];
  if (['13', '14', '16'].includes(town.region_code)) return ['450', '450', '579'];
  if (town.region_code === '15') return town.latitude > 46 ? ['819', '873'] : ['450', '450', '579'];
  if (division === 46 || division === 47) return ['450', '579']; // Brome-Missisquoi, Haute-Yamaska
  if (['01', '02', '03', '09', '11', '12'].includes(town.region_code) || ['99020', '99025'].includes(town.code)) {
    return ['418', '418', '581', '367'];
  }
  return ['819', '819', '873']; // Mauricie, Estrie, Outaouais, Abitibi, Nord-du-Québec, Centre-du-Québec
}

const POSTAL_LETTERS = 'ABCEGHJKLMNPRSTVWXYZ'.split(''); // never D F I O Q U

/**
 * First letter from Canada Post's districts: H for Montréal and Laval, G for eastern Quebec (up to
 * Trois-Rivières, Victoriaville and Lac-Mégantic, plus the Saguenay, Côte-Nord and Gaspésie), J for
 * the west and south.
 */
export function postalLetter(town: Pick<Municipality, 'code'>): 'G' | 'H' | 'J' {
  const division = Number(town.code.slice(0, 2));
  if (division === 65 || division === 66) return 'H';
  if (division <= 39 || (division >= 90 && division <= 98)) return 'G';
  if (division === 99) return ['99020', '99025'].includes(town.code) ? 'G' : 'J'; // Chapais, Chibougamau
  return 'J';
}

function postalCode(random: Random, town: Municipality): string {
  // A town's listings share its few forward sortation areas (the first three characters); a rural
  // one (under 5,000 people, outside the H district) has a 0 as its second character, as in "G0L".
  const letter = postalLetter(town);
  const areas = Math.min(40, Math.max(1, Math.round(town.population / 25_000)));
  const hash = fnv1a(`${town.code}/${random.int(0, areas - 1)}`);
  const digit = town.population < 5_000 && letter !== 'H' ? 0 : 1 + (hash % 9);
  const fsa = `${letter}${digit}${POSTAL_LETTERS[(hash >>> 8) % POSTAL_LETTERS.length]}`;
  return `${fsa} ${random.int(0, 9)}${random.pick(POSTAL_LETTERS)}${random.int(0, 9)}`;
}

function fnv1a(text: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) hash = Math.imul(hash ^ text.charCodeAt(i), 0x01000193);
  return hash >>> 0;
}

/** A point within radiusKm of a centre, uniform over the disc, rounded to about a metre. */
/**
 * Where a shop is shown: most at a street-level point within 3 km of the town's reference point
 * (drawn again, up to 20 times, until it is in Quebec: Gatineau's circle reaches Ottawa), some
 * at the town's point (run from home), a few nowhere (delivery only). Which of the three comes from
 * the name and town, not from the random stream, so the rest of the demo data is unchanged by it.
 */
function placeShop(random: Random, state: GenerationState, town: Municipality, key: string): Pick<DemoMerchant, 'latitude' | 'longitude' | 'location_precision'> {
  const share = (hashOf(key) % 1000) / 1000;
  if (share < LOCATION_SHARES.none) return { latitude: null, longitude: null, location_precision: 'none' };
  if (share < LOCATION_SHARES.none + LOCATION_SHARES.town) return { latitude: town.latitude, longitude: town.longitude, location_precision: 'town' };
  for (let attempt = 0; attempt < 20; attempt++) {
    const [latitude, longitude] = nearby(random, town.latitude, town.longitude, 3);
    if (!state.inQuebec || state.inQuebec(latitude, longitude)) return { latitude, longitude, location_precision: 'pin' };
  }
  return { latitude: town.latitude, longitude: town.longitude, location_precision: 'town' };
}

/** FNV-1a: a stable number from a text. */
function hashOf(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193) >>> 0;
  return h;
}

function nearby(random: Random, latitude: number, longitude: number, radiusKm: number): [number, number] {
  const distance = radiusKm * Math.sqrt(random.next());
  const angle = 2 * Math.PI * random.next();
  const lat = latitude + (distance * Math.cos(angle)) / 111.32;
  const lon = longitude + (distance * Math.sin(angle)) / (111.32 * Math.cos((latitude * Math.PI) / 180));
  return [Math.round(lat * 1e5) / 1e5, Math.round(lon * 1e5) / 1e5];
}

/** "boulangerie-du-village.example.ca", or with the town when another listing has that name. */
function uniqueDomain(state: GenerationState, nameSlug: string, townSlug: string): string {
  const base = nameSlug.slice(0, 50).replace(/-+$/, '') || 'commerce';
  for (let n = 1; ; n++) {
    const label = n === 1 ? base : n === 2 ? `${base}-${townSlug}`.slice(0, 63).replace(/-+$/, '') : `${base}-${n}`;
    const domain = `${label}.example.ca`;
    if (!state.domains.has(domain)) return state.domains.add(domain), domain;
  }
}

const MAILBOXES = ['contact', 'contact', 'contact', 'info', 'bonjour'];

function socialLinks(random: Random, domain: string): string[] {
  const handle = domain.split('.')[0]!;
  const links: string[] = [];
  if (random.chance(0.4)) links.push(`https://www.facebook.com/${handle.replaceAll('-', '')}`);
  if (random.chance(0.3)) links.push(`https://www.instagram.com/${handle.replaceAll('-', '_')}`);
  return links;
}

const STREETS = [
  'rue Principale', 'rue Saint-Jean', 'rue Notre-Dame', "rue de l'Église", 'rue du Moulin', 'rue des Érables',
  'rue King', 'rue Wellington', 'boulevard René-Lévesque', 'chemin du Lac', 'avenue du Parc', 'rang Saint-Joseph',
  '3e Avenue', 'rue Saint-Georges', 'boulevard Taschereau', 'rue Racine', 'route 132', 'rue du Couvent',
  'rue Frontenac', 'chemin de la Rivière', 'rue Sainte-Anne', 'rue Champlain', 'rue Laurier', 'avenue de la Gare',
];
const MONTREAL_STREETS = [
  'rue Saint-Denis', 'avenue du Mont-Royal Est', 'rue Sainte-Catherine Ouest', 'boulevard Saint-Laurent',
  'rue Ontario Est', 'rue Masson', 'rue Wellington', 'rue Fleury Ouest', 'rue Beaubien Est', 'rue Saint-Hubert',
  'avenue Bernard', 'avenue Laurier Ouest', 'rue Notre-Dame Ouest', 'avenue Monkland', 'rue Jarry Est',
];
const QUEBEC_STREETS = [
  'avenue Cartier', 'rue Saint-Jean', 'boulevard René-Lévesque Ouest', '3e Avenue', 'rue Saint-Joseph Est',
  'avenue Maguire', "route de l'Église", 'rue Saint-Paul', 'chemin Sainte-Foy', 'avenue Myrand',
];

function streetAddress(random: Random, town: Municipality): string {
  const streets = town.code === '66023' ? MONTREAL_STREETS : town.code === '23027' ? QUEBEC_STREETS : STREETS;
  const number = town.population > 50_000 ? random.int(10, 9999) : random.int(1, 1200);
  const unit = random.chance(0.08) ? `, local ${random.int(100, 250)}` : '';
  return `${number}, ${random.pick(streets)}${unit}`;
}

// ---------------------------------------------------------------------------------------------
// Names

type TownWords = { name: string; de: string; a: string };

/** "de Québec", "d'Alma", "des Escoumins", "du Bic"; "à Québec", "aux Escoumins", "au Bic". */
function townWords(name: string): TownWords {
  if (name.startsWith('Les ')) return { name, de: `des ${name.slice(4)}`, a: `aux ${name.slice(4)}` };
  if (name.startsWith('Le ')) return { name, de: `du ${name.slice(3)}`, a: `au ${name.slice(3)}` };
  return { name, de: elide(`de ${name}`), a: `à ${name}` };
}

/** "de Amélie" → "d'Amélie", "de Hélène" → "d'Hélène"; Havre keeps its aspirated h. */
function elide(text: string): string {
  return text.replace(/(?<=^|\s)de (?=[AEIOUYÂÉÈÊÎÔ]|H(?!avre))/g, "d'");
}

function stripAccents(text: string): string {
  return text.normalize('NFD').replace(/[\u0300-\u036f]/g, '');
}

export const FAMILY_NAMES = [
  'Tremblay', 'Gagnon', 'Roy', 'Côté', 'Bouchard', 'Gauthier', 'Morin', 'Lavoie', 'Fortin', 'Gagné',
  'Ouellet', 'Pelletier', 'Bélanger', 'Lévesque', 'Bergeron', 'Leblanc', 'Paquette', 'Girard', 'Simard',
  'Boucher', 'Caron', 'Beaulieu', 'Cloutier', 'Dubé', 'Poirier', 'Fournier', 'Lapointe', 'Leclerc',
  'Lefebvre', 'Poulin', 'Thibault', 'St-Pierre', 'Nadeau', 'Martin', 'Landry', 'Martel', 'Bédard',
  'Grenier', 'Lessard', 'Bernier', 'Richard', 'Michaud', 'Hébert', 'Desjardins', 'Couture', 'Turcotte',
  'Lachance', 'Parent', 'Blais', 'Gosselin', 'Savard', 'Proulx', 'Beaudoin', 'Demers', 'Perron',
  'Boudreau', 'Marchand', 'Lemieux', 'Robitaille', "D'Amours", 'Des Rosiers', 'Bisson', 'Champagne',
  'Allard', 'Vaillancourt', 'Drolet', 'Labbé', 'Thériault', 'Brisson', 'Harvey', 'Duchesne', 'Laflamme',
];

const FIRST_NAMES = [
  'Ginette', 'Réjean', 'Sylvie', 'Gaétan', 'Josée', 'Benoît', 'Francine', 'Jacinthe', 'Mélanie', 'Stéphane',
  'Geneviève', 'Mathieu', 'Émilie', 'François', 'Chantal', 'Hélène', 'Marie-Ève', 'Jean-François',
  'Nathalie', 'Luc', 'Denis', 'Lucie', 'Élise', 'Sophie', 'Julie', 'Maxime', 'Olivier', 'Catherine',
  'Isabelle', 'Yves', 'Pierrette', 'Gisèle', 'Micheline', 'Normand', 'Ghislain', 'Louise', 'Noémie',
  'Léa', 'Zoé', 'Félix', 'Thomas', 'Éloïse', 'Rosalie', 'Simone', 'Amélie', 'Mireille', 'Rémi', 'Annie',
  'Karine', 'Raphaël', 'Anne-Marie', 'Gilles', 'Lise', 'Marc-André', 'Valérie',
];

const SAINTS = [
  'Saint-Éloi', 'Saint-Jean', 'Sainte-Anne', 'Saint-Joseph', 'Saint-Laurent', 'Sainte-Cécile', 'Saint-Honoré',
  'Saint-Roch', 'Sainte-Foy', 'Saint-Denis', 'Saint-Michel', 'Sainte-Rose', 'Saint-Augustin', 'Saint-Benoît',
  'Sainte-Marthe', 'Saint-Fabien', 'Sainte-Brigitte', 'Saint-Urbain',
];

const PLACES = [
  'du Village', 'du Coin', 'du Quartier', 'de la Place', 'du Marché', 'du Vieux-Port', 'du Terroir',
  'de la Rivière', 'du Lac', 'des Érables', 'du Bourg', 'de la Gare', 'du Moulin', "de l'Anse", 'du Faubourg',
  'des Cantons', 'du Fleuve', 'de la Montagne', 'du Boisé', 'du Rang', "de l'Île", 'du Parc', 'de la Côte',
  'des Pionniers', 'du Clocher', 'du Havre', 'du Vallon', 'des Battures', 'de la Pointe', 'des Bouleaux',
];

/** Fills a name pattern; the first name it uses (or a random one) also appears in the description. */
function fillName(random: Random, pattern: string, town: TownWords): { name: string; first: string } {
  const first = random.pick(FIRST_NAMES);
  const name = elide(pattern
    .replaceAll('{family2}', random.pick(FAMILY_NAMES))
    .replaceAll('{family}', random.pick(FAMILY_NAMES))
    .replaceAll('{first2}', random.pick(FIRST_NAMES))
    .replaceAll('{first}', first)
    .replaceAll('{place}', random.pick(PLACES))
    .replaceAll('{saint}', random.pick(SAINTS))
    .replaceAll('{deTown}', town.de)
    .replaceAll('{town}', town.name));
  return { name: name.length <= 120 ? name : name.slice(0, 120).trimEnd(), first };
}

// ---------------------------------------------------------------------------------------------
// Descriptions: an opening and a detail of the kind of business, often a closing about the town.

type Pair = readonly [fr: string, en: string];

function descriptions(
  random: Random,
  kind: Kind,
  town: TownWords,
  first: string,
  withEnglish: boolean,
): { description_fr: string; description_en: string } {
  const year = String(random.int(1948, 2023));
  const sentences: Pair[] = [random.pick(kind.intros), random.pick(kind.details)];
  if (random.chance(0.7)) sentences.push(random.pick(CLOSINGS));
  const fill = (text: string) =>
    text.replaceAll('{year}', year).replaceAll('{first}', first).replaceAll('{deTown}', town.de)
      .replaceAll('{aTown}', town.a).replaceAll('{town}', town.name);
  return {
    description_fr: sentences.map(([fr]) => elide(fill(fr))).join(' '),
    description_en: withEnglish ? sentences.map(([, en]) => fill(en)).join(' ') : '',
  };
}

const CLOSINGS: Pair[] = [
  ["Venez nous voir au cœur {deTown} : le stationnement est gratuit à l'arrière.", 'Come and see us in the heart of {town}: parking out back is free.'],
  ['Entreprise familiale, nous travaillons avec des producteurs et artisans de la région.', 'As a family business, we work with producers and craftspeople from the region.'],
  ['On vous accueille en français comme en anglais, avec le sourire.', 'We welcome you in French or English, with a smile.'],
  ['Réservez ou commandez en ligne, et passez nous voir quand ça vous convient.', 'Book or order online, and drop by whenever it suits you.'],
  ["Faire affaire avec nous, c'est faire vivre l'économie {deTown}.", 'Doing business with us keeps the economy of {town} alive.'],
  ['Suivez-nous sur les réseaux sociaux pour ne rien manquer de nos nouveautés.', "Follow us on social media so you don't miss anything new."],
  ["L'entrée est de plain-pied et accessible aux poussettes comme aux fauteuils roulants.", 'The entrance is step-free and accessible to strollers and wheelchairs.'],
  ['Au plaisir de vous accueillir {aTown}!', 'We look forward to welcoming you in {town}!'],
];

// ---------------------------------------------------------------------------------------------
// Opening hours

type HoursStyle =
  | 'shop' | 'grocery' | 'convenience' | 'bakery' | 'cafe' | 'restaurant' | 'snack' | 'bar' | 'tasting'
  | 'salon' | 'office' | 'garden';
const WEEKEND = new Set<Day>(['sat', 'sun']);

function openingHours(random: Random, style: HoursStyle, year: number): OpeningHours {
  const week: NonNullable<OpeningHours['week']> = {};
  const span = (open: string, close: string): Span[] => [[open, close]];
  const every = (hoursOf: (day: Day) => Span[]) => {
    for (const day of DAYS) week[day] = hoursOf(day);
  };
  const hours: OpeningHours = { week };
  switch (style) {
    case 'shop': { // Quebec retail: late Thursday and Friday, a short Sunday or none
      const open = random.pick(['09:00', '09:30', '10:00']);
      const close = random.pick(['17:30', '18:00']);
      const sunday = random.chance(0.6);
      every((day) => day === 'sun' ? (sunday ? span('12:00', '17:00') : []) : day === 'sat' ? span(open, '17:00')
        : day === 'thu' || day === 'fri' ? span(open, '21:00') : span(open, close));
      break;
    }
    case 'grocery': {
      const [open, close] = random.pick([['08:00', '21:00'], ['09:00', '20:00'], ['08:00', '22:00']] as const);
      every(() => span(open, close));
      break;
    }
    case 'convenience': {
      const close = random.pick(['23:00', '24:00']);
      every(() => span('07:00', close));
      break;
    }
    case 'bakery': {
      const open = random.pick(['06:30', '07:00', '07:30']);
      every((day) => day === 'mon' ? [] : span(open, day === 'sun' ? '14:00' : '18:00'));
      break;
    }
    case 'cafe': {
      const open = random.pick(['06:30', '07:00', '08:00']);
      every((day) => span(WEEKEND.has(day) ? '08:00' : open, WEEKEND.has(day) ? '16:00' : '17:00'));
      break;
    }
    case 'restaurant': { // lunch and dinner; closed Monday, and Tuesday for some
      const closedTuesday = random.chance(0.4);
      every((day) => day === 'mon' || (day === 'tue' && closedTuesday) ? []
        : WEEKEND.has(day) ? span('17:00', '22:00') : [['11:30', '14:00'], ['17:00', '22:00']]);
      break;
    }
    case 'snack': {
      const close = random.pick(['20:00', '21:00', '22:00']);
      every(() => span('11:00', close));
      break;
    }
    case 'bar': { // Quebec bars may serve until 3 a.m.: late nights run past midnight
      const late = random.pick(['01:00', '02:00', '03:00']);
      every((day) => day === 'mon' || day === 'tue' ? []
        : day === 'fri' || day === 'sat' ? span(day === 'sat' ? '12:00' : '15:00', late) : span(WEEKEND.has(day) ? '12:00' : '15:00', '24:00'));
      break;
    }
    case 'tasting': { // vineyards and distilleries open from spring to fall
      every((day) => ['thu', 'fri', 'sat', 'sun'].includes(day) ? span('11:00', '17:00') : []);
      hours.closedSeasons = [{ from: random.pick(['11-01', '11-15']), to: random.pick(['04-30', '05-15']) }];
      break;
    }
    case 'salon': {
      every((day) => day === 'sun' || day === 'mon' ? [] : day === 'sat' ? span('09:00', '16:00')
        : day === 'thu' || day === 'fri' ? span('09:00', '20:00') : span('09:00', '17:00'));
      break;
    }
    case 'office': {
      const lunch = random.chance(0.5);
      const saturday = random.chance(0.5);
      every((day) => day === 'sun' ? [] : day === 'sat' ? (saturday ? span('09:00', '12:00') : [])
        : lunch ? [['08:30', '12:00'], ['13:00', '17:00']] : span('08:00', '17:00'));
      break;
    }
    case 'garden': { // garden centres close for the winter
      const open = random.pick(['08:00', '09:00']);
      every((day) => span(open, day === 'sun' ? '17:00' : '19:00'));
      if (random.chance(0.7)) hours.closedSeasons = [{ from: '11-15', to: random.pick(['03-31', '04-15']) }];
      break;
    }
  }
  // The holidays of the season: closed on Christmas, shorter hours on Christmas Eve, closed on the
  // Fête nationale; a few businesses are closed for a while (renovations, illness).
  if (random.chance(0.5)) {
    hours.exceptions = [
      { date: `${year}-12-24`, spans: [['09:00', random.pick(['15:00', '16:00'])]] },
      { date: `${year}-12-25`, until: `${year}-12-26`, spans: [] },
      { date: `${year + 1}-01-01`, spans: [] },
      { date: `${year + 1}-06-24`, spans: [] },
    ];
  }
  if (random.chance(0.01)) hours.temporarilyClosed = true;
  return hours;
}

// ---------------------------------------------------------------------------------------------
// Categories (slugs of supabase/migrations/20261127040000_reference_data.sql) and, in each, kinds of
// business whose names, hours and sentences go together: a "Massothérapie" is not a hair salon.

type Kind = {
  id: string;
  hours: HoursStyle;
  names: string[];
  /** The trade, for "{fallback} Tremblay-Gagnon" when the usual names are all taken in a town. */
  fallback: string;
  intros: Pair[];
  details: Pair[];
};
type Category = { weight: number; kinds: Kind[] };

function pickCategory(random: Random): string {
  let target = random.next() * CATEGORY_WEIGHT_TOTAL;
  for (const [slug, category] of CATEGORY_ENTRIES) if ((target -= category.weight) < 0) return slug;
  return CATEGORY_ENTRIES[CATEGORY_ENTRIES.length - 1]![0];
}

export const CATEGORIES: Readonly<Record<string, Category>> = {
  'epicerie-alimentation': { weight: 9, kinds: [
    { id: 'epicerie', hours: 'grocery', fallback: 'Marché',
      names: ['Épicerie {family}', 'Marché {family}', 'Marché {place}', "L'Épicerie d'à côté", 'Épicerie {place}',
        'Marché {family} & Fils', 'Fruiterie {deTown}', 'Fruiterie {family}', 'Vrac & Bocaux {place}'],
      intros: [
        ['Depuis {year}, notre épicerie de quartier offre fruits, légumes et produits du Québec.', 'Since {year}, our neighbourhood grocery has offered fruit, vegetables and Quebec products.'],
        ['Fruits et légumes frais, choisis chaque matin chez les maraîchers de la région.', 'Fresh fruit and vegetables, chosen every morning from the region’s market gardeners.'],
        ['Épicerie zéro déchet où presque tout se vend en vrac.', 'A zero-waste grocery where almost everything is sold in bulk.'],
      ],
      details: [
        ["Notre comptoir de prêt-à-manger change chaque semaine selon l'arrivage.", 'Our ready-to-eat counter changes every week with what comes in.'],
        ['Apportez vos contenants : on les pèse à l’entrée.', 'Bring your own containers: we weigh them at the door.'],
        ["Sirop d'érable, miel et confitures viennent de fermes situées à moins de 100 km.", 'Maple syrup, honey and jams come from farms less than 100 km away.'],
      ] },
    { id: 'epicerie-fine', hours: 'shop', fallback: 'Épicerie fine',
      names: ['Épicerie fine {saint}', 'Le Garde-manger de {first}', 'Épicerie fine {family}', 'Les Délices {place}'],
      intros: [
        ["Épicerie fine où l'on trouve fromages d'ici, charcuteries et conserves maison.", 'A fine-food grocery with local cheeses, cold cuts and home-made preserves.'],
        ['Ouverte par {first} en {year}, notre épicerie fine déniche les meilleurs produits du terroir québécois.', 'Opened by {first} in {year}, our fine-food shop seeks out the best of Quebec’s local produce.'],
      ],
      details: [
        ['Paniers-cadeaux composés sur demande, livrés partout en ville.', 'Gift baskets made to order and delivered anywhere in town.'],
        ['Dégustations de producteurs invités le samedi.', 'Tastings with guest producers on Saturdays.'],
        ['Huiles, vinaigres et épices sont offerts en format recharge.', 'Oils, vinegars and spices come in refill sizes.'],
      ] },
    { id: 'depanneur', hours: 'convenience', fallback: 'Dépanneur',
      names: ['Dépanneur chez {first}', 'Dépanneur {family}', 'Dépanneur {place}', 'Dépanneur {saint}'],
      intros: [
        ['Votre dépanneur ouvert tard, avec pain frais, lait et journaux chaque matin.', 'Your late-night convenience store, with fresh bread, milk and newspapers every morning.'],
        ['Dépanneur de quartier tenu par la même famille depuis {year}.', 'A neighbourhood convenience store run by the same family since {year}.'],
      ],
      details: [
        ['Grand choix de bières de microbrasseries québécoises, toujours bien froides.', 'A wide choice of Quebec craft beers, always cold.'],
        ['Comptoir de loterie, timbres et paiement de factures.', 'Lottery counter, stamps and bill payments.'],
        ['Café chaud et sandwichs préparés chaque matin.', 'Hot coffee and sandwiches made every morning.'],
      ] },
  ] },
  'boulangerie-patisserie': { weight: 7, kinds: [
    { id: 'boulangerie', hours: 'bakery', fallback: 'Boulangerie',
      names: ['Boulangerie {family}', 'Boulangerie {place}', 'Boulangerie {saint}', 'Le Fournil {place}', 'La Mie de {first}',
        'Au Pain doré {deTown}', 'Boulangerie-pâtisserie {family} & Fils', 'Le Fournil de {first}'],
      intros: [
        ['Boulangerie artisanale qui pétrit chaque nuit ses pains au levain naturel depuis {year}.', 'An artisan bakery that has kneaded its natural sourdough breads every night since {year}.'],
        ["Ici, les farines viennent de moulins québécois et le beurre d'une laiterie voisine.", 'Here the flour comes from Quebec mills and the butter from a nearby dairy.'],
      ],
      details: [
        ['Nos croissants sortent du four dès 7 h ; les tartes au sucre partent vite le samedi.', 'Our croissants come out of the oven at 7 a.m.; the sugar pies go fast on Saturdays.'],
        ['Une sélection de pains sans gluten est cuite dans un four séparé.', 'A selection of gluten-free breads is baked in a separate oven.'],
        ['Le pain de la veille est vendu à moitié prix.', 'Yesterday’s bread is sold at half price.'],
      ] },
    { id: 'patisserie', hours: 'bakery', fallback: 'Pâtisserie',
      names: ['Pâtisserie chez {first}', 'Les Délices de {first}', 'Pâtisserie {family}', 'Pâtisserie {saint}', 'Chocolaterie {family}'],
      intros: [
        ['Pâtisseries fines, viennoiseries pur beurre et gâteaux de fête faits sur place.', 'Fine pastries, all-butter viennoiseries and celebration cakes made on site.'],
        ['{first} a ouvert sa pâtisserie en {year}, après des années dans les grandes cuisines.', '{first} opened this pastry shop in {year}, after years in fine-dining kitchens.'],
      ],
      details: [
        ['Commandez vos bûches et gâteaux 48 heures à l’avance.', 'Order your yule logs and cakes 48 hours ahead.'],
        ['Nos chocolats sont moulés à la main, à partir de cacao équitable.', 'Our chocolates are hand-moulded from fair-trade cocoa.'],
        ['Les macarons changent de parfum au fil des saisons.', 'Our macarons change flavour with the seasons.'],
      ] },
  ] },
  'boucherie-poissonnerie': { weight: 4, kinds: [
    { id: 'boucherie', hours: 'shop', fallback: 'Boucherie',
      names: ['Boucherie {family}', 'Boucherie {place}', 'Charcuterie {family} & Fils', 'La Boucherie de {first}', 'Boucherie {saint}'],
      intros: [
        ['Boucherie de quartier depuis {year}, nous découpons sur place des viandes élevées au Québec.', 'A neighbourhood butcher since {year}, we cut Quebec-raised meats on site.'],
        ['Boucherie artisanale : viandes de fermes de la région, vieillies dans notre chambre froide.', 'An artisan butcher: meat from the region’s farms, aged in our own cold room.'],
      ],
      details: [
        ['Nos saucisses, cretons et tourtières suivent les recettes de la famille.', 'Our sausages, cretons and meat pies follow family recipes.'],
        ['Commandez vos rôtis et dindes des Fêtes à l’avance.', 'Order your holiday roasts and turkeys ahead of time.'],
        ['Plats cuisinés maison, prêts à réchauffer.', 'Home-made dishes, ready to heat up.'],
      ] },
    { id: 'poissonnerie', hours: 'shop', fallback: 'Poissonnerie',
      names: ['Poissonnerie {place}', 'Poissonnerie {family}', 'Poissonnerie {deTown}', 'Les Fruits de mer {family}'],
      intros: [
        ['Poissons et fruits de mer arrivent de Gaspésie et de la Côte-Nord plusieurs fois par semaine.', 'Fish and seafood arrive from the Gaspé and the North Shore several times a week.'],
        ['Poissonnerie familiale depuis {year}, fière de servir la pêche du Saint-Laurent.', 'A family fish market since {year}, proud to serve the St. Lawrence catch.'],
      ],
      details: [
        ['Le homard des Îles est offert en saison, cuit ou vivant.', 'Magdalen Islands lobster is available in season, cooked or live.'],
        ['Notre fumoir maison prépare saumon et maquereau fumés.', 'Our own smokehouse prepares smoked salmon and mackerel.'],
        ['Demandez nos plateaux pour vos réceptions, préparés la veille.', 'Ask for our party platters, prepared the day before.'],
      ] },
    { id: 'fromagerie', hours: 'shop', fallback: 'Fromagerie',
      names: ['Fromagerie {saint}', 'Fromagerie {family}', 'Fromagerie {deTown}', 'Fromagerie {place}'],
      intros: [
        ['Plus de 150 fromages québécois, au lait cru ou pasteurisé, à goûter avant d’acheter.', 'Over 150 Quebec cheeses, raw-milk or pasteurised, to taste before you buy.'],
        ['Fromagerie artisanale qui transforme le lait de son propre troupeau depuis {year}.', 'An artisan cheese dairy that has made cheese from its own herd’s milk since {year}.'],
      ],
      details: [
        ['Le fromage en grains du jour arrive chaque matin, encore tout frais.', 'Fresh cheese curds arrive every morning.'],
        ['Demandez nos plateaux pour vos réceptions, préparés la veille.', 'Ask for our party platters, prepared the day before.'],
        ["Une grande fenêtre donne sur la salle d'affinage.", 'A large window looks onto the ripening room.'],
      ] },
  ] },
  'restaurant-cafe': { weight: 14, kinds: [
    { id: 'cafe', hours: 'cafe', fallback: 'Café',
      names: ['Café chez {first}', 'Café {saint}', 'Café {place}', 'Brûlerie {family}', 'Café {first}', 'Le Petit Café {deTown}'],
      intros: [
        ['Café de quartier où l’on torréfie nous-mêmes nos grains depuis {year}.', 'A neighbourhood café where we have roasted our own beans since {year}.'],
        ['Petit café chaleureux : espressos, pâtisseries maison et soupe du jour.', 'A cosy little café: espresso, home-made pastries and soup of the day.'],
      ],
      details: [
        ['La terrasse ouvre dès les premiers beaux jours, et les chiens y sont les bienvenus.', 'The terrace opens with the first warm days, and dogs are welcome.'],
        ['Wi-Fi gratuit et grandes tables pour travailler.', 'Free Wi-Fi and big tables to work at.'],
        ['Nos grains sont aussi vendus en vrac.', 'Our beans are also sold in bulk.'],
      ] },
    { id: 'restaurant', hours: 'restaurant', fallback: 'Restaurant',
      names: ['Bistro {place}', 'Restaurant {family}', 'Le Petit Bistro {deTown}', 'Chez {first} et {first2}',
        "L'Assiette de {first}", 'Restaurant {place}', 'Bistro {family}', 'La Table de {first}'],
      intros: [
        ['Petit bistro où le menu suit les saisons et les producteurs de la région.', 'A small bistro whose menu follows the seasons and the region’s producers.'],
        ['Table familiale fondée en {year}, connue pour sa tourtière et son pouding chômeur.', 'A family restaurant founded in {year}, known for its meat pie and pouding chômeur.'],
      ],
      details: [
        ['Menu du midi à prix doux en semaine; options végétariennes tous les jours.', 'Affordable weekday lunch menu; vegetarian options every day.'],
        ['Apportez votre vin : nous n’avons pas de permis d’alcool.', 'Bring your own wine: we have no liquor licence.'],
        ['Réservation conseillée le vendredi et le samedi soir.', 'Booking recommended on Friday and Saturday evenings.'],
      ] },
    { id: 'casse-croute', hours: 'snack', fallback: 'Casse-croûte',
      names: ['Casse-croûte chez {first}', 'Cantine chez {first}', 'La Binerie {place}', 'Casse-croûte {place}', 'Pizzeria {family}',
        "Resto-bar L'Escale {deTown}"],
      intros: [
        ['Cuisine réconfortante : poutine, pâté chinois et pouding chômeur comme à la maison.', 'Comfort food: poutine, shepherd’s pie and pouding chômeur, just like at home.'],
        ["Ouvert depuis {year} : hot-dogs steamés, frites maison et crème glacée molle l'été.", 'Open since {year}: steamed hot dogs, home-made fries and soft-serve in summer.'],
      ],
      details: [
        ['Commandes pour emporter par téléphone.', 'Take-out orders by phone.'],
        ['Le menu du jour change chaque midi.', 'The daily special changes every lunchtime.'],
        ['La terrasse ouvre dès les premiers beaux jours.', 'The terrace opens with the first warm days.'],
      ] },
  ] },
  'bieres-vins-spiritueux': { weight: 3, kinds: [
    { id: 'microbrasserie', hours: 'bar', fallback: 'Microbrasserie',
      names: ['Microbrasserie {place}', 'Brasserie {family}', 'Broue-pub chez {first}', 'Microbrasserie {deTown}'],
      intros: [
        ['Microbrasserie fondée par deux amis en {year}, avec une douzaine de bières brassées sur place.', 'A microbrewery founded by two friends in {year}, with a dozen beers brewed on site.'],
        ['Broue-pub où l’on sert nos bières avec une cuisine de pub faite maison.', 'A brewpub serving our beers with home-made pub food.'],
      ],
      details: [
        ['Le salon de dégustation accueille des spectacles le jeudi soir.', 'The tasting room hosts live music on Thursday evenings.'],
        ['Nos bières sont aussi vendues dans les dépanneurs et épiceries de la région.', 'Our beers are also sold in the region’s convenience stores and groceries.'],
        ['Remplissage de growlers au comptoir.', 'Growler refills at the counter.'],
      ] },
    { id: 'vignoble', hours: 'tasting', fallback: 'Vignoble',
      names: ['Vignoble {family}', 'Cidrerie {saint}', 'Vignoble {place}', 'Cidrerie {family}', 'Hydromellerie {place}', 'Domaine {family}'],
      intros: [
        ['Vignoble familial où l’on cultive des cépages rustiques adaptés à notre climat.', 'A family vineyard growing hardy grape varieties suited to our climate.'],
        ['Cidres de glace et mousseux issus de nos vergers, à déguster sur place.', 'Ice ciders and sparkling ciders from our orchards, to taste on site.'],
      ],
      details: [
        ['Visites guidées et dégustations les fins de semaine, sur réservation.', 'Guided tours and tastings on weekends, by reservation.'],
        ['Nos bouteilles sont aussi vendues dans les épiceries fines de la région.', 'Our bottles are also sold in the region’s fine-food shops.'],
        ['Autocueillette de pommes en septembre.', 'Pick-your-own apples in September.'],
      ] },
    { id: 'distillerie', hours: 'tasting', fallback: 'Distillerie',
      names: ['Distillerie {place}', 'Distillerie {family}', 'Distillerie {saint}'],
      intros: [
        ['Distillerie artisanale qui produit gin, vodka et whisky à partir de grains québécois.', 'A craft distillery making gin, vodka and whisky from Quebec grain.'],
        ['Fondée en {year}, notre distillerie aromatise son gin de plantes boréales cueillies à la main.', 'Founded in {year}, our distillery flavours its gin with hand-picked boreal plants.'],
      ],
      details: [
        ['Visites guidées et dégustations les fins de semaine, sur réservation.', 'Guided tours and tastings on weekends, by reservation.'],
        ['Nos spiritueux sont vendus à la boutique de la distillerie.', 'Our spirits are sold at the distillery shop.'],
      ] },
  ] },
  'mode-vetements': { weight: 7, kinds: [
    { id: 'boutique', hours: 'shop', fallback: 'Boutique',
      names: ['Boutique {first}', 'Mode {first} & {first2}', 'Chez {first} Mode', 'Boutique {saint}', 'Boutique {place}', 'La Garde-robe de {first}'],
      intros: [
        ['Boutique de vêtements pour femmes et hommes, avec une place de choix pour les designers québécois.', 'A clothing store for women and men, with pride of place for Quebec designers.'],
        ['Nos collections d’hiver sont pensées pour les grands froids : laine, duvet et doublures chaudes.', 'Our winter collections are made for deep cold: wool, down and warm linings.'],
      ],
      details: [
        ['Conseils personnalisés et cabine d’essayage accessible.', 'Personal advice and an accessible fitting room.'],
        ['Nouvelles collections chaque saison, en petites quantités.', 'New collections every season, in small quantities.'],
        ['Retouches faites sur place en moins d’une semaine.', 'Alterations done on site in less than a week.'],
      ] },
    { id: 'friperie', hours: 'shop', fallback: 'Friperie',
      names: ['Friperie {place}', 'Friperie chez {first}', 'Friperie {saint}'],
      intros: [
        ['Friperie soigneusement triée : vêtements d’occasion, vintage et accessoires.', 'A carefully sorted thrift shop: second-hand and vintage clothing and accessories.'],
        ['Friperie solidaire dont les profits soutiennent un organisme communautaire.', 'A charity thrift shop whose profits support a community organisation.'],
      ],
      details: [
        ['Nous achetons vos vêtements en bon état le mardi.', 'We buy your clothes in good condition on Tuesdays.'],
        ['Nouveaux arrivages tous les jours.', 'New arrivals every day.'],
        ['Une section vintage des années 70 à 90 attend les curieux.', 'A vintage section from the 70s to the 90s awaits the curious.'],
      ] },
    { id: 'mercerie', hours: 'shop', fallback: 'Mercerie',
      names: ['Mercerie {family} & Fils', 'Chaussures {family}', 'Les Tricots {family}', 'Chaussures {place}'],
      intros: [
        ['Mercerie fondée en {year}, spécialisée dans les complets et les retouches.', 'A menswear shop founded in {year}, specialising in suits and alterations.'],
        ['Chaussures et bottes d’hiver, dont plusieurs fabriquées au Québec.', 'Shoes and winter boots, many of them made in Quebec.'],
      ],
      details: [
        ['Retouches faites sur place en moins d’une semaine.', 'Alterations done on site in less than a week.'],
        ['Imperméabilisation offerte à l’achat de bottes.', 'Free waterproofing with every pair of boots.'],
      ] },
  ] },
  'maison-decoration': { weight: 5, kinds: [
    { id: 'meubles', hours: 'shop', fallback: 'Meubles',
      names: ['Meubles {family} & Fils', 'Meubles {family}', 'Luminaires {family}', 'Tapis & Rideaux {family}', 'Déco {family}',
        'Maison {first}', "L'Atelier {place}"],
      intros: [
        ['Meubles en bois massif fabriqués au Québec, de la table de cuisine au lit.', 'Solid-wood furniture made in Quebec, from kitchen tables to beds.'],
        ['Boutique de décoration depuis {year}, avec textiles, luminaires et idées-cadeaux.', 'A home-decor shop since {year}, with textiles, lighting and gift ideas.'],
      ],
      details: [
        ['Notre service de design intérieur se déplace à domicile.', 'Our interior design service visits you at home.'],
        ['Livraison et installation comprises pour les gros meubles.', 'Delivery and installation included for large furniture.'],
      ] },
    { id: 'brocante', hours: 'shop', fallback: 'Antiquités',
      names: ['Brocante {place}', 'Antiquités {saint}', 'Le Grenier de {first}', 'Antiquités {family}'],
      intros: [
        ['Brocante et antiquités : meubles anciens, vaisselle et objets chinés dans la région.', 'Second-hand goods and antiques: old furniture, dishes and finds from the region.'],
        ['Antiquaire depuis {year} : meubles québécois anciens, restaurés dans notre atelier.', 'Antique dealers since {year}: old Quebec furniture, restored in our workshop.'],
      ],
      details: [
        ['Nous achetons aussi les successions et les fonds de grenier.', 'We also buy estates and attic finds.'],
        ['Nouveaux arrivages chaque jeudi.', 'New arrivals every Thursday.'],
      ] },
  ] },
  'librairie-papeterie': { weight: 3, kinds: [
    { id: 'librairie', hours: 'shop', fallback: 'Librairie',
      names: ['Librairie {family}', 'Librairie {place}', 'Librairie chez {first}', 'Librairie {deTown}', 'Le Bouquiniste de {first}',
        'Bouquinerie {place}'],
      intros: [
        ['Librairie indépendante depuis {year}, avec un grand rayon de littérature québécoise.', 'An independent bookstore since {year}, with a large Quebec literature section.'],
        ['Livres d’occasion achetés, échangés et vendus, pour tous les goûts.', 'Second-hand books bought, swapped and sold, for every taste.'],
      ],
      details: [
        ['Heure du conte pour les tout-petits le samedi matin.', 'Story time for little ones on Saturday mornings.'],
        ['Nous commandons n’importe quel livre en quelques jours.', 'We can order any book in a few days.'],
        ['Club de lecture mensuel, ouvert à toutes et à tous.', 'A monthly book club, open to everyone.'],
      ] },
    { id: 'papeterie', hours: 'shop', fallback: 'Papeterie',
      names: ['Papeterie {saint}', 'Papeterie {place}', 'Papeterie {family}'],
      intros: [
        ['Papeterie et fournitures d’artiste : carnets, encres, papiers fins et crayons.', 'Stationery and art supplies: notebooks, inks, fine papers and pencils.'],
        ['Papeterie de quartier depuis {year} : fournitures scolaires, cartes de souhaits et impression.', 'A neighbourhood stationer since {year}: school supplies, greeting cards and printing.'],
      ],
      details: [
        ['Listes scolaires préparées pour vous en août.', 'School supply lists prepared for you in August.'],
        ['Ateliers de calligraphie le samedi.', 'Calligraphy workshops on Saturdays.'],
      ] },
  ] },
  'artisanat-metiers-d-art': { weight: 3, kinds: [
    { id: 'ceramique', hours: 'shop', fallback: 'Céramiques',
      names: ['Poterie {place}', 'Céramiques {family}', 'Verrerie {saint}', "L'Atelier de {first}", 'Atelier {first} {family}'],
      intros: [
        ['Atelier-boutique où l’on façonne céramiques et grès tournés à la main.', 'A studio-shop where wheel-thrown ceramics and stoneware are shaped by hand.'],
        ['Dans son atelier, {first} crée depuis {year} des pièces de verre soufflé.', 'In this studio, {first} has made blown-glass pieces since {year}.'],
      ],
      details: [
        ['Des ateliers d’initiation sont offerts le dimanche.', 'Introductory workshops are offered on Sundays.'],
        ['Chaque pièce est unique et signée.', 'Every piece is unique and signed.'],
        ['On peut voir les artisans au travail par la grande vitrine.', 'You can watch the artisans at work through the large window.'],
      ] },
    { id: 'bois-fibres', hours: 'shop', fallback: 'Ébénisterie',
      names: ['Ébénisterie {family} & Fils', 'Tissage {family}', 'Forge {place}', 'Boutique des Artisans {place}', 'Ébénisterie {place}'],
      intros: [
        ['Ébénisterie d’art fondée en {year} : meubles sur mesure et objets en bois d’ici.', 'Fine woodworking founded in {year}: custom furniture and objects in local wood.'],
        ['Boutique coopérative qui réunit une trentaine d’artisans de la région.', 'A co-operative shop bringing together some thirty craftspeople from the region.'],
        ['Catalognes, courtepointes et foulards tissés sur nos métiers.', 'Rag rugs, quilts and scarves woven on our looms.'],
      ],
      details: [
        ['Chaque pièce est unique et signée.', 'Every piece is unique and signed.'],
        ['Les commandes sur mesure sont prêtes en quatre à six semaines.', 'Custom orders are ready in four to six weeks.'],
      ] },
  ] },
  'sante-beaute': { weight: 8, kinds: [
    { id: 'coiffure', hours: 'salon', fallback: 'Coiffure',
      names: ['Salon de coiffure chez {first}', 'Coiffure {first} & {first2}', 'Barbier {family}', 'Coiffure {place}'],
      intros: [
        ['Salon de coiffure pour toute la famille, ouvert en {year}.', 'A hair salon for the whole family, opened in {year}.'],
        ['Barbier à l’ancienne : coupe, taille de barbe et rasage à la serviette chaude.', 'An old-school barber: cuts, beard trims and hot-towel shaves.'],
      ],
      details: [
        ['Prenez rendez-vous en ligne ou par téléphone; les sans rendez-vous sont acceptés le samedi.', 'Book online or by phone; walk-ins are welcome on Saturdays.'],
        ['Produits capillaires sans sulfates offerts en boutique.', 'Sulphate-free hair products for sale in the salon.'],
      ] },
    { id: 'soins', hours: 'office', fallback: 'Soins',
      names: ['Spa {place}', 'Esthétique {first}', 'Massothérapie {first} {family}', 'Clinique {family}'],
      intros: [
        ['Soins esthétiques, massothérapie et détente dans un décor chaleureux.', 'Beauty care, massage therapy and relaxation in a warm setting.'],
        ['{first} pratique la massothérapie depuis {year}.', '{first} has practised massage therapy since {year}.'],
      ],
      details: [
        ['Reçus disponibles pour les assurances.', 'Receipts available for insurance claims.'],
        ['Prenez rendez-vous en ligne ou par téléphone.', 'Book online or by phone.'],
      ] },
    { id: 'savonnerie', hours: 'shop', fallback: 'Savonnerie',
      names: ['Savonnerie {saint}', 'Herboristerie {place}', 'Savonnerie {family}'],
      intros: [
        ['Savons et cosmétiques naturels fabriqués à la main, sans parfum ajouté.', 'Hand-made natural soaps and cosmetics with no added fragrance.'],
        ['Tisanes, plantes médicinales et conseils personnalisés.', 'Herbal teas, medicinal plants and personal advice.'],
      ],
      details: [
        ['Nos produits sont offerts en format rechargeable.', 'Our products come in refillable containers.'],
        ['Nos savons sont saponifiés à froid, en petits lots.', 'Our soaps are cold-processed in small batches.'],
      ] },
  ] },
  'sports-plein-air': { weight: 4, kinds: [
    { id: 'sports', hours: 'shop', fallback: 'Sports',
      names: ['Sports {family}', 'Plein air {place}', 'Sports {saint}', 'Pêche & Chasse {family}', 'Ski & Vélo {deTown}'],
      intros: [
        ['Boutique de plein air depuis {year} : randonnée, camping et ski de fond.', 'An outdoor shop since {year}: hiking, camping and cross-country skiing.'],
        ['Articles de pêche, permis et appâts vivants pour les lacs de la région.', 'Fishing gear, licences and live bait for the region’s lakes.'],
      ],
      details: [
        ['Nos conseillers pratiquent les sports qu’ils vous recommandent.', 'Our staff practise the sports they recommend.'],
        ['Échange d’équipement usagé chaque automne.', 'Used equipment swap every fall.'],
      ] },
    { id: 'velo', hours: 'shop', fallback: 'Vélo',
      names: ['Vélo {family}', 'Atelier vélo chez {first}', 'Vélo {place}'],
      intros: [
        ['Atelier de réparation de vélos qui fait aussi la mise au point des skis.', 'A bike repair workshop that also tunes skis.'],
        ['Vélos de route, de montagne et électriques, neufs et reconditionnés.', 'Road, mountain and electric bikes, new and refurbished.'],
      ],
      details: [
        ['Mise au point printanière sur rendez-vous.', 'Spring tune-ups by appointment.'],
        ['Location de vélos électriques l’été.', 'Electric bike rentals in summer.'],
      ] },
    { id: 'location', hours: 'garden', fallback: 'Location plein air',
      names: ['Location de canots {place}', 'Kayak & Canot {family}', 'Location plein air {deTown}'],
      intros: [
        ['Location de canots, kayaks et planches à pagaie pour explorer la rivière.', 'Canoe, kayak and paddleboard rentals to explore the river.'],
        ['Raquettes, skis de fond et fatbikes à louer pour profiter de l’hiver.', 'Snowshoes, cross-country skis and fat bikes for rent to enjoy the winter.'],
      ],
      details: [
        ['La navette jusqu’au point de départ est comprise.', 'The shuttle to the starting point is included.'],
        ['Cartes des sentiers et conseils offerts au comptoir.', 'Trail maps and advice at the counter.'],
      ] },
  ] },
  'jouets-enfants': { weight: 3, kinds: [
    { id: 'jouets', hours: 'shop', fallback: 'Jouets',
      names: ['Jouets {family}', 'La Boîte à jouets de {first}', 'Le Coffre à jouets {place}', 'Jeux & Casse-tête {family}', 'Les Petits Trésors de {first}'],
      intros: [
        ['Magasin de jouets en bois, jeux de société et casse-tête pour tous les âges.', 'A shop of wooden toys, board games and puzzles for all ages.'],
        ['Boutique fondée en {year} par une enseignante passionnée de jeux éducatifs.', 'A shop founded in {year} by a teacher who loves educational games.'],
      ],
      details: [
        ['Soirées de jeux de société le vendredi, pour essayer avant d’acheter.', 'Board game nights on Fridays, to try before you buy.'],
        ['Emballage-cadeau gratuit toute l’année.', 'Free gift wrapping all year round.'],
      ] },
    { id: 'enfants', hours: 'shop', fallback: 'Bambins',
      names: ['Boutique Bambins {place}', 'Les P’tits Mousses {deTown}', 'Bébé {family}'],
      intros: [
        ['Vêtements et accessoires pour bébés et enfants, fabriqués au Canada.', 'Clothes and accessories for babies and children, made in Canada.'],
        ['Articles de puériculture neufs et d’occasion, vérifiés un à un.', 'New and second-hand baby gear, checked piece by piece.'],
      ],
      details: [
        ['Un coin lecture attend les enfants pendant que les parents magasinent.', 'A reading corner awaits children while their parents shop.'],
        ['Registre-cadeau de naissance en boutique et en ligne.', 'Baby gift registry in store and online.'],
      ] },
  ] },
  'quincaillerie-renovation': { weight: 5, kinds: [
    { id: 'quincaillerie', hours: 'shop', fallback: 'Quincaillerie',
      names: ['Quincaillerie {family} & Fils', 'Quincaillerie {place}', 'Quincaillerie {family}', 'Ferronnerie {family}'],
      intros: [
        ['Quincaillerie familiale depuis {year}, où l’on trouve la bonne vis et le bon conseil.', 'A family hardware store since {year}, with the right screw and the right advice.'],
      ],
      details: [
        ['Coupe de clés, affûtage et location d’outils sur place.', 'Key cutting, sharpening and tool rental on site.'],
        ['Nous récupérons les piles et les ampoules usagées.', 'We take back used batteries and light bulbs.'],
      ] },
    { id: 'materiaux', hours: 'shop', fallback: 'Matériaux',
      names: ['Matériaux {family}', 'Rénovation {family} inc.', 'Centre de rénovation {saint}', 'Bois & Matériaux {place}'],
      intros: [
        ['Matériaux de construction, bois d’œuvre et outillage pour entrepreneurs et bricoleurs.', 'Building materials, lumber and tools for contractors and do-it-yourselfers.'],
      ],
      details: [
        ['Livraison de matériaux sur les chantiers de la région.', 'Material delivery to job sites in the region.'],
        ['Estimation gratuite de vos projets de rénovation.', 'Free estimates for your renovation projects.'],
      ] },
    { id: 'peinture', hours: 'shop', fallback: 'Peinture',
      names: ['Peinture {family}', 'Couleurs {place}', 'Peinture & Déco {family}'],
      intros: [
        ['Peintures, teintures et décoration, avec service de mélange des couleurs.', 'Paints, stains and decor, with a colour-matching service.'],
      ],
      details: [
        ['Nous récupérons les restes de peinture.', 'We take back leftover paint.'],
        ['Conseils couleurs gratuits, avec échantillons à rapporter à la maison.', 'Free colour advice, with samples to take home.'],
      ] },
  ] },
  'fleuriste-jardinage': { weight: 4, kinds: [
    { id: 'fleuriste', hours: 'shop', fallback: 'Fleuriste',
      names: ['Fleuriste {first}', 'Fleurs {place}', "Fleuriste L'Orchidée {deTown}", 'Fleuriste {family}'],
      intros: [
        ['Fleuriste depuis {year} : bouquets, compositions et fleurs pour toutes les occasions.', 'A florist since {year}: bouquets, arrangements and flowers for every occasion.'],
      ],
      details: [
        ['Livraison de fleurs le jour même pour les commandes passées avant midi.', 'Same-day flower delivery for orders placed before noon.'],
        ['Nos fleurs coupées viennent de producteurs québécois en saison.', 'Our cut flowers come from Quebec growers in season.'],
      ] },
    { id: 'pepiniere', hours: 'garden', fallback: 'Pépinière',
      names: ['Pépinière {family}', 'Serres {family}', 'Jardinerie {saint}', 'Les Jardins de {first}', 'Les Serres {place}'],
      intros: [
        ['Pépinière et serres où poussent vivaces, arbustes et fines herbes adaptés à notre climat.', 'A nursery and greenhouses growing perennials, shrubs and herbs suited to our climate.'],
        ['Jardinerie de quartier avec terreaux, semences et plants de légumes biologiques.', 'A neighbourhood garden centre with soil, seeds and organic vegetable seedlings.'],
      ],
      details: [
        ['Conseils d’aménagement gratuits au printemps.', 'Free landscaping advice in the spring.'],
        ['Plants de tomates patrimoniales offerts dès la mi-mai.', 'Heirloom tomato seedlings available from mid-May.'],
      ] },
  ] },
  animaux: { weight: 3, kinds: [
    { id: 'animalerie', hours: 'shop', fallback: 'Animalerie',
      names: ['Animalerie {family}', 'Animalerie {place}', 'Toutous et Minous {place}', 'Moulée & Nourriture {family}', 'Pattes & Moustaches {deTown}'],
      intros: [
        ['Animalerie indépendante : nourriture, accessoires et conseils pour chiens, chats et petits animaux.', 'An independent pet shop: food, accessories and advice for dogs, cats and small animals.'],
        ['Nourriture crue, gâteries et jouets fabriqués au Québec.', 'Raw food, treats and toys made in Quebec.'],
      ],
      details: [
        ['Adoptions en partenariat avec le refuge de la région.', 'Adoptions in partnership with the regional shelter.'],
        ['Votre animal est le bienvenu en boutique.', 'Your pet is welcome in the store.'],
        ['Le dixième sac de nourriture est offert.', 'The tenth bag of food is free.'],
      ] },
    { id: 'toilettage', hours: 'salon', fallback: 'Toilettage',
      names: ['Toilettage chez {first}', 'Toilettage {place}', 'Salon de toilettage {first}'],
      intros: [
        ['Salon de toilettage tenu par {first} depuis {year}.', 'A grooming salon run by {first} since {year}.'],
      ],
      details: [
        ['Bains, coupes et taille des griffes pour chiens et chats, sur rendez-vous.', 'Baths, cuts and nail trims for dogs and cats, by appointment.'],
        ['Produits doux pour les peaux sensibles.', 'Gentle products for sensitive skin.'],
      ] },
    { id: 'veterinaire', hours: 'office', fallback: 'Clinique vétérinaire',
      names: ['Clinique vétérinaire {saint}', 'Hôpital vétérinaire {place}', 'Clinique vétérinaire {family}'],
      intros: [
        ['Clinique vétérinaire de proximité : consultations, vaccins et chirurgies.', 'A local veterinary clinic: check-ups, vaccines and surgery.'],
      ],
      details: [
        ['Urgences acceptées pendant les heures d’ouverture.', 'Emergencies seen during opening hours.'],
        ['Nouveaux patients à quatre pattes bienvenus.', 'New four-legged patients welcome.'],
      ] },
  ] },
  services: { weight: 8, kinds: [
    { id: 'cordonnerie', hours: 'shop', fallback: 'Cordonnerie',
      names: ['Cordonnerie {family}', 'Cordonnerie {place}', 'Cordonnerie {saint}'],
      intros: [
        ['Cordonnerie depuis {year} : réparation de chaussures, bottes et articles de cuir.', 'A cobbler since {year}: repairs to shoes, boots and leather goods.'],
      ],
      details: [
        ['La plupart des réparations sont prêtes en 48 heures.', 'Most repairs are ready within 48 hours.'],
        ['Nous réparons plutôt que de remplacer, chaque fois que c’est possible.', 'We repair rather than replace whenever we can.'],
      ] },
    { id: 'garage', hours: 'office', fallback: 'Garage',
      names: ['Garage {family} & Fils', 'Garage {place}', 'Mécanique {family}'],
      intros: [
        ['Garage de confiance pour l’entretien et la réparation de toutes les marques.', 'A trusted garage for servicing and repairing every make.'],
      ],
      details: [
        ['Pose de pneus d’hiver sur rendez-vous dès octobre.', 'Winter tire installation by appointment from October.'],
        ['Estimation gratuite avant chaque réparation.', 'Free estimate before every repair.'],
      ] },
    { id: 'nettoyeur', hours: 'office', fallback: 'Nettoyeur',
      names: ['Nettoyeur {saint}', 'Nettoyeur {place}', 'Atelier de couture chez {first}'],
      intros: [
        ['Service de proximité : nettoyage à sec, retouches et repassage.', 'A local service: dry cleaning, alterations and pressing.'],
      ],
      details: [
        ['Service le jour même pour les vêtements déposés avant 9 h.', 'Same-day service for clothes dropped off before 9 a.m.'],
        ['Ourlets et fermetures éclair remplacés en quelques jours.', 'Hems and zippers replaced in a few days.'],
      ] },
    { id: 'informatique', hours: 'office', fallback: 'Informatique',
      names: ['Informatique {family}', 'Réparation {family}', 'Informatique {place}'],
      intros: [
        ['Réparation d’ordinateurs, de téléphones et de petits appareils depuis {year}.', 'Repairs to computers, phones and small appliances since {year}.'],
      ],
      details: [
        ['Estimation gratuite, et la plupart des travaux sont faits en 48 heures.', 'Free estimates, and most jobs are done within 48 hours.'],
        ['Nous réparons plutôt que de remplacer, chaque fois que c’est possible.', 'We repair rather than replace whenever we can.'],
      ] },
  ] },
};

const CATEGORY_ENTRIES = Object.entries(CATEGORIES);
const CATEGORY_WEIGHT_TOTAL = CATEGORY_ENTRIES.reduce((sum, [, category]) => sum + category.weight, 0);
