// Display formats for merchant data, through Intl where a standard exists.
import { DAYS } from './catalogue-schema.ts';
import { intlLocale, type Locale } from '../i18n/index.ts';

export type Day = (typeof DAYS)[number];

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

/** The weekday names in DAYS order, from Intl: dayNames('fr')[0] === 'lundi'. */
export function dayNames(locale: Locale): Record<Day, string> {
  const format = new Intl.DateTimeFormat(intlLocale(locale), { weekday: 'long', timeZone: 'UTC' });
  return Object.fromEntries(DAYS.map((day, i) => [day, format.format(MONDAY + i * DAY_MS)])) as Record<Day, string>;
}

/**
 * A "HH:MM" opening time in the locale's style: formatTime('fr', '17:30') === '17 h 30',
 * formatTime('en', '17:30') === '5:30 p.m.'. "24:00" (closing at midnight) reads as midnight.
 */
export function formatTime(locale: Locale, time: string): string {
  const [hours, minutes] = time.split(':').map(Number);
  const format = new Intl.DateTimeFormat(intlLocale(locale), { hour: 'numeric', minute: '2-digit', timeZone: 'UTC' });
  return format.format(Date.UTC(2024, 0, 1, hours % 24, minutes));
}

/** Capitalises the first letter, for day names used as row headers: capitalize('lundi') === 'Lundi'. */
export function capitalize(text: string): string {
  return text.charAt(0).toLocaleUpperCase('fr-CA') + text.slice(1);
}
