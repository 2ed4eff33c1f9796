// A shop's hours and time zone as one search-result metadata value (Pagefind's data-pagefind-meta),
// read back by the search page for "open now". The value is short on purpose: Pagefind's time grows
// with the length of a record's metadata, and the hours as base64 JSON (about 450 characters) took
// half of each search index's build at 20,000 merchants (docs/benchmarks.md). Pagefind splits a meta
// attribute at commas, so none is used:
//
//   zone|mon|tue|wed|thu|fri|sat|sun|exceptions|seasons|temporarilyClosed   (trailing empty fields dropped)
//
// zone is empty for America/Toronto; a day is empty when not given, "x" when closed, else its spans
// "HHMM-HHMM" joined by "+"; exceptions are "YYYYMMDD[~YYYYMMDD]=<day>" joined by "!"; seasons
// "MMDD-MMDD" joined by "+"; temporarilyClosed is "1" or empty.
import { DAYS, type DatedException, type OpeningHours, type Span } from './opening-hours.ts';

const DEFAULT_ZONE = 'America/Toronto';

export function encodeOpenMeta(timeZone: string, hours: OpeningHours): string {
  const fields = [
    timeZone === DEFAULT_ZONE ? '' : timeZone,
    ...DAYS.map((day) => encodeSpans(hours.week?.[day])),
    (hours.exceptions ?? []).map((e) => `${compact(e.date)}${e.until ? `~${compact(e.until)}` : ''}=${encodeSpans(e.spans)}`).join('!'),
    (hours.closedSeasons ?? []).map((s) => `${compact(s.from)}-${compact(s.to)}`).join('+'),
    hours.temporarilyClosed ? '1' : '',
  ];
  return fields.join('|').replace(/\|+$/, '');
}

/** The zone and hours of a result's `open` metadata, or null when it has none or it is unreadable. */
export function readOpenMeta(value: string | undefined): [timeZone: string, hours: OpeningHours] | null {
  if (!value) return null;
  const fields = value.split('|');
  if (fields.length > 11) return null;
  const [zone = '', ...rest] = fields;
  const at = (i: number) => rest[i] ?? '';
  try {
    const hours: OpeningHours = {};
    const week: OpeningHours['week'] = {};
    DAYS.forEach((day, i) => {
      const spans = decodeSpans(at(i));
      if (spans) week[day] = spans;
    });
    if (Object.keys(week).length) hours.week = week;
    if (at(7)) hours.exceptions = at(7).split('!').map(decodeException);
    if (at(8)) {
      hours.closedSeasons = at(8).split('+').map((season) => {
        const [from, to] = season.split('-');
        return { from: monthDay(from), to: monthDay(to) };
      });
    }
    if (at(9) === '1') hours.temporarilyClosed = true;
    return [zone || DEFAULT_ZONE, hours];
  } catch {
    return null;
  }
}

function encodeSpans(spans: Span[] | undefined): string {
  if (!spans) return '';
  return spans.length ? spans.map(([opens, closes]) => `${compact(opens)}-${compact(closes)}`).join('+') : 'x';
}

function decodeSpans(text: string): Span[] | undefined {
  if (!text) return undefined;
  if (text === 'x') return [];
  return text.split('+').map((span) => {
    const [opens, closes] = span.split('-');
    return [time(opens), time(closes)];
  });
}

function decodeException(text: string): DatedException {
  const [dates = '', spans = ''] = text.split('=');
  const [date, until] = dates.split('~');
  const exception: DatedException = { date: isoDate(date), spans: decodeSpans(spans) ?? [] };
  if (until) exception.until = isoDate(until);
  return exception;
}

/** "17:30" → "1730", "2026-12-24" → "20261224", "12-24" → "1224". */
const compact = (value: string) => value.replaceAll(/[:-]/g, '');

function digits(value: string | undefined, length: number): string {
  if (!value || value.length !== length || !/^\d+$/.test(value)) throw new Error(`unreadable: ${value}`);
  return value;
}
const time = (value: string | undefined) => digits(value, 4).replace(/^(\d\d)/, '$1:');
const monthDay = (value: string | undefined) => digits(value, 4).replace(/^(\d\d)/, '$1-');
const isoDate = (value: string | undefined) => digits(value, 8).replace(/^(\d{4})(\d\d)/, '$1-$2-');
