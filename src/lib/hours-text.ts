// Opening hours in words, from the dictionary's merchant.hours.* entries: for the merchant page
// (src/components/OpeningHours.astro) and for the moderators' console, which shows what will be
// published. A closing earlier than the opening is after midnight, as people say it ("17 h à 2 h");
// midnight and noon are words. No t() here: the console's script gets its words as JSON.
import type { Locale } from '../i18n/index.ts';
import { capitalize, dayNames, formatDate, formatDateRange, formatMonthDay, formatTime } from './format.ts';
import { DAYS, type Day, type OpeningHours, type Span } from './opening-hours.ts';

export type HoursWordKey =
  | 'merchant.hours.range' | 'merchant.hours.closed' | 'merchant.hours.midnight' | 'merchant.hours.noon'
  | 'merchant.hours.season' | 'merchant.hours.temporarilyClosed';
/** A dictionary lookup: say('merchant.hours.range', { from: '9 h', to: '17 h' }) === '9 h à 17 h'. */
export type HoursWords = (key: HoursWordKey, vars?: Record<string, string>) => string;
export type HoursText = {
  temporarilyClosed: boolean;
  week: Array<{ key: Day; day: string; text: string }>;
  seasons: string[];
  exceptions: Array<{ when: string; text: string }>;
};

const NAMED: Record<string, HoursWordKey> = { '00:00': 'merchant.hours.midnight', '12:00': 'merchant.hours.noon', '24:00': 'merchant.hours.midnight' };

/** The hours as lines to show: the week Monday first (when any day is known), seasons, special dates. */
export function hoursText(locale: Locale, hours: OpeningHours, say: HoursWords): HoursText {
  const names = dayNames(locale);
  const time = (value: string) => (NAMED[value] ? say(NAMED[value]) : formatTime(locale, value));
  const spans = (list: Span[]) =>
    list.length ? list.map(([from, to]) => say('merchant.hours.range', { from: time(from), to: time(to) })).join(', ') : say('merchant.hours.closed');
  return {
    temporarilyClosed: Boolean(hours.temporarilyClosed),
    week: hours.week && DAYS.some((d) => hours.week?.[d]?.length)
      ? DAYS.map((day) => ({ key: day, day: capitalize(names[day]), text: spans(hours.week?.[day] ?? []) }))
      : [],
    seasons: (hours.closedSeasons ?? []).map((s) => say('merchant.hours.season', { from: formatMonthDay(locale, s.from), to: formatMonthDay(locale, s.to) })),
    exceptions: (hours.exceptions ?? []).map((e) => ({
      when: capitalize(e.until ? formatDateRange(locale, e.date, e.until) : formatDate(locale, e.date)),
      text: spans(e.spans),
    })),
  };
}

/** The same as plain lines, for a table cell: "Lundi : 9 h à 17 h". */
export function hoursLines(locale: Locale, hours: OpeningHours, say: HoursWords): string[] {
  const text = hoursText(locale, hours, say);
  const colon = locale === 'fr' ? ' : ' : ': ';
  return [
    ...(text.temporarilyClosed ? [say('merchant.hours.temporarilyClosed')] : []),
    ...text.week.map((r) => `${r.day}${colon}${r.text}`),
    ...text.seasons,
    ...text.exceptions.map((e) => `${e.when}${colon}${e.text}`),
  ];
}
