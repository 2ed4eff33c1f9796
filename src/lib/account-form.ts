// The merchant space's editor form (RegistrationFields in 'account' mode) and a listing's fields:
// filled from what GET /api/account returns, read back as POST /api/account/edit takes them. The
// page sends only what the merchant changed: what it reads now beside what it read once filled.
// No Node-only import: the account page's script uses it.
import { fromForm, HOURS_SPAN_SUFFIXES } from '../../functions/_shared/registration-schema.ts';
import { formatPhone } from './format.ts';
import { DAYS, type DatedException, type OpeningHours, type Span } from './opening-hours.ts';
import type { WaysToBuy } from './ways-to-buy.ts';

/** A listing's fields as the database names them (public.my_account). */
export type ListingFields = {
  name: string; category_slug: string; description_fr?: string; description_en?: string; street_address?: string; city: string;
  postal_code: string; location_precision?: 'pin' | 'town' | 'none'; latitude?: number; longitude?: number; phone?: string;
  website?: string; social_links?: string[]; opening_hours?: OpeningHours; ways_to_buy?: WaysToBuy; contact_email?: string; neq?: string;
};

/** A listing's field as the database names it (history, conflicts, journal) → the form's name, for its label. */
export const FORM_NAMES: Readonly<Record<string, string>> = {
  category_slug: 'category', description_fr: 'descriptionFr', description_en: 'descriptionEn', street_address: 'address',
  postal_code: 'postalCode', contact_email: 'email', social_links: 'links', opening_hours: 'hours', ways_to_buy: 'waysToBuy',
  latitude: 'location', longitude: 'location', location_precision: 'location', municipality_code: 'city', region_code: 'city',
};

/** The fields of an edit, named as the API takes them. */
export type EditFields = Record<string, unknown>;

type FormLike = HTMLFormElement;

const WAY_BOXES = ['in_store', 'curbside', 'delivery', 'gift_cards'] as const;

/** "2026-12-25 fermé", "2026-12-24 09:00-15:00 13:00-17:00", "2027-07-19..2027-08-01 fermé" */
export function exceptionsToText(exceptions: DatedException[] = [], closedWord = 'fermé'): string {
  return exceptions.map((e) => `${e.date}${e.until ? `..${e.until}` : ''} ${e.spans.length ? e.spans.map(([a, b]) => `${a}-${b}`).join(' ') : closedWord}`).join('\n');
}

/**
 * The special days typed one per line, or the number of the first line that is not one.
 * parseExceptions('2026-12-25 fermé\n2026-12-24 9:00-15:00') → { exceptions: [{date: '2026-12-25', spans: []}, …] }
 */
export function parseExceptions(text: string): { exceptions: DatedException[] } | { badLine: number } {
  const exceptions: DatedException[] = [];
  const lines = text.split('\n');
  for (const [i, raw] of lines.entries()) {
    const line = raw.trim();
    if (!line) continue;
    const match = /^(\d{4}-\d{2}-\d{2})(?:\s*\.\.\s*(\d{4}-\d{2}-\d{2}))?\s+(.+)$/.exec(line);
    if (!match) return { badLine: i + 1 };
    const [, date, until, rest] = match;
    const words = rest!.trim();
    let spans: Span[] = [];
    if (!/^(fermée?|closed)$/i.test(words)) {
      const found = [...words.matchAll(/(\d{1,2})[:h](\d{2})\s*[-–à]\s*(\d{1,2})[:h](\d{2})/gi)];
      if (!found.length) return { badLine: i + 1 };
      spans = found.map((m) => [`${m[1]!.padStart(2, '0')}:${m[2]}`, `${m[3]!.padStart(2, '0')}:${m[4]}`] as Span);
    }
    exceptions.push({ date: date!, ...(until ? { until } : {}), spans });
  }
  return { exceptions };
}

/**
 * The editor form's values for a listing, by input name: text as shown, "on" for a checked box, the
 * location's choice. What the page fills in, and what a form posted without a script sends back.
 */
export function listingFormValues(f: ListingFields, closedWord: string): Record<string, string> {
  const values: Record<string, string> = {
    name: f.name, neq: f.neq ?? '', category: f.category_slug, descriptionFr: f.description_fr ?? '', descriptionEn: f.description_en ?? '',
    address: f.street_address ?? '', city: f.city, postalCode: f.postal_code, phone: f.phone ? formatPhone(f.phone) : '', email: f.contact_email ?? '',
    website: f.website ?? '', links: (f.social_links ?? []).join('\n'),
  };
  const hours = f.opening_hours ?? {};
  for (const day of DAYS) {
    HOURS_SPAN_SUFFIXES.forEach((suffix, i) => {
      const span = hours.week?.[day]?.[i];
      values[`hours-${day}-opens${suffix}`] = span?.[0] ?? '';
      values[`hours-${day}-closes${suffix}`] = span?.[1] ?? '';
    });
  }
  if (hours.temporarilyClosed) values['hours-temporarily-closed'] = 'on';
  values['hours-season-from'] = hours.closedSeasons?.[0]?.from ?? '';
  values['hours-season-to'] = hours.closedSeasons?.[0]?.to ?? '';
  values['hours-exceptions'] = exceptionsToText(hours.exceptions, closedWord);
  const ways = f.ways_to_buy ?? {};
  for (const way of WAY_BOXES) if (ways[way]) values[`ways-${way}`] = 'on';
  values['ways-delivery_area'] = ways.delivery_area ?? '';
  values['ways-online_store'] = ways.online_store ?? '';
  // The pin stays the merchant's until it chooses otherwise; a town's point is the town's.
  const precision = f.location_precision ?? 'town';
  values.location = precision;
  values.latitude = precision === 'pin' && f.latitude !== undefined ? String(f.latitude) : '';
  values.longitude = precision === 'pin' && f.longitude !== undefined ? String(f.longitude) : '';
  return values;
}

/** Puts a listing's fields into the editor form. */
export function fillForm(form: FormLike, f: ListingFields, closedWord: string): void {
  form.reset();
  const values = listingFormValues(f, closedWord);
  for (const element of form.elements) {
    if (!(element instanceof HTMLInputElement || element instanceof HTMLTextAreaElement || element instanceof HTMLSelectElement) || !element.name) continue;
    const value = values[element.name];
    if (element instanceof HTMLInputElement && (element.type === 'checkbox' || element.type === 'radio')) {
      element.checked = element.type === 'checkbox' ? value === 'on' : value === element.value;
    } else if (value !== undefined) element.value = value;
  }
}

/** The form's fields as an edit (every field), or the line of the special days that cannot be read. */
export function readForm(form: FormLike): { fields: EditFields } | { badLine: number } {
  const data = new FormData(form);
  return editFromValues({ get: (name) => data.get(name) });
}

/**
 * The editor's values as an edit, named as the API takes them, from anything with get(name): the
 * page's FormData, a posted form's URLSearchParams, or listingFormValues.
 */
export function editFromValues(form: { get(name: string): unknown }): { fields: EditFields } | { badLine: number } {
  const get = (name: string) => (typeof form.get(name) === 'string' ? (form.get(name) as string) : '');
  const base = fromForm(form) as EditFields;
  delete base.consent;
  delete base.locale;
  delete base.company;
  const exceptions = parseExceptions(get('hours-exceptions'));
  if ('badLine' in exceptions) return exceptions;
  const week = (base.hours as OpeningHours | undefined)?.week;
  const from = get('hours-season-from').trim();
  const to = get('hours-season-to').trim();
  const hours: OpeningHours = {
    ...(week ? { week } : {}),
    ...(exceptions.exceptions.length ? { exceptions: exceptions.exceptions } : {}),
    ...(from || to ? { closedSeasons: [{ from, to }] } : {}),
    ...(get('hours-temporarily-closed') ? { temporarilyClosed: true } : {}),
  };
  const ways: WaysToBuy = {};
  for (const way of WAY_BOXES) if (get(`ways-${way}`)) ways[way] = true;
  if (get('ways-delivery_area').trim()) ways.delivery_area = get('ways-delivery_area').trim();
  if (get('ways-online_store').trim()) ways.online_store = get('ways-online_store').trim();
  const fields: EditFields = {
    ...base,
    descriptionFr: get('descriptionFr'),
    descriptionEn: get('descriptionEn'),
    phone: get('phone').trim(),
    website: get('website').trim(),
    links: (base.links as string[] | undefined) ?? [],
    hours,
    waysToBuy: ways,
  };
  // A point is sent only when the merchant placed one; otherwise the choice says where.
  if (fields.location !== 'pin') {
    delete fields.latitude;
    delete fields.longitude;
  }
  for (const key of ['latitude', 'longitude'] as const) if (typeof fields[key] === 'string' && fields[key] !== '') fields[key] = Number(fields[key]);
  return { fields };
}

/** What changed between two readings of the form: only those fields are sent. */
export function changedFields(before: EditFields, now: EditFields): EditFields {
  const changed: EditFields = {};
  for (const [key, value] of Object.entries(now)) if (JSON.stringify(value) !== JSON.stringify(before[key])) changed[key] = value;
  // A point moves whole.
  if (['location', 'latitude', 'longitude'].some((k) => k in changed)) {
    for (const k of ['location', 'latitude', 'longitude']) if (k in now) changed[k] = now[k];
  }
  return changed;
}
