// Display formats for merchant data, through Intl where a standard exists.
// No t() here: the pages' scripts import these, and the dictionary must not follow them into the browser.
import { intlLocale, type Locale } from '../i18n/index.ts';
import { DAYS, type Day } from './opening-hours.ts';

export type { Day };

/**
 * North American display form of an E.164 number: formatPhone('+15145550123') === '(514) 555-0123'.
 * Anything else is returned unchanged rather than guessed at.
 */
export function formatPhone(e164: string): string {
  const match = /^\+1(\d{3})(\d{3})(\d{4})$/.exec(e164);
  return match ? `(${match[1]}) ${match[2]}-${match[3]}` : e164;
}

// 2024-01-01 was a Monday; days are formatted in UTC so the build machine's time zone cannot shift them.
const MONDAY = Date.UTC(2024, 0, 1);
const DAY_MS = 86_400_000;

// Intl formatters are slow to create (tens of microseconds each): with 200,000 pages they are made
// once per locale and reused.
const cache = new Map<string, unknown>();
function once<T>(key: string, make: () => T): T {
  if (!cache.has(key)) cache.set(key, make());
  return cache.get(key) as T;
}

/** The weekday names in DAYS order, from Intl: dayNames('fr').mon === 'lundi'. */
export function dayNames(locale: Locale): Record<Day, string> {
  return once(`days:${locale}`, () => {
    const format = new Intl.DateTimeFormat(intlLocale(locale), { weekday: 'long', timeZone: 'UTC' });
    return Object.fromEntries(DAYS.map((day, i) => [day, format.format(MONDAY + i * DAY_MS)])) as Record<Day, string>;
  });
}

/**
 * A "HH:MM" opening time in the locale's style, minutes left out on the hour: formatTime('fr', '17:30')
 * === '17 h 30', formatTime('fr', '09:00') === '9 h', formatTime('en', '17:30') === '5:30 p.m.'.
 * "24:00" (closing at midnight) is hour 24 in French and 12 a.m. in English; pages name midnight and noon
 * in words from the dictionary instead (OpeningHours.astro).
 */
export function formatTime(locale: Locale, time: string): string {
  // A catalogue uses a few dozen distinct times; each page shows about twenty in two languages.
  return once(`${locale} ${time}`, () => {
    const [hours, minutes] = time.split(':').map(Number);
    // Intl's fr-CA hour-only pattern pads the hour ("09 h"); the Office québécois de la langue française
    // writes "9 h", "17 h 30" and "24 h" for a midnight closing, so French is written out by hand.
    if (locale === 'fr') return minutes ? `${hours} h ${String(minutes).padStart(2, '0')}` : `${hours} h`;
    const format = once(`time:${locale}:${minutes ? 'hm' : 'h'}`, () =>
      new Intl.DateTimeFormat(intlLocale(locale), { hour: 'numeric', ...(minutes ? { minute: '2-digit' } : {}), timeZone: 'UTC' }));
    return format.format(Date.UTC(2024, 0, 1, hours % 24, minutes));
  });
}

/** A date of the calendar, in words: formatDate('fr', '2027-06-24') === '24 juin 2027'; '2027-07-01' → '1er juillet 2027'. */
export function formatDate(locale: Locale, iso: string): string {
  // Holidays repeat from one merchant to the next: each date is formatted once per build.
  return once(`date:${locale}:${iso}`, () => firstOfMonth(locale, dateFormat(locale).format(Date.parse(`${iso}T12:00:00Z`))));
}

/** A range of dates: formatDateRange('fr', '2027-07-19', '2027-08-01') === '19 juillet au 1er août 2027' (Intl's form). */
export function formatDateRange(locale: Locale, from: string, to: string): string {
  // formatRange costs about 50 µs a call: at 20,000 merchants with the same holidays, 2 s of a build.
  return once(`range:${locale}:${from}:${to}`, () =>
    firstOfMonth(locale, dateFormat(locale).formatRange(Date.parse(`${from}T12:00:00Z`), Date.parse(`${to}T12:00:00Z`))));
}

function dateFormat(locale: Locale): Intl.DateTimeFormat {
  return once(`date:${locale}`, () => new Intl.DateTimeFormat(intlLocale(locale), { dateStyle: 'long', timeZone: 'UTC' }));
}

/** A day of every year, 'MM-DD': formatMonthDay('fr', '11-01') === '1er novembre', formatMonthDay('en', '04-30') === 'April 30'. */
export function formatMonthDay(locale: Locale, monthDay: string): string {
  return once(`monthday:${locale}:${monthDay}`, () => {
    const format = once(`monthday:${locale}`, () => new Intl.DateTimeFormat(intlLocale(locale), { day: 'numeric', month: 'long', timeZone: 'UTC' }));
    // 2028 is a leap year, so 02-29 has a date.
    return firstOfMonth(locale, format.format(Date.parse(`2028-${monthDay}T12:00:00Z`)));
  });
}

// French writes the first of the month "1er"; Intl writes "1".
function firstOfMonth(locale: Locale, text: string): string {
  return locale === 'fr' ? text.replace(/(^|\D)1(?= [a-zéû])/g, '$11er') : text;
}

/** Capitalises the first letter, for day names used as row headers: capitalize('lundi') === 'Lundi'. */
export function capitalize(text: string): string {
  return text.charAt(0).toLocaleUpperCase('fr-CA') + text.slice(1);
}

const NETWORKS: Record<string, string> = {
  'facebook.com': 'Facebook', 'instagram.com': 'Instagram', 'linkedin.com': 'LinkedIn', 'x.com': 'X',
  'twitter.com': 'X', 'tiktok.com': 'TikTok', 'youtube.com': 'YouTube', 'pinterest.com': 'Pinterest',
  'threads.net': 'Threads', 'bsky.app': 'Bluesky',
};

/**
 * Short text for a link to a merchant's site or profile: the network's name, else the address without
 * its scheme. linkLabel('https://www.instagram.com/x') === 'Instagram'; linkLabel('https://a.ca/') === 'a.ca'
 */
export function linkLabel(href: string): string {
  let url: URL;
  try {
    url = new URL(href);
  } catch {
    return href;
  }
  const host = url.hostname.replace(/^(www|m)\./, '');
  if (NETWORKS[host]) return NETWORKS[host];
  const path = url.pathname === '/' ? '' : url.pathname.replace(/\/$/, '');
  return `${host}${path}`;
}

/** Cuts text to at most `max` characters at a word boundary, with an ellipsis: for meta descriptions. */
export function truncate(text: string, max = 160): string {
  const clean = text.replace(/\s+/g, ' ').trim();
  if (clean.length <= max) return clean;
  const cut = clean.slice(0, max - 1);
  return `${cut.slice(0, cut.lastIndexOf(' ') > max / 2 ? cut.lastIndexOf(' ') : cut.length).replace(/[\s,;:.]+$/, '')}…`;
}

/** "Chicoutimi, Jonquière et La Baie"; "Chicoutimi, Jonquière, and La Baie". */
export function listFormat(locale: Locale, items: readonly string[]): string {
  return once(`list:${locale}`, () => new Intl.ListFormat(intlLocale(locale), { style: 'long', type: 'conjunction' })).format(items);
}
