// The one opening-hours format, for forms, pages, JSON-LD and (later) the map's "open now"; the
// database holds the same rules in supabase/schemas/helpers/private.is_valid_opening_hours.sql, and
// supabase/tests/opening-hours.test.ts keeps the two in agreement.
//   {
//     week: { mon: [['09:00', '12:00'], ['13:00', '17:00']], fri: [['17:00', '02:00']] },
//     exceptions: [{ date: '2027-06-24', spans: [] }, { date: '2026-12-24', spans: [['09:00', '15:00']] },
//                  { date: '2027-07-19', until: '2027-08-01', spans: [] }],
//     closedSeasons: [{ from: '11-01', to: '04-30' }],
//     temporarilyClosed: true,
//   }
// Every key is optional; {} means the hours are not known. A span is [opens, closes] on the 24-hour
// clock; a closing before the opening is on the next day (Friday 17:00 to 02:00), and midnight as a
// closing is written "24:00" ("00:00" is read as it). A day has at most 4 spans, in order, that do
// not overlap; an overnight one comes last and ends before the next day opens. Exceptions are
// dated days or ranges (inclusive, at most a year, not overlapping) whose spans replace the week's
// ([] = closed); closed seasons repeat every year between two month-days and may run over the new
// year. No Node-only import: the registration page's script uses it.
import { z } from 'zod';

export const DAYS = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const;
export type Day = (typeof DAYS)[number];
export type Span = [opens: string, closes: string];
export type DatedException = { date: string; until?: string; spans: Span[] };
export type ClosedSeason = { from: string; to: string };
export type OpeningHours = {
  week?: Partial<Record<Day, Span[]>>;
  exceptions?: DatedException[];
  closedSeasons?: ClosedSeason[];
  temporarilyClosed?: boolean;
};

export const LIMITS = { spansPerDay: 4, exceptions: 50, closedSeasons: 4, exceptionDays: 366 } as const;

const OPENS = /^([01]\d|2[0-3]):[0-5]\d$/;
const CLOSES = /^(([01]\d|2[0-3]):[0-5]\d|24:00)$/;
const ISO_DATE = /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/;
const MONTH_DAY = /^(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/;

/** Minutes since midnight: minutes('17:30') === 1050, minutes('24:00') === 1440. */
export function minutes(time: string): number {
  const [hours, mins] = time.split(':').map(Number);
  return hours! * 60 + mins!;
}

/** Whether a span runs past midnight into the next day: isOvernight(['17:00', '02:00']) === true. */
export function isOvernight([opens, closes]: Span): boolean {
  return minutes(closes) < minutes(opens);
}

/** Whether text is a real calendar date written YYYY-MM-DD (2027-02-29 is not). */
export function isIsoDate(value: string): boolean {
  if (!ISO_DATE.test(value)) return false;
  const [year, month, day] = value.split('-').map(Number);
  return day! <= new Date(Date.UTC(year!, month!, 0)).getUTCDate();
}

/** Days from one ISO date to another: daysBetween('2027-01-01', '2027-01-03') === 2. */
export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}

/** '9:00' → '09:00'; a closing at '00:00' is midnight, written '24:00'. */
const padHour = (value: string) => (/^\d:\d\d$/.test(value) ? `0${value}` : value);

/** The messages a schema words its issues with; the registration form passes its language's. */
export type HoursMessages = {
  invalid: string; time: string; missing: string; same: string; overlap: string; tooMany: string; overnight: string;
  date: string; until: string; tooManyExceptions: string; exceptionsOverlap: string; season: string; tooManySeasons: string;
};

const PLAIN_MESSAGES: HoursMessages = {
  invalid: 'invalid opening hours', time: 'not a 24-hour time', missing: 'missing time', same: 'opens and closes at the same time',
  overlap: 'spans overlap or are out of order', tooMany: 'too many spans', overnight: 'overnight span overlaps the next day',
  date: 'not a date', until: 'until is before the date or more than a year after', tooManyExceptions: 'too many exceptions',
  exceptionsOverlap: 'exceptions overlap', season: 'not a month-day', tooManySeasons: 'too many closed seasons',
};

/**
 * The zod schema of the format, its issues worded with `m` (plain English when not given).
 * openingHoursSchema().parse({ week: { fri: [['17:00', '00:00']] } }) → { week: { fri: [['17:00', '24:00']] } }
 * A week given alone, {mon: [...]}, as the registration API took it before exceptions existed, is read as {week: {mon: [...]}}.
 */
export function openingHoursSchema(m: HoursMessages = PLAIN_MESSAGES) {
  const time = (pattern: RegExp, closing: boolean) =>
    z
      .string({ error: m.time })
      .overwrite((value) => (closing && value.trim() === '00:00' ? '24:00' : padHour(value.trim())))
      .min(1, { error: m.missing, abort: true })
      .regex(pattern, m.time);
  const span = z
    .tuple([time(OPENS, false), time(CLOSES, true)], { error: m.invalid })
    .refine(([opens, closes]) => opens !== closes, m.same);
  const spans = z
    .array(span, { error: m.invalid })
    .max(LIMITS.spansPerDay, m.tooMany)
    // Stored in order, so that a day reads as it unfolds.
    .overwrite((list) => [...list].sort((a, b) => a[0].localeCompare(b[0])))
    .refine(areOrderedWithoutOverlap, m.overlap);
  const week = z
    .strictObject(Object.fromEntries(DAYS.map((d) => [d, spans.optional()])) as Record<Day, z.ZodOptional<typeof spans>>, {
      error: m.invalid,
    })
    .superRefine((value, ctx) => {
      DAYS.forEach((day, i) => {
        const next = value[DAYS[(i + 1) % 7]!]?.[0];
        if (next && overnightEnd(value[day]) > minutes(next[0])) ctx.addIssue({ code: 'custom', path: [day], message: m.overnight });
      });
    });
  const exception = z.strictObject(
    {
      date: z.string({ error: m.date }).refine(isIsoDate, m.date),
      until: z.string({ error: m.date }).refine(isIsoDate, m.date).optional(),
      spans,
    },
    { error: m.invalid },
  ).refine((e) => !e.until || (e.until >= e.date && daysBetween(e.date, e.until) <= LIMITS.exceptionDays), { path: ['until'], message: m.until });
  const monthDay = z.string({ error: m.season }).refine((v) => MONTH_DAY.test(v) && isIsoDate(`2028-${v}`), m.season);
  return z.preprocess(
    weekAlone,
    z.strictObject(
      {
        week: week.optional(),
        exceptions: z
          .array(exception, { error: m.invalid })
          .max(LIMITS.exceptions, m.tooManyExceptions)
          .refine(exceptionsApart, m.exceptionsOverlap)
          .optional(),
        closedSeasons: z
          .array(z.strictObject({ from: monthDay, to: monthDay }, { error: m.invalid }).refine((s) => s.from !== s.to, { path: ['to'], message: m.season }), {
            error: m.invalid,
          })
          .max(LIMITS.closedSeasons, m.tooManySeasons)
          .optional(),
        temporarilyClosed: z.boolean({ error: m.invalid }).optional(),
      },
      { error: m.invalid },
    ),
  );
}

/** Spans in order, each starting at or after the previous one's end; an overnight one last. */
function areOrderedWithoutOverlap(spans: Span[]): boolean {
  let previousEnd = -1;
  for (const span of spans) {
    const opens = minutes(span[0]);
    if (opens < previousEnd || previousEnd >= 1440) return false;
    previousEnd = isOvernight(span) ? minutes(span[1]) + 1440 : minutes(span[1]);
  }
  return true;
}

/** The minute of the next day a day's overnight span ends at (0 when none does). */
export function overnightEnd(spans: Span[] | undefined): number {
  return Math.max(0, ...(spans ?? []).filter(isOvernight).map((s) => minutes(s[1])));
}

function exceptionsApart(exceptions: DatedException[]): boolean {
  const ranges = exceptions.map((e) => [e.date, e.until ?? e.date] as const).sort((a, b) => a[0].localeCompare(b[0]));
  return ranges.every((r, i) => i === 0 || r[0] > ranges[i - 1]![1]);
}

function weekAlone(value: unknown): unknown {
  if (!value || typeof value !== 'object' || Array.isArray(value)) return value;
  const keys = Object.keys(value);
  return keys.length > 0 && keys.every((k) => (DAYS as readonly string[]).includes(k)) ? { week: value } : value;
}

/** Whether anything is known about the hours (a week, exceptions, seasons or a temporary closing). */
export function hasHours(hours: OpeningHours): boolean {
  return Boolean(
    DAYS.some((d) => hours.week?.[d] !== undefined) || hours.exceptions?.length || hours.closedSeasons?.length || hours.temporarilyClosed,
  );
}

/** The hours without the exceptions that ended before `today` (YYYY-MM-DD): what a page built today shows. */
export function withoutPastExceptions(hours: OpeningHours, today: string): OpeningHours {
  if (!hours.exceptions) return hours;
  const { exceptions, ...rest } = hours;
  const upcoming = exceptions.filter((e) => (e.until ?? e.date) >= today);
  return upcoming.length ? { ...rest, exceptions: upcoming } : rest;
}
