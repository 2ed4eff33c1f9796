// "Open now", read in the shop's own time zone (the Magdalen Islands keep Atlantic time), from the
// one hours format (opening-hours.ts): a day's spans are its exception's when a dated exception
// covers it, else its weekday's; a closed season or "temporarily closed" closes it; an overnight
// span (Friday 17:00–02:00) still counts early on the next day. Pure; the browser runs it, so a
// page served days after its build is still right.
import { DAYS, isOvernight, minutes, type OpeningHours, type Span } from './opening-hours.ts';

/** A moment on the shop's clock: its calendar date and the minute of the day. */
export type LocalTime = { date: string; minute: number };

const formatters = new Map<string, Intl.DateTimeFormat>();

/** The shop's date and minute at `now` in `timeZone`: localTime(new Date('2026-12-05T03:30:00Z'), 'America/Toronto') → { date: '2026-12-04', minute: 1350 }. */
export function localTime(now: Date, timeZone: string): LocalTime {
  let format = formatters.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });
    formatters.set(timeZone, format);
  }
  const parts = Object.fromEntries(format.formatToParts(now).map((p) => [p.type, p.value]));
  return { date: `${parts.year}-${parts.month}-${parts.day}`, minute: Number(parts.hour) * 60 + Number(parts.minute) };
}

/** The date `days` after an ISO date: addDays('2026-12-31', 1) === '2027-01-01'. */
export function addDays(date: string, days: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
}

/** The spans of a calendar date, or null when the hours say nothing about it. */
export function spansOn(hours: OpeningHours, date: string): Span[] | null {
  if (hours.temporarilyClosed) return [];
  const monthDay = date.slice(5);
  if (hours.closedSeasons?.some((s) => (s.from <= s.to ? monthDay >= s.from && monthDay <= s.to : monthDay >= s.from || monthDay <= s.to))) return [];
  const exception = hours.exceptions?.find((e) => date >= e.date && date <= (e.until ?? e.date));
  if (exception) return exception.spans;
  const weekday = DAYS[(new Date(`${date}T00:00:00Z`).getUTCDay() + 6) % 7]!;
  return hours.week?.[weekday] ?? null;
}

export type OpenState =
  | { known: false }
  | { known: true; open: true; closes: LocalTime }
  /** `opens` is null when no opening is found in the next week (a closed season, temporarily closed). */
  | { known: true; open: false; opens: LocalTime | null };

/** Whether the shop is open at `now`, and when that changes. */
export function openState(hours: OpeningHours, timeZone: string, now: Date): OpenState {
  const here = localTime(now, timeZone);
  // Intervals in minutes from the start of yesterday, over nine days: yesterday's overnight span
  // reaches into today; a week ahead finds the next opening.
  const intervals: Array<[number, number]> = [];
  let anyKnown = false;
  for (let day = -1; day <= 7; day++) {
    const spans = spansOn(hours, addDays(here.date, day));
    if (spans === null) continue;
    anyKnown = true;
    const base = (day + 1) * 1440;
    for (const span of spans) {
      const closes = minutes(span[1]);
      intervals.push([base + minutes(span[0]), base + (isOvernight(span) ? 1440 + closes : closes)]);
    }
  }
  if (!anyKnown && !hours.temporarilyClosed) return { known: false };
  const at = 1440 + here.minute;
  const toLocal = (m: number): LocalTime => ({ date: addDays(here.date, Math.floor(m / 1440) - 1), minute: m % 1440 });
  intervals.sort((a, b) => a[0] - b[0]);
  const current = intervals.find(([from, to]) => from <= at && at < to);
  if (current) {
    // Spans that touch (a day to midnight, the next from midnight) are one opening.
    let end = current[1];
    for (const [from, to] of intervals) if (from <= end && to > end) end = to;
    return { known: true, open: true, closes: toLocal(end) };
  }
  const next = intervals.find(([from]) => from > at);
  return { known: true, open: false, opens: next ? toLocal(next[0]) : null };
}

/** Whether the shop is open at `now` (unknown hours count as not open). */
export function isOpenAt(hours: OpeningHours, timeZone: string, now: Date): boolean {
  const state = openState(hours, timeZone, now);
  return state.known && state.open;
}
