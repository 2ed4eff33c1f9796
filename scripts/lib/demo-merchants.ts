// Deterministic demo merchants for Quebec: the same seed and counts always give the same rows, so a
// screenshot, a benchmark or a bug report can be reproduced. Pure: no I/O, no clock, no Math.random.
// The municipalities come from public.municipalities (real towns, real populations).
import { slugify } from '../../functions/_shared/slug.ts';

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

export type Day = 'mon' | 'tue' | 'wed' | 'thu' | 'fri' | 'sat' | 'sun';
export type OpeningHours = Partial<Record<Day, Array<[string, string]>>>;

/** A row of public.merchants without id, slug and timestamps, plus what the generator seeded. */
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
  latitude: number;
  longitude: number;
  phone: string | null;
  website: string | null;
  social_links: string[];
  opening_hours: OpeningHours;
  contact_email: string;
  neq: string | null;
  seededIneligibility: SeededIneligibility | null;
};

/** The columns of public.merchants a DemoMerchant fills, in a fixed order for INSERT statements. */
export const MERCHANT_COLUMNS = [
  'status', 'name', 'category_slug', 'description_fr', 'description_en', 'street_address', 'city',
  'municipality_code', 'region_code', 'postal_code', 'latitude', 'longitude', 'phone', 'website',
  'social_links', 'opening_hours', 'contact_email', 'neq',
] as const satisfies ReadonlyArray<keyof DemoMerchant>;

export type DemoOptions = { approved: number; pending: number; seed: number };

/** Share of pending listings seeded as ineligible, spread evenly over the three kinds. */
export const INELIGIBLE_SHARE = 0.05;

export function generateDemoMerchants(options: DemoOptions, municipalities: readonly Municipality[]): DemoMerchant[] {
  const { approved, pending, seed } = options;
  for (const [flag, value] of Object.entries({ approved, pending })) {
    if (!Number.isInteger(value) || value < 0) throw new RangeError(`${flag} must be a whole number, not ${value}`);
  }
  if (municipalities.length === 0 && approved + pending > 0) throw new Error('No municipalities: run the migrations first');
  const towns = [...municipalities].sort((a, b) => a.code.localeCompare(b.code)); // order-independent input
  const state: GenerationState = { neqs: new Set(), phones: new Set(), domains: new Set(), nameTowns: new Set() };

  // Separate streams, so adding pending listings does not change the approved ones.
  const approvedRandom = new Random(seed);
  const rows: DemoMerchant[] = [];
  for (const slot of approvedSlots(approvedRandom, towns, approved)) {
    const row = makeMerchant(approvedRandom, state, 'approved', slot.town, slot.name);
    state.nameTowns.add(nameTownKey(row));
    rows.push(row);
  }

  const pendingRandom = new Random(seed ^ 0x5eed_9e37);
  const kinds = ineligibilityPlan(pendingRandom, pending, approved > 0);
  const picker = new TownPicker(towns);
  for (const kind of kinds) {
    if (kind === 'duplicate') rows.push(makeDuplicate(pendingRandom, state, rows[pendingRandom.int(0, approved - 1)]!));
    else if (kind === 'outside_quebec') rows.push(makeOutsideQuebec(pendingRandom, state));
    else {
      let row = makeMerchant(pendingRandom, state, 'pending', picker.pick(pendingRandom));
      // An eligible pending listing must not look like a duplicate of an approved one by name and town,
      // or a benchmark would count a false alarm that the data itself caused.
      for (let tries = 0; state.nameTowns.has(nameTownKey(row)) && tries < 20; tries++) {
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

type Slot = { town: Municipality; name?: { category: string; name: string } };

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
    for (const [category, name, times] of SHARED_NAMES) {
      const used = new Set<string>();
      while (used.size < times) {
        const town = picker.pick(random);
        if (used.has(town.code)) continue;
        used.add(town.code);
        slots.push({ town, name: { category, name } });
      }
    }
  }
  slots.splice(count); // a tiny data set keeps only the first guarantees
  while (slots.length < count) slots.push({ town: picker.pick(random) });
  return random.shuffle(slots);
}

const SHARED_NAMES: ReadonlyArray<readonly [string, string, number]> = [
  ['boulangerie-patisserie', 'Boulangerie du Village', 4],
  ['restaurant-cafe', 'Café de la Gare', 3],
  ['epicerie-alimentation', 'Dépanneur du Coin', 3],
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
  /** slugify(name + town) of approved listings. */
  nameTowns: Set<string>;
};

const nameTownKey = (row: Pick<DemoMerchant, 'name' | 'city'>) => slugify(`${row.name} ${row.city}`);

function makeMerchant(
  random: Random,
  state: GenerationState,
  status: DemoMerchant['status'],
  town: Municipality,
  fixed?: { category: string; name: string },
): DemoMerchant {
  const categorySlug = fixed?.category ?? pickCategory(random);
  const category = CATEGORIES[categorySlug]!;
  const words = townWords(town.name);
  const name = fixed?.name ?? businessName(random, category, words);
  const domain = uniqueDomain(state, slugify(name), slugify(town.name));
  const [latitude, longitude] = nearby(random, town.latitude, town.longitude, 3);
  const first = random.pick(FIRST_NAMES);
  return {
    status,
    name,
    category_slug: categorySlug,
    ...descriptions(random, category, words, first, random.chance(status === 'approved' ? 0.85 : 0.7)),
    street_address: random.chance(0.97) ? streetAddress(random, town) : '',
    city: town.name,
    municipality_code: town.code,
    region_code: town.region_code,
    postal_code: postalCode(random, town),
    latitude,
    longitude,
    phone: random.chance(0.93) ? uniquePhone(random, state, random.pick(areaCodes(town))) : null,
    website: random.chance(0.8) ? `https://${random.chance(0.5) ? 'www.' : ''}${domain}` : null,
    social_links: socialLinks(random, domain),
    opening_hours: random.chance(0.95) ? openingHours(random, category.hours) : {},
    contact_email: `${random.pick(MAILBOXES)}@${domain}`,
    neq: uniqueNeq(random, state),
    seededIneligibility: null,
  };
}

/** Re-registration of an approved business: same name and town, and some of its identifiers. */
function makeDuplicate(random: Random, state: GenerationState, original: DemoMerchant): DemoMerchant {
  const copy: DemoMerchant = { ...original, status: 'pending', seededIneligibility: 'duplicate', social_links: [...original.social_links] };
  switch (random.int(0, 2)) {
    case 0: // same name and town, typed differently; new phone and NEQ (registered again by someone else)
      copy.name = random.chance(0.5) ? original.name.toUpperCase() : stripAccents(original.name);
      copy.neq = uniqueNeq(random, state);
      copy.phone = uniquePhone(random, state, original.phone?.slice(2, 5) ?? '514');
      break;
    case 1: // same NEQ under a slightly different name
      copy.name = original.name.endsWith(' inc.') ? original.name.slice(0, -5) : `${original.name} inc.`;
      copy.phone = original.phone === null ? null : uniquePhone(random, state, original.phone.slice(2, 5));
      break;
    default: // same phone number, and the same NEQ typed again
      copy.street_address = original.street_address.replace(/^(\d+),/, (_, n: string) => `${n}-A,`);
  }
  return copy;
}

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
  const category = CATEGORIES[categorySlug]!;
  const words: TownWords = { name: place.city, de: `de ${place.city}`, a: `à ${place.city}` };
  const name = businessName(random, category, words);
  const domain = uniqueDomain(state, slugify(name), slugify(place.city));
  const [latitude, longitude] = nearby(random, place.latitude, place.longitude, 3);
  let postal = place.prefix;
  while (postal.length < 3) postal += postal.length === 1 ? String(random.int(1, 9)) : random.pick(POSTAL_LETTERS);
  return {
    status: 'pending',
    name,
    category_slug: categorySlug,
    ...descriptions(random, category, words, random.pick(FIRST_NAMES), true),
    street_address: `${random.int(10, 2999)} ${random.pick(['Main Street', 'King Street', 'Queen Street', 'Water Street', 'rue Principale'])}`,
    city: place.city,
    municipality_code: null,
    region_code: null,
    postal_code: `${postal} ${random.int(0, 9)}${random.pick(POSTAL_LETTERS)}${random.int(0, 9)}`,
    latitude,
    longitude,
    phone: uniquePhone(random, state, place.area),
    website: `https://${domain}`,
    social_links: socialLinks(random, domain),
    opening_hours: openingHours(random, category.hours),
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
    // Mostly 11 (sole proprietors) and 22/33 (companies), as in the real register.
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
function areaCodes(town: Municipality): readonly string[] {
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
 * the west and south. A rural town (under 10,000) gets a 0 as its second character, as in "G0L".
 */
export function postalLetter(town: Pick<Municipality, 'code'>): 'G' | 'H' | 'J' {
  const division = Number(town.code.slice(0, 2));
  if (division === 65 || division === 66) return 'H';
  if (division <= 39 || (division >= 90 && division <= 98)) return 'G';
  if (division === 99) return ['99020', '99025'].includes(town.code) ? 'G' : 'J'; // Chapais, Chibougamau
  return 'J';
}

function postalCode(random: Random, town: Municipality): string {
  // A town's listings share its few forward sortation areas (the first three characters).
  const areas = Math.min(40, Math.max(1, Math.round(town.population / 25_000)));
  const hash = fnv1a(`${town.code}/${random.int(0, areas - 1)}`);
  const digit = town.population < 10_000 ? 0 : 1 + (hash % 9);
  const fsa = `${postalLetter(town)}${digit}${POSTAL_LETTERS[(hash >>> 8) % POSTAL_LETTERS.length]}`;
  return `${fsa} ${random.int(0, 9)}${random.pick(POSTAL_LETTERS)}${random.int(0, 9)}`;
}

function fnv1a(text: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) hash = Math.imul(hash ^ text.charCodeAt(i), 0x01000193);
  return hash >>> 0;
}

/** A point within radiusKm of a centre, uniform over the disc, rounded to about a metre. */
function nearby(random: Random, latitude: number, longitude: number, radiusKm: number): [number, number] {
  const distance = radiusKm * Math.sqrt(random.next());
  const angle = 2 * Math.PI * random.next();
  const lat = latitude + (distance * Math.cos(angle)) / 111.32;
  const lon = longitude + (distance * Math.sin(angle)) / (111.32 * Math.cos((latitude * Math.PI) / 180));
  return [Math.round(lat * 1e5) / 1e5, Math.round(lon * 1e5) / 1e5];
}

/** "boulangerie-du-village.example.ca", or with the town when another listing has that name. */
function uniqueDomain(state: GenerationState, nameSlug: string, townSlug: string): string {
  const base = nameSlug.slice(0, 60).replace(/-+$/, '') || 'commerce';
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

// ---------------------------------------------------------------------------------------------
// Words

type TownWords = { name: string; de: string; a: string };

/** "de Québec", "d'Alma", "des Escoumins", "du Bic"; "à Québec", "aux Escoumins", "au Bic". */
function townWords(name: string): TownWords {
  if (name.startsWith('Les ')) return { name, de: `des ${name.slice(4)}`, a: `aux ${name.slice(4)}` };
  if (name.startsWith('Le ')) return { name, de: `du ${name.slice(3)}`, a: `au ${name.slice(3)}` };
  const de = /^[AEIOUYÂÉÈÊÎÔH]/.test(name) ? `d'${name}` : `de ${name}`;
  return { name, de, a: `à ${name}` };
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

function fillName(random: Random, pattern: string, town: TownWords): string {
  return pattern
    .replaceAll('{family2}', random.pick(FAMILY_NAMES))
    .replaceAll('{family}', random.pick(FAMILY_NAMES))
    .replaceAll('{first2}', random.pick(FIRST_NAMES))
    .replaceAll('{first}', random.pick(FIRST_NAMES))
    .replaceAll('{place}', random.pick(PLACES))
    .replaceAll('{saint}', random.pick(SAINTS))
    .replaceAll('{deTown}', town.de)
    .replaceAll('{town}', town.name);
}

function businessName(random: Random, category: Category, town: TownWords): string {
  const name = fillName(random, random.pick(category.names), town);
  return name.length <= 120 ? name : name.slice(0, 120).trimEnd();
}

// ---------------------------------------------------------------------------------------------
// Descriptions: a category opening, a category detail, a closing about the town; both languages.

type Pair = readonly [fr: string, en: string];

function descriptions(
  random: Random,
  category: Category,
  town: TownWords,
  first: string,
  withEnglish: boolean,
): { description_fr: string; description_en: string } {
  const year = String(random.int(1948, 2023));
  const sentences: Pair[] = [random.pick(category.intros), random.pick(category.details)];
  if (random.chance(0.7)) sentences.push(random.pick(CLOSINGS));
  const fill = (text: string) =>
    text.replaceAll('{year}', year).replaceAll('{first}', first).replaceAll('{deTown}', town.de)
      .replaceAll('{aTown}', town.a).replaceAll('{town}', town.name);
  return {
    description_fr: sentences.map(([fr]) => fill(fr)).join(' '),
    description_en: withEnglish ? sentences.map(([, en]) => fill(en)).join(' ') : '',
  };
}

const CLOSINGS: Pair[] = [
  ["Venez nous voir au cœur {deTown} : le stationnement est gratuit à l'arrière.", 'Come and see us in the heart of {town}: parking out back is free.'],
  ['Entreprise familiale, nous travaillons avec des producteurs et artisans de la région.', 'As a family business, we work with producers and craftspeople from the region.'],
  ['On vous accueille en français comme en anglais, avec le sourire.', 'We welcome you in French or English, with a smile.'],
  ['Commandez en ligne et passez chercher votre commande en magasin le jour même.', 'Order online and pick up your order in store the same day.'],
  ["Acheter chez nous, c'est faire vivre l'économie {deTown}.", 'Shopping here keeps the economy of {town} alive.'],
  ['Suivez-nous sur les réseaux sociaux pour ne rien manquer de nos nouveautés.', "Follow us on social media so you don't miss anything new."],
  ['Livraison offerte {aTown} et dans les environs.', 'Free delivery in {town} and the surrounding area.'],
  ["L'accès au commerce est de plain-pied et adapté aux poussettes comme aux fauteuils roulants.", 'The store is step-free and accessible to strollers and wheelchairs.'],
];

// ---------------------------------------------------------------------------------------------
// Opening hours

type HoursStyle = 'shop' | 'grocery' | 'bakery' | 'restaurant' | 'bar' | 'office' | 'garden';
const DAYS: readonly Day[] = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'];

function openingHours(random: Random, style: HoursStyle): OpeningHours {
  const hours: OpeningHours = {};
  const span = (open: string, close: string): Array<[string, string]> => [[open, close]];
  const opening = (choices: string[]) => random.pick(choices);
  switch (style) {
    case 'shop': {
      // Quebec retail: late opening Thursday and Friday, short Sunday or none.
      const open = opening(['09:00', '09:30', '10:00']);
      const sunday = random.chance(0.6) ? span('12:00', '17:00') : [];
      for (const day of DAYS) hours[day] = day === 'sun' ? sunday : day === 'sat' ? span(open, '17:00')
        : day === 'thu' || day === 'fri' ? span(open, '21:00') : span(open, random.pick(['17:30', '18:00']));
      break;
    }
    case 'grocery': {
      const [open, close] = random.pick([['08:00', '21:00'], ['07:00', '23:00'], ['09:00', '20:00']] as const);
      for (const day of DAYS) hours[day] = span(open, close);
      break;
    }
    case 'bakery': {
      const open = opening(['06:30', '07:00', '07:30']);
      for (const day of DAYS) hours[day] = day === 'mon' ? [] : span(open, day === 'sun' ? '14:00' : '18:00');
      break;
    }
    case 'restaurant': {
      if (random.chance(0.4)) { // a café: breakfast and lunch, every day
        for (const day of DAYS) hours[day] = span(opening(['07:00']), day === 'sat' || day === 'sun' ? '15:00' : '16:00');
      } else { // lunch and dinner, closed Monday (and Tuesday for some)
        const closedTuesday = random.chance(0.4);
        for (const day of DAYS) {
          hours[day] = day === 'mon' || (day === 'tue' && closedTuesday) ? []
            : day === 'sat' || day === 'sun' ? span('17:00', '22:00') : [['11:30', '14:00'], ['17:00', '22:00']];
        }
      }
      break;
    }
    case 'bar': {
      const close = random.pick(['23:00', '24:00']);
      for (const day of DAYS) hours[day] = ['mon', 'tue'].includes(day) ? [] : span(day === 'sat' || day === 'sun' ? '12:00' : '15:00', close);
      break;
    }
    case 'office': {
      const lunch = random.chance(0.5);
      for (const day of DAYS) {
        hours[day] = day === 'sun' ? [] : day === 'sat' ? (random.chance(0.5) ? span('09:00', '12:00') : [])
          : lunch ? [['08:30', '12:00'], ['13:00', '17:00']] : span('08:00', '17:00');
      }
      break;
    }
    case 'garden': {
      for (const day of DAYS) hours[day] = span(opening(['08:00', '09:00']), day === 'sun' ? '17:00' : '19:00');
      break;
    }
  }
  return hours;
}

// ---------------------------------------------------------------------------------------------
// Categories (slugs of supabase/migrations/20261127040000_reference_data.sql)

type Category = { weight: number; hours: HoursStyle; names: string[]; intros: Pair[]; details: Pair[] };

function pickCategory(random: Random): string {
  let target = random.next() * CATEGORY_WEIGHT_TOTAL;
  for (const [slug, category] of CATEGORY_ENTRIES) if ((target -= category.weight) < 0) return slug;
  return CATEGORY_ENTRIES[CATEGORY_ENTRIES.length - 1]![0];
}

export const CATEGORIES: Readonly<Record<string, Category>> = {
  'epicerie-alimentation': {
    weight: 9, hours: 'grocery',
    names: ['Épicerie {family}', 'Marché {family}', 'Marché {place}', 'Dépanneur chez {first}', "L'Épicerie d'à côté",
      'Épicerie fine {saint}', 'Fruiterie {deTown}', 'Le Garde-manger de {first}', 'Marché {family} & Fils', 'Épicerie {place}',
      'Dépanneur {family}', 'Vrac & Bocaux {place}'],
    intros: [
      ['Depuis {year}, notre épicerie de quartier offre fruits, légumes et produits du Québec.', 'Since {year}, our neighbourhood grocery has offered fruit, vegetables and Quebec products.'],
      ["Épicerie fine où l'on trouve fromages d'ici, charcuteries et conserves maison.", 'A fine-food grocery with local cheeses, cold cuts and home-made preserves.'],
      ['Votre dépanneur ouvert tard, avec pain frais, lait et journaux chaque matin.', 'Your late-night convenience store, with fresh bread, milk and newspapers every morning.'],
    ],
    details: [
      ["Notre comptoir de prêt-à-manger change chaque semaine selon l'arrivage.", 'Our ready-to-eat counter changes every week with what comes in.'],
      ['Apportez vos contenants : une grande partie de nos produits est offerte en vrac.', 'Bring your own containers: many of our products are sold in bulk.'],
      ["Sirop d'érable, miel et confitures viennent de fermes situées à moins de 100 km.", 'Maple syrup, honey and jams come from farms less than 100 km away.'],
    ],
  },
  'boulangerie-patisserie': {
    weight: 7, hours: 'bakery',
    names: ['Boulangerie {family}', 'Boulangerie {place}', 'Pâtisserie chez {first}', 'Boulangerie {saint}', 'Le Fournil {place}',
      'La Mie de {first}', 'Au Pain doré {deTown}', 'Les Délices de {first}', 'Pâtisserie {family}', 'Boulangerie-pâtisserie {family} & Fils'],
    intros: [
      ['Boulangerie artisanale qui pétrit chaque nuit ses pains au levain naturel depuis {year}.', 'An artisan bakery that has kneaded its natural sourdough breads every night since {year}.'],
      ['Pâtisseries fines, viennoiseries pur beurre et gâteaux de fête faits sur place.', 'Fine pastries, all-butter viennoiseries and celebration cakes made on site.'],
      ["Ici, les farines viennent de moulins québécois et le beurre d'une laiterie voisine.", 'Here the flour comes from Quebec mills and the butter from a nearby dairy.'],
    ],
    details: [
      ['Nos croissants sortent du four dès 7 h ; les tartes au sucre partent vite le samedi.', 'Our croissants come out of the oven at 7 a.m.; the sugar pies go fast on Saturdays.'],
      ['Commandez vos bûches et gâteaux 48 heures à l’avance.', 'Order your yule logs and cakes 48 hours ahead.'],
      ['Nous offrons aussi une sélection de pains sans gluten, cuits dans un four séparé.', 'We also offer a selection of gluten-free breads, baked in a separate oven.'],
    ],
  },
  'boucherie-poissonnerie': {
    weight: 4, hours: 'shop',
    names: ['Boucherie {family}', 'Boucherie {place}', 'Poissonnerie {place}', 'Fromagerie {saint}', 'Fromagerie {family}',
      'Charcuterie {family} & Fils', 'La Boucherie de {first}', 'Poissonnerie {family}', 'Fromagerie {deTown}'],
    intros: [
      ['Boucherie de quartier depuis {year}, nous découpons sur place des viandes élevées au Québec.', 'A neighbourhood butcher since {year}, we cut Quebec-raised meats on site.'],
      ['Poissons et fruits de mer arrivent de Gaspésie et de la Côte-Nord plusieurs fois par semaine.', 'Fish and seafood arrive from the Gaspé and the North Shore several times a week.'],
      ['Plus de 150 fromages québécois, au lait cru ou pasteurisé, à goûter avant d’acheter.', 'Over 150 Quebec cheeses, raw-milk or pasteurised, to taste before you buy.'],
    ],
    details: [
      ['Nos saucisses, cretons et tourtières sont préparés selon les recettes de la famille.', 'Our sausages, cretons and meat pies follow family recipes.'],
      ['Le homard des Îles est offert en saison, cuit ou vivant.', 'Magdalen Islands lobster is available in season, cooked or live.'],
      ['Demandez nos plateaux pour vos réceptions, préparés la veille.', 'Ask for our party platters, prepared the day before.'],
    ],
  },
  'restaurant-cafe': {
    weight: 14, hours: 'restaurant',
    names: ['Café chez {first}', 'Casse-croûte chez {first}', 'Bistro {place}', 'Restaurant {family}', 'Café {saint}',
      'Le Petit Bistro {deTown}', "Resto-bar L'Escale {deTown}", 'Cantine chez {first}', 'Brûlerie {family}', 'Café {place}',
      'La Binerie {place}', 'Chez {first} et {first2}', "L'Assiette de {first}", 'Pizzeria {family}'],
    intros: [
      ['Café de quartier où l’on torréfie nous-mêmes nos grains depuis {year}.', 'A neighbourhood café where we have roasted our own beans since {year}.'],
      ['Cuisine réconfortante : poutine, pâté chinois et pouding chômeur comme à la maison.', 'Comfort food: poutine, shepherd’s pie and pouding chômeur, just like at home.'],
      ['Petit bistro où le menu suit les saisons et les producteurs de la région.', 'A small bistro whose menu follows the seasons and the region’s producers.'],
    ],
    details: [
      ['La terrasse ouvre dès les premiers beaux jours, et les chiens y sont les bienvenus.', 'The terrace opens with the first warm days, and dogs are welcome.'],
      ['Menu du midi à prix doux du mardi au vendredi; options végétariennes tous les jours.', 'Affordable lunch menu Tuesday to Friday; vegetarian options every day.'],
      ['Apportez votre vin : nous n’avons pas de permis d’alcool.', 'Bring your own wine: we have no liquor licence.'],
    ],
  },
  'bieres-vins-spiritueux': {
    weight: 3, hours: 'bar',
    names: ['Microbrasserie {place}', 'Brasserie {family}', 'Vignoble {family}', 'Cidrerie {saint}', 'Distillerie {place}',
      'Cave à vin {family}', 'Broue-pub chez {first}', 'Hydromellerie {place}', 'Vignoble {place}'],
    intros: [
      ['Microbrasserie fondée par deux amis en {year}, avec une douzaine de bières brassées sur place.', 'A microbrewery founded by two friends in {year}, with a dozen beers brewed on site.'],
      ['Vignoble familial où l’on cultive des cépages rustiques adaptés à notre climat.', 'A family vineyard growing hardy grape varieties suited to our climate.'],
      ['Cidres de glace et mousseux issus de nos vergers, à déguster sur place.', 'Ice ciders and sparkling ciders from our orchards, to taste on site.'],
    ],
    details: [
      ['Visites guidées et dégustations les fins de semaine, sur réservation.', 'Guided tours and tastings on weekends, by reservation.'],
      ['Nos bouteilles sont aussi vendues dans les épiceries fines de la région.', 'Our bottles are also sold in the region’s fine-food shops.'],
      ['Le salon de dégustation accueille des spectacles le jeudi soir.', 'The tasting room hosts live music on Thursday evenings.'],
    ],
  },
  'mode-vetements': {
    weight: 7, hours: 'shop',
    names: ['Boutique {first}', 'Friperie {place}', 'Mode {first} & {first2}', 'Chez {first} Mode', 'Les Tricots {family}',
      'Boutique {saint}', 'Chaussures {family}', 'Mercerie {family} & Fils', 'La Garde-robe de {first}', 'Boutique {place}'],
    intros: [
      ['Boutique de vêtements pour femmes et hommes, avec une place de choix pour les designers québécois.', 'A clothing store for women and men, with pride of place for Quebec designers.'],
      ['Friperie soigneusement triée : vêtements d’occasion, vintage et accessoires.', 'A carefully sorted thrift shop: second-hand and vintage clothing and accessories.'],
      ['Mercerie fondée en {year}, spécialisée dans les complets et les retouches.', 'A menswear shop founded in {year}, specialising in suits and alterations.'],
    ],
    details: [
      ['Retouches faites sur place en moins d’une semaine.', 'Alterations done on site in less than a week.'],
      ['Nos collections d’hiver sont pensées pour les grands froids : laine, duvet et doublures chaudes.', 'Our winter collections are made for deep cold: wool, down and warm linings.'],
      ['Conseils personnalisés et cabine d’essayage accessible.', 'Personal advice and an accessible fitting room.'],
    ],
  },
  'maison-decoration': {
    weight: 5, hours: 'shop',
    names: ['Déco {family}', 'Meubles {family} & Fils', "L'Atelier {place}", 'Brocante {place}', 'Maison {first}',
      'Antiquités {saint}', 'Luminaires {family}', 'Le Grenier de {first}', 'Tapis & Rideaux {family}'],
    intros: [
      ['Meubles en bois massif fabriqués au Québec, de la table de cuisine au lit.', 'Solid-wood furniture made in Quebec, from kitchen tables to beds.'],
      ['Brocante et antiquités : meubles anciens, vaisselle et objets chinés dans la région.', 'Second-hand goods and antiques: old furniture, dishes and finds from the region.'],
      ['Boutique de décoration depuis {year}, avec textiles, luminaires et idées-cadeaux.', 'A home-decor shop since {year}, with textiles, lighting and gift ideas.'],
    ],
    details: [
      ['Notre service de design intérieur se déplace à domicile.', 'Our interior design service visits you at home.'],
      ['Livraison et installation comprises pour les gros meubles.', 'Delivery and installation included for large furniture.'],
      ['Nouveaux arrivages chaque jeudi.', 'New arrivals every Thursday.'],
    ],
  },
  'librairie-papeterie': {
    weight: 3, hours: 'shop',
    names: ['Librairie {family}', 'Librairie {place}', 'Papeterie {saint}', 'Le Bouquiniste de {first}', 'Papeterie {place}',
      'Librairie chez {first}', 'Bouquinerie {place}', 'Librairie {deTown}'],
    intros: [
      ['Librairie indépendante depuis {year}, avec un grand rayon de littérature québécoise.', 'An independent bookstore since {year}, with a large Quebec literature section.'],
      ['Papeterie et fournitures d’artiste : carnets, encres, papiers fins et crayons.', 'Stationery and art supplies: notebooks, inks, fine papers and pencils.'],
      ['Bouquinerie de livres d’occasion, achetés et vendus au poids du plaisir de lire.', 'A second-hand bookshop where books are bought and sold for the love of reading.'],
    ],
    details: [
      ['Heure du conte pour les tout-petits le samedi matin.', 'Story time for little ones on Saturday mornings.'],
      ['Nous commandons n’importe quel livre en quelques jours.', 'We can order any book in a few days.'],
      ['Club de lecture mensuel, ouvert à toutes et à tous.', 'A monthly book club, open to everyone.'],
    ],
  },
  'artisanat-metiers-d-art': {
    weight: 3, hours: 'shop',
    names: ['Atelier {first} {family}', 'Poterie {place}', 'Verrerie {saint}', 'Ébénisterie {family} & Fils', 'Tissage {family}',
      'Boutique des Artisans {place}', 'Forge {place}', "L'Atelier de {first}", 'Céramiques {family}'],
    intros: [
      ['Atelier-boutique où l’on façonne céramiques et grès tournés à la main.', 'A studio-shop where wheel-thrown ceramics and stoneware are shaped by hand.'],
      ['Ébénisterie d’art fondée en {year} : meubles sur mesure et objets en bois d’ici.', 'Fine woodworking founded in {year}: custom furniture and objects in local wood.'],
      ['Boutique coopérative qui réunit une trentaine d’artisans de la région.', 'A co-operative shop bringing together some thirty craftspeople from the region.'],
    ],
    details: [
      ['Des ateliers d’initiation sont offerts le dimanche.', 'Introductory workshops are offered on Sundays.'],
      ['Chaque pièce est unique et signée.', 'Every piece is unique and signed.'],
      ['On peut voir les artisans au travail par la grande vitrine de l’atelier.', 'You can watch the artisans at work through the studio’s large window.'],
    ],
  },
  'sante-beaute': {
    weight: 8, hours: 'office',
    names: ['Salon de coiffure chez {first}', 'Spa {place}', 'Esthétique {first}', 'Savonnerie {saint}', 'Clinique {family}',
      'Coiffure {first} & {first2}', 'Herboristerie {place}', 'Barbier {family}', 'Massothérapie {first} {family}'],
    intros: [
      ['Salon de coiffure pour toute la famille, ouvert en {year}.', 'A hair salon for the whole family, opened in {year}.'],
      ['Savons et cosmétiques naturels fabriqués à la main, sans parfum ajouté.', 'Hand-made natural soaps and cosmetics with no added fragrance.'],
      ['Soins esthétiques, massothérapie et détente dans un décor chaleureux.', 'Beauty care, massage therapy and relaxation in a warm setting.'],
    ],
    details: [
      ['Prenez rendez-vous en ligne ou par téléphone; les sans rendez-vous sont acceptés le samedi.', 'Book online or by phone; walk-ins are welcome on Saturdays.'],
      ['Reçus disponibles pour les assurances.', 'Receipts available for insurance claims.'],
      ['Nos produits sont offerts en format rechargeable.', 'Our products come in refillable containers.'],
    ],
  },
  'sports-plein-air': {
    weight: 4, hours: 'shop',
    names: ['Sports {family}', 'Plein air {place}', 'Vélo {family}', 'Location de canots {place}', 'Ski & Vélo {deTown}',
      'Atelier vélo chez {first}', 'Sports {saint}', 'Pêche & Chasse {family}'],
    intros: [
      ['Boutique de plein air depuis {year} : randonnée, camping et ski de fond.', 'An outdoor shop since {year}: hiking, camping and cross-country skiing.'],
      ['Atelier de réparation de vélos et de mise au point de skis.', 'A bike repair workshop that also tunes skis.'],
      ['Location de canots, kayaks et planches à pagaie pour explorer la rivière.', 'Canoe, kayak and paddleboard rentals to explore the river.'],
    ],
    details: [
      ['Nos conseillers pratiquent les sports qu’ils vous recommandent.', 'Our staff practise the sports they recommend.'],
      ['Échange d’équipement usagé chaque automne.', 'Used equipment swap every fall.'],
      ['Mise au point printanière offerte sur rendez-vous.', 'Spring tune-ups available by appointment.'],
    ],
  },
  'jouets-enfants': {
    weight: 3, hours: 'shop',
    names: ['Jouets {family}', 'La Boîte à jouets de {first}', 'Le Coffre à jouets {place}', 'Les Petits Trésors de {first}',
      'Jeux & Casse-tête {family}', 'Boutique Bambins {place}', 'Les P’tits Mousses {deTown}'],
    intros: [
      ['Magasin de jouets en bois, jeux de société et casse-tête pour tous les âges.', 'A shop of wooden toys, board games and puzzles for all ages.'],
      ['Vêtements et accessoires pour bébés et enfants, fabriqués au Canada.', 'Clothes and accessories for babies and children, made in Canada.'],
      ['Boutique fondée en {year} par une enseignante passionnée de jeux éducatifs.', 'A shop founded in {year} by a teacher who loves educational games.'],
    ],
    details: [
      ['Soirées de jeux de société le vendredi, pour essayer avant d’acheter.', 'Board game nights on Fridays, to try before you buy.'],
      ['Emballage-cadeau gratuit toute l’année.', 'Free gift wrapping all year round.'],
      ['Un coin lecture attend les enfants pendant que les parents magasinent.', 'A reading corner awaits children while their parents shop.'],
    ],
  },
  'quincaillerie-renovation': {
    weight: 5, hours: 'shop',
    names: ['Quincaillerie {family} & Fils', 'Quincaillerie {place}', 'Matériaux {family}', 'Rénovation {family} inc.',
      'Centre de rénovation {saint}', 'Peinture {family}', 'Ferronnerie {family}', 'Quincaillerie {family}'],
    intros: [
      ['Quincaillerie familiale depuis {year}, où l’on trouve la bonne vis et le bon conseil.', 'A family hardware store since {year}, with the right screw and the right advice.'],
      ['Matériaux de construction, bois d’œuvre et outillage pour entrepreneurs et bricoleurs.', 'Building materials, lumber and tools for contractors and do-it-yourselfers.'],
      ['Peintures, teintures et décoration, avec service de mélange des couleurs.', 'Paints, stains and decor, with a colour-matching service.'],
    ],
    details: [
      ['Coupe de clés, affûtage et location d’outils sur place.', 'Key cutting, sharpening and tool rental on site.'],
      ['Livraison de matériaux sur les chantiers de la région.', 'Material delivery to job sites in the region.'],
      ['Nous récupérons les restes de peinture et les piles usagées.', 'We take back leftover paint and used batteries.'],
    ],
  },
  'fleuriste-jardinage': {
    weight: 4, hours: 'garden',
    names: ['Fleuriste {first}', 'Fleurs {place}', 'Pépinière {family}', 'Serres {family}', 'Jardinerie {saint}',
      'Les Jardins de {first}', "Fleuriste L'Orchidée {deTown}", 'Les Serres {place}'],
    intros: [
      ['Fleuriste depuis {year} : bouquets, compositions et fleurs pour toutes les occasions.', 'A florist since {year}: bouquets, arrangements and flowers for every occasion.'],
      ['Pépinière et serres où poussent vivaces, arbustes et fines herbes adaptés à notre climat.', 'A nursery and greenhouses growing perennials, shrubs and herbs suited to our climate.'],
      ['Jardinerie de quartier avec terreaux, semences et plants de légumes biologiques.', 'A neighbourhood garden centre with soil, seeds and organic vegetable seedlings.'],
    ],
    details: [
      ['Livraison de fleurs le jour même pour les commandes passées avant midi.', 'Same-day flower delivery for orders placed before noon.'],
      ['Conseils d’aménagement gratuits au printemps.', 'Free landscaping advice in the spring.'],
      ['Nos fleurs coupées viennent de producteurs québécois en saison.', 'Our cut flowers come from Quebec growers in season.'],
    ],
  },
  animaux: {
    weight: 3, hours: 'shop',
    names: ['Animalerie {family}', 'Toilettage chez {first}', 'Animalerie {place}', 'Toutous et Minous {place}',
      'Clinique vétérinaire {saint}', 'Moulée & Nourriture {family}', 'Pattes & Moustaches {deTown}'],
    intros: [
      ['Animalerie indépendante : nourriture, accessoires et conseils pour chiens, chats et petits animaux.', 'An independent pet shop: food, accessories and advice for dogs, cats and small animals.'],
      ['Salon de toilettage tenu par {first}, toiletteuse depuis {year}.', 'A grooming salon run by {first}, a groomer since {year}.'],
      ['Nourriture crue, gâteries et jouets fabriqués au Québec.', 'Raw food, treats and toys made in Quebec.'],
    ],
    details: [
      ['Adoptions en partenariat avec le refuge de la région.', 'Adoptions in partnership with the regional shelter.'],
      ['Votre animal est le bienvenu en boutique.', 'Your pet is welcome in the store.'],
      ['Programme de fidélité : le dixième sac de nourriture est offert.', 'Loyalty programme: the tenth bag of food is free.'],
    ],
  },
  services: {
    weight: 8, hours: 'office',
    names: ['Cordonnerie {family}', 'Nettoyeur {saint}', 'Garage {family} & Fils', 'Réparation {family}', 'Atelier de couture chez {first}',
      'Serrurier {family}', 'Imprimerie {place}', 'Horlogerie {family}', 'Nettoyeur {place}', 'Informatique {family}'],
    intros: [
      ['Cordonnerie depuis {year} : réparation de chaussures, bottes et articles de cuir.', 'A cobbler since {year}: repairs to shoes, boots and leather goods.'],
      ['Garage de confiance pour l’entretien et la réparation de toutes les marques.', 'A trusted garage for servicing and repairing every make.'],
      ['Service de proximité : nettoyage à sec, retouches et repassage.', 'A local service: dry cleaning, alterations and pressing.'],
    ],
    details: [
      ['Estimation gratuite, et la plupart des travaux sont faits en 48 heures.', 'Free estimates, and most jobs are done within 48 hours.'],
      ['Pose de pneus d’hiver sur rendez-vous dès octobre.', 'Winter tire installation by appointment from October.'],
      ['Nous réparons plutôt que de remplacer, chaque fois que c’est possible.', 'We repair rather than replace whenever we can.'],
    ],
  },
};

const CATEGORY_ENTRIES = Object.entries(CATEGORIES);
const CATEGORY_WEIGHT_TOTAL = CATEGORY_ENTRIES.reduce((sum, [, category]) => sum + category.weight, 0);

// ---------------------------------------------------------------------------------------------
// Addresses

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
  'avenue Maguire', 'route de l’Église', 'rue Saint-Paul', 'chemin Sainte-Foy', 'avenue Myrand',
];

function streetAddress(random: Random, town: Municipality): string {
  const streets = town.code === '66023' ? MONTREAL_STREETS : town.code === '23027' ? QUEBEC_STREETS : STREETS;
  const number = town.population > 50_000 ? random.int(10, 9999) : random.int(1, 1200);
  const unit = random.chance(0.08) ? `, local ${random.int(100, 250)}` : '';
  return `${number}, ${random.pick(streets)}${unit}`;
}
