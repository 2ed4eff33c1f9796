// What a business sends to register, and how it is cleaned up before it is stored. Shared with the
// registration page (no Node-only imports), so the page can check a field before sending it and
// show the same message the server would. Messages come in the request's language: build the
// schema with registrationSchema('fr') or registrationSchema('en').
import { z } from 'zod';
import { LOCALES, t, type Locale, type MessageKey } from '../../src/i18n/index.ts';
import { DAYS, LIMITS as HOURS_LIMITS, openingHoursSchema, type HoursMessages } from '../../src/lib/opening-hours.ts';
import { waysToBuySchema } from '../../src/lib/ways-to-buy.ts';
import { CATEGORY_SLUGS, isPlainText, merchantId, oneLine, statusToken, withoutInvisibles } from './schema-parts.ts';

export { CATEGORY_SLUGS, DAYS };


// Limits, each the same as the column's check constraint in public.merchants.
export const LIMITS = { name: 120, description: 2000, address: 200, city: 100, email: 254, url: 300, links: 8, ...HOURS_LIMITS } as const;

/** The fields of the registration form, in the order the form shows them. */
export const REGISTRATION_FIELDS = [
  'name', 'neq', 'category', 'description', 'address', 'city', 'postalCode', 'location', 'latitude', 'longitude', 'phone',
  'email', 'website', 'links', 'hours', 'consent', 'locale', 'company',
] as const;

/** normaliseNeq('1161 234-567') === '1161234567' */
export function normaliseNeq(value: string): string {
  return value.replace(/[\s-]+/g, '');
}

// Canada Post never uses D, F, I, O, Q or U, nor W or Z as the first letter (same rule as the column).
const POSTAL_CODE = /^[ABCEGHJ-NPRSTVXY][0-9][ABCEGHJ-NPRSTV-Z] [0-9][ABCEGHJ-NPRSTV-Z][0-9]$/;

/** normalisePostalCode('h2x1y4') === 'H2X 1Y4'; anything else comes back trimmed, for the check to refuse. */
export function normalisePostalCode(value: string): string {
  const compact = value.replace(/[\s-]+/g, '').toUpperCase();
  return compact.length === 6 ? `${compact.slice(0, 3)} ${compact.slice(3)}` : value.trim().toUpperCase();
}

// North American numbering plan: area code and exchange never start with 0 or 1.
const PHONE = /^\+1[2-9][0-9]{2}[2-9][0-9]{6}$/;

/** normalisePhone('(514) 555-0123') === '+15145550123'; extensions and foreign numbers come back as typed. */
export function normalisePhone(value: string): string {
  const trimmed = value.trim();
  if (!/^\+?[\d\s().-]+$/.test(trimmed)) return trimmed;
  let digits = trimmed.replace(/\D/g, '');
  if (digits.length === 11 && digits.startsWith('1')) digits = digits.slice(1);
  return digits.length === 10 ? `+1${digits}` : trimmed;
}

/** A public http(s) address: no credentials, a host name with a dot, no spaces. */
function parseWebUrl(value: string): URL | null {
  if (/\s/.test(value)) return null;
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return null;
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return null;
  if (url.username || url.password) return null;
  if (!/^[^.]+(\.[^.]+)+$/.test(url.hostname)) return null;
  return url;
}

/**
 * normaliseWebUrl('example.ca') === 'https://example.ca'; normaliseWebUrl('HTTP://Example.ca/Page') === 'http://example.ca/Page'.
 * Another scheme (javascript:, mailto:) comes back unchanged, for the check to refuse.
 */
export function normaliseWebUrl(value: string): string {
  const trimmed = value.trim();
  let candidate = trimmed;
  if (trimmed.startsWith('//')) candidate = `https:${trimmed}`;
  else if (!/^[a-z][a-z0-9+.-]*:/i.test(trimmed) || /^[^/:]+:\d+(\/|$)/.test(trimmed)) candidate = `https://${trimmed}`;
  const url = parseWebUrl(candidate);
  if (!url) return trimmed;
  // One spelling per address, so duplicate checks and fingerprints compare equal.
  return url.pathname === '/' && !url.search && !url.hash ? url.origin : url.href;
}

export function isWebUrl(value: string): boolean {
  return /^https?:\/\//.test(value) && value.length <= LIMITS.url && parseWebUrl(value) !== null;
}

const emptyToUndefined = (value: unknown) => (value === '' || value === null ? undefined : value);
/** A form sends numbers as text: '46.35' → 46.35; anything else is left for the schema to refuse. */
const formNumber = (value: unknown) => {
  const v = emptyToUndefined(value);
  return typeof v === 'string' && /^\s*-?\d+(\.\d+)?\s*$/.test(v) ? Number(v) : v;
};

/**
 * Where the business is shown: 'pin' (the point the merchant placed), 'town' (only its town: a
 * business run from home), 'none' (delivers only). Without a choice: the pin if one is sent, else the town.
 */
export const LOCATION_CHOICES = ['pin', 'town', 'none'] as const;

/** The form's spans of a day: '' for the first (hours-mon-opens), '-2' for the second. */
export const HOURS_SPAN_SUFFIXES = ['', '-2'] as const;

/**
 * What a browser form sends, in the shape the schema takes: social pages one per line (or separated
 * by spaces), opening hours as a day-by-day table (or as JSON text), the consent box as 'on'. Other
 * form fields are ignored.
 * fromForm(new URLSearchParams('name=Café&consent=on&links=a.ca%0Ab.ca')) → { name: 'Café', consent: true, links: ['a.ca', 'b.ca'] }
 */
export function fromForm(form: { get(name: string): unknown }): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const field of REGISTRATION_FIELDS) {
    const value = form.get(field);
    if (typeof value === 'string') out[field] = value;
  }
  if (typeof out.links === 'string') out.links = out.links.split(/\s+/).filter(Boolean);
  // The page's hours table: up to two spans a day (hours-mon-opens, hours-mon-closes, then
  // hours-mon-opens-2, hours-mon-closes-2). A day left blank is closed or not given; a span with one
  // time and not the other gets the schema's message for the missing one.
  if (out.hours === undefined) {
    const week: Record<string, string[][]> = {};
    for (const day of DAYS) {
      for (const suffix of HOURS_SPAN_SUFFIXES) {
        const [opens, closes] = ['opens', 'closes'].map((end) => {
          const value = form.get(`hours-${day}-${end}${suffix}`);
          return typeof value === 'string' ? value.trim() : '';
        });
        if (opens || closes) (week[day] ??= []).push([opens!, closes!]);
      }
    }
    if (Object.keys(week).length > 0) out.hours = { week };
  }
  if (typeof out.hours === 'string') {
    const text = out.hours.trim();
    if (!text) delete out.hours;
    else {
      try {
        out.hours = JSON.parse(text);
      } catch {
        // Left as text: the schema answers that the format is wrong.
      }
    }
  }
  if (out.consent === 'on' || out.consent === 'true' || out.consent === '1') out.consent = true;
  return out;
}

const schemas: Partial<Record<Locale, ReturnType<typeof buildSchemas>>> = {};

function buildSchemas(locale: Locale) {
  const m = (key: MessageKey, params?: Record<string, number>) => t(locale, key, params);
  // A required text field: `required` when missing or blank, whatever its type otherwise.
  const text = (required: MessageKey) =>
    z.string({ error: (issue) => (issue.input === undefined || issue.input === null ? m(required) : m('input.text')) });
  const webUrl = (message: MessageKey) => text(message).overwrite(normaliseWebUrl).refine(isWebUrl, m(message));

  const hours = openingHoursSchema(hoursMessages(locale));

  const description = z
    .string({ error: m('input.text') })
    .overwrite((v) => withoutInvisibles(v).trim())
    .max(LIMITS.description, m('register.description.tooLong', { max: LIMITS.description }))
    .refine(isPlainText, m('input.characters'));
  // Social pages: each a web address, each once.
  const links = z
    .array(webUrl('register.links.format'), { error: m('register.links.invalid') })
    .max(LIMITS.links, m('register.links.tooMany', { max: LIMITS.links }))
    .overwrite((pages) => [...new Set(pages)]);
  const fields = {
        name: text('register.name.required')
          .overwrite((v) => oneLine(withoutInvisibles(v)))
          .min(1, m('register.name.required'))
          .max(LIMITS.name, m('register.name.tooLong', { max: LIMITS.name }))
          .refine(isPlainText, m('input.characters')),
        neq: text('register.neq.required').overwrite(normaliseNeq).min(1, m('register.neq.required')).regex(/^\d{10}$/, m('register.neq.format')),
        category: z.enum(CATEGORY_SLUGS, { error: m('register.category.invalid') }),
        description: description.default(''),
        address: text('register.address.required')
          .overwrite((v) => oneLine(withoutInvisibles(v)))
          .min(1, m('register.address.required'))
          .max(LIMITS.address, m('register.address.tooLong', { max: LIMITS.address }))
          .refine(isPlainText, m('input.characters')),
        city: text('register.city.required')
          .overwrite((v) => oneLine(withoutInvisibles(v)))
          .min(1, m('register.city.required'))
          .max(LIMITS.city, m('register.city.tooLong', { max: LIMITS.city }))
          .refine(isPlainText, m('input.characters')),
        postalCode: text('register.postalCode.required')
          .overwrite(normalisePostalCode)
          .min(1, m('register.postalCode.required'))
          .regex(POSTAL_CODE, m('register.postalCode.format')),
        location: z.preprocess(emptyToUndefined, z.enum(LOCATION_CHOICES, { error: m('register.location.invalid') }).optional()),
        latitude: z.preprocess(formNumber, z.number({ error: m('register.location.point') }).min(-90, m('register.location.point'))
          .max(90, m('register.location.point')).optional()),
        longitude: z.preprocess(formNumber, z.number({ error: m('register.location.point') }).min(-180, m('register.location.point'))
          .max(180, m('register.location.point')).optional()),
        phone: text('register.phone.required')
          .overwrite(normalisePhone)
          .min(1, m('register.phone.required'))
          .regex(PHONE, m('register.phone.format')),
        email: text('register.email.required')
          .trim()
          .toLowerCase()
          .min(1, m('register.email.required'))
          .max(LIMITS.email, m('register.email.format'))
          .pipe(z.email({ error: m('register.email.format') })),
        website: z.preprocess(emptyToUndefined, webUrl('register.website.format').optional()),
        links: links.default([]),
        hours: z.preprocess(emptyToUndefined, hours.optional()),
        consent: z.literal(true, { error: m('register.consent.required') }),
        locale: z.preprocess(emptyToUndefined, z.enum(LOCALES, { error: m('register.locale.invalid') }).optional()),
        // The honeypot: hidden from people, filled by bots. The handler refuses it before this schema runs.
        company: z.preprocess(emptyToUndefined, z.undefined({ error: m('register.company.filled') })),
  };
  const objectError = { error: (issue: { code: string }) => (issue.code === 'unrecognized_keys' ? m('input.unknownField') : m('input.notObject')) };
  // A social page that only repeats the website adds nothing to the listing.
  const linksRepeatWebsite = (value: { links: string[]; website?: string }, ctx: z.RefinementCtx) =>
    value.links.forEach((link, index) => {
      if (value.website && link.toLowerCase() === value.website.toLowerCase()) {
        ctx.addIssue({ code: 'custom', path: ['links', index], message: m('register.links.repeatsWebsite') });
      }
    });
  // A pin is two numbers: one without the other, or "pin" without either, is not a place.
  const pinIsWhole = (value: { location?: string; latitude?: number; longitude?: number }, ctx: z.RefinementCtx) => {
    const given = [value.latitude, value.longitude].filter((v) => v !== undefined).length;
    if (given === 1 || (value.location === 'pin' && given === 0)) {
      ctx.addIssue({ code: 'custom', path: [value.latitude === undefined ? 'latitude' : 'longitude'], message: m('register.location.point') });
    }
  };
  const refine = (value: Parameters<typeof linksRepeatWebsite>[0] & Parameters<typeof pinIsWhole>[0], ctx: z.RefinementCtx) => {
    linksRepeatWebsite(value, ctx);
    pinIsWhole(value, ctx);
  };
  const { consent: _consent, ...corrected } = fields;
  return {
    registration: z.strictObject(fields, objectError).superRefine(refine),
    // A registration sent again after "changes requested": the same fields (consent was given when
    // it was first sent), and the two halves of its private link.
    resubmission: z
      .strictObject({ ...corrected, id: merchantId(locale), token: statusToken(locale) }, objectError)
      .superRefine(refine),
    // An applicant who lost its private link asks for it again by its contact address.
    linkRequest: z.strictObject({ email: fields.email, locale: fields.locale }, objectError),
    // A member's edit of its listing (POST /api/account/edit): any of the listing's fields, both
    // descriptions and the ways to buy, with the version it started from. What is left out stays.
    edit: z.strictObject({
      listingId: merchantId(locale),
      baseVersion: z.number({ error: m('input.notObject') }).int().min(1),
      // The editor page's form says which language it was in.
      locale: fields.locale,
      fields: z.strictObject({
        name: fields.name.optional(),
        neq: fields.neq.optional(),
        category: fields.category.optional(),
        descriptionFr: description.optional(),
        descriptionEn: description.optional(),
        address: fields.address.optional(),
        city: fields.city.optional(),
        postalCode: fields.postalCode.optional(),
        location: fields.location,
        latitude: fields.latitude,
        longitude: fields.longitude,
        // Emptied: the listing no longer shows one.
        phone: z.union([z.literal(''), fields.phone]).optional(),
        email: fields.email.optional(),
        website: z.union([z.literal(''), webUrl('register.website.format')]).optional(),
        links: links.optional(),
        hours: hours.optional(),
        waysToBuy: waysToBuySchema({ area: m('account.ways.area'),
          areaWithoutDelivery: m('account.ways.areaWithoutDelivery') }, webUrl('register.website.format')).optional(),
      }, objectError).superRefine(pinIsWhole),
    }, objectError),
  };
}

/** The schema of a request for a lost status link (POST /api/registration-link), messages in `locale`. */
export function linkRequestSchema(locale: Locale) {
  return (schemas[locale] ??= buildSchemas(locale)).linkRequest;
}

/** The schema of a member's edit (POST /api/account/edit), messages in `locale`. */
export function listingEditSchema(locale: Locale) {
  return (schemas[locale] ??= buildSchemas(locale)).edit;
}

export type ListingEdit = z.output<ReturnType<typeof listingEditSchema>>;

// The form's names → the listing's columns, as public.propose_listing_change takes an edit.
const EDIT_COLUMNS = {
  name: 'name', neq: 'neq', category: 'category_slug', descriptionFr: 'description_fr', descriptionEn: 'description_en',
  address: 'street_address', city: 'city', postalCode: 'postal_code', location: 'location', latitude: 'latitude',
  longitude: 'longitude', phone: 'phone', email: 'contact_email', website: 'website', links: 'social_links',
  hours: 'opening_hours', waysToBuy: 'ways_to_buy',
} as const satisfies Record<keyof ListingEdit['fields'], string>;

/** toListingEdit({ phone: '', waysToBuy: {…} }) → { phone: null, ways_to_buy: {…} }: what the database function reads. */
export function toListingEdit(fields: ListingEdit['fields']): Record<string, unknown> {
  return Object.fromEntries(
    Object.entries(fields)
      .filter(([, value]) => value !== undefined)
      .map(([key, value]) => [EDIT_COLUMNS[key as keyof typeof EDIT_COLUMNS], value === '' && (key === 'phone' || key === 'website') ? null : value]),
  );
}

/** The registration schema with its messages in `locale`; built once per language. */
export function registrationSchema(locale: Locale) {
  return (schemas[locale] ??= buildSchemas(locale)).registration;
}

/** The schema of a resubmission (POST /api/registration-resubmit), messages in `locale`. */
export function resubmissionSchema(locale: Locale) {
  return (schemas[locale] ??= buildSchemas(locale)).resubmission;
}

/** The schema's messages for opening hours, in `locale`. */
function hoursMessages(locale: Locale): HoursMessages {
  const m = (key: MessageKey) => t(locale, key, { max: 0 });
  return {
    invalid: m('register.hours.invalid'), time: m('register.hours.time'), missing: m('register.hours.missing'),
    same: m('register.hours.same'), overlap: m('register.hours.overlap'),
    tooMany: t(locale, 'register.hours.tooMany', { max: LIMITS.spansPerDay }), overnight: m('register.hours.overnight'),
    date: m('register.hours.date'), until: m('register.hours.until'),
    tooManyExceptions: t(locale, 'register.hours.tooManyExceptions', { max: LIMITS.exceptions }),
    exceptionsOverlap: m('register.hours.exceptionsOverlap'), season: m('register.hours.season'),
    tooManySeasons: t(locale, 'register.hours.tooManySeasons', { max: LIMITS.closedSeasons }),
  };
}

export type Registration = z.output<ReturnType<typeof registrationSchema>>;

/**
 * The submission as public.register_merchant() takes it: the cleaned fields and the language the
 * description is written in.
 */
export function toSubmission(registration: Omit<Registration, 'consent'>, locale: Locale) {
  const { company: _company, locale: chosen, ...fields } = registration as Registration;
  const { consent: _consent, ...rest } = fields;
  return { ...rest, locale: chosen ?? locale };
}
export type Submission = ReturnType<typeof toSubmission>;
