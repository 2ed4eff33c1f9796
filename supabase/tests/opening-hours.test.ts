// The opening-hours format is written twice, in SQL (the database refuses what does not fit) and in
// zod (forms and pages say why): both must give the same answer, or a form could accept hours the
// database then refuses with a 500, or the database hold hours a page cannot render.
import { isDeepStrictEqual } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openingHoursSchema } from '../../src/lib/opening-hours.ts';
import { createTestDatabase, databaseKinds, type TestDatabase } from '../../tests/support/test-database.ts';

const week = (days: Record<string, unknown>) => ({ week: days });
/** n different days closed, March 1 to 28 of 2027, then of 2028. */
const closedDays = (n: number) =>
  Array.from({ length: n }, (_, i) => ({ date: `${2027 + Math.floor(i / 28)}-03-${String((i % 28) + 1).padStart(2, '0')}`, spans: [] }));

// [what the case is, the hours]: valid and invalid cases side by side, each rule crossed both ways.
const CASES: [string, unknown][] = [
  ['nothing known', {}],
  ['a plain week', week({ mon: [['09:00', '17:00']], sun: [] })],
  ['a lunch break', week({ tue: [['09:00', '12:00'], ['13:00', '17:00']] })],
  ['four spans', week({ wed: [['06:00', '07:00'], ['08:00', '09:00'], ['10:00', '11:00'], ['12:00', '13:00']] })],
  ['five spans', week({ wed: [['06:00', '07:00'], ['08:00', '09:00'], ['10:00', '11:00'], ['12:00', '13:00'], ['14:00', '15:00']] })],
  ['a span starting where the last ended', week({ thu: [['09:00', '12:00'], ['12:00', '17:00']] })],
  ['overlapping spans', week({ thu: [['09:00', '13:00'], ['12:00', '17:00']] })],
  ['a closing at midnight', week({ fri: [['17:00', '24:00']] })],
  ['a closing at midnight written 00:00', week({ fri: [['17:00', '00:00']] })],
  ['an opening at 24:00', week({ fri: [['24:00', '02:00']] })],
  ['an opening at midnight', week({ sat: [['00:00', '06:00']] })],
  ['friday past midnight', week({ fri: [['17:00', '02:00']], sat: [['10:00', '18:00']] })],
  ['friday past midnight into saturday opening', week({ fri: [['17:00', '11:00']], sat: [['10:00', '18:00']] })],
  ['sunday past midnight into monday', week({ sun: [['20:00', '03:00']], mon: [['02:00', '05:00']] })],
  ['an overnight span before another', week({ fri: [['22:00', '02:00'], ['23:00', '23:30']] })],
  ['an overnight span last', week({ fri: [['11:00', '14:00'], ['22:00', '02:00']] })],
  ['opens and closes at once', week({ mon: [['09:00', '09:00']] })],
  ['25 o’clock', week({ mon: [['09:00', '25:00']] })],
  ['61 minutes', week({ mon: [['09:61', '17:00']] })],
  ['a time with seconds', week({ mon: [['09:00:00', '17:00']] })],
  ['a number for a time', week({ mon: [[900, 1700]] })],
  ['a span of three times', week({ mon: [['09:00', '12:00', '17:00']] })],
  ['an unknown day', week({ lun: [['09:00', '17:00']] })],
  ['a day that is not a list', week({ mon: 'closed' })],
  ['a week that is a list', { week: [] }],
  ['an unknown key', { week: {}, holidays: [] }],
  ['hours that are a list', []],
  ['a holiday closed', { exceptions: [{ date: '2027-06-24', spans: [] }] }],
  ['christmas eve shortened', { exceptions: [{ date: '2026-12-24', spans: [['09:00', '15:00']] }] }],
  ['a two-week vacation', { exceptions: [{ date: '2027-07-19', until: '2027-08-01', spans: [] }] }],
  ['a vacation ending before it starts', { exceptions: [{ date: '2027-08-01', until: '2027-07-19', spans: [] }] }],
  ['a vacation of a year', { exceptions: [{ date: '2027-01-01', until: '2028-01-01', spans: [] }] }],
  ['a vacation of more than a year', { exceptions: [{ date: '2027-01-01', until: '2028-01-03', spans: [] }] }],
  ['february 29 of a leap year', { exceptions: [{ date: '2028-02-29', spans: [] }] }],
  ['february 29 of another year', { exceptions: [{ date: '2027-02-29', spans: [] }] }],
  ['a date written otherwise', { exceptions: [{ date: '24/06/2027', spans: [] }] }],
  ['an exception without spans', { exceptions: [{ date: '2027-06-24' }] }],
  ['an exception with another key', { exceptions: [{ date: '2027-06-24', spans: [], note: 'Fête nationale' }] }],
  ['overlapping exceptions', { exceptions: [{ date: '2027-07-19', until: '2027-08-01', spans: [] }, { date: '2027-07-25', spans: [] }] }],
  ['exceptions side by side', { exceptions: [{ date: '2026-12-24', spans: [['09:00', '15:00']] }, { date: '2026-12-25', until: '2026-12-26', spans: [] }] }],
  ['fifty exceptions', { exceptions: closedDays(50) }],
  ['fifty-one exceptions', { exceptions: closedDays(51) }],
  ['closed for the winter', { closedSeasons: [{ from: '11-15', to: '04-30' }] }],
  ['a season on february 29', { closedSeasons: [{ from: '02-29', to: '03-15' }] }],
  ['a season on february 30', { closedSeasons: [{ from: '02-30', to: '03-15' }] }],
  ['a season of one day', { closedSeasons: [{ from: '03-15', to: '03-15' }] }],
  ['a season with a year', { closedSeasons: [{ from: '2027-11-15', to: '2028-04-30' }] }],
  ['five seasons', { closedSeasons: ['01', '03', '05', '07', '09'].map((m) => ({ from: `${m}-01`, to: `${m}-10` })) }],
  ['temporarily closed', { temporarilyClosed: true }],
  ['temporarily closed as text', { temporarilyClosed: 'yes' }],
  ['everything at once', {
    week: { mon: [['09:00', '12:00'], ['13:00', '17:00']], fri: [['17:00', '02:00']] },
    exceptions: [{ date: '2027-06-24', spans: [] }, { date: '2026-12-24', spans: [['09:00', '15:00']] }],
    closedSeasons: [{ from: '11-01', to: '04-30' }],
    temporarilyClosed: false,
  }],
];

describe.each(databaseKinds())('the opening-hours format on %s', (kind) => {
  let db: TestDatabase;
  let sql: Map<string, boolean>;
  const zod = openingHoursSchema();

  beforeAll(async () => {
    db = await createTestDatabase(kind);
    // The SQL answer for each case as given, and for what zod made of it (the form the API stores).
    const inputs = CASES.flatMap(([name, hours]) => {
      const parsed = zod.safeParse(hours);
      return [[`${name}`, hours], ...(parsed.success ? [[`${name} (as zod wrote it)`, parsed.data]] : [])];
    });
    const rows = await db.query<{ name: string; valid: boolean }>(
      `select c ->> 0 as name, private.is_valid_opening_hours(c -> 1) as valid from jsonb_array_elements($1::jsonb) as c`,
      [JSON.stringify(inputs)],
    );
    sql = new Map(rows.map((r) => [r.name, r.valid]));
  });
  afterAll(() => db?.drop());

  it('has cases on both sides of every rule', () => {
    const verdicts = CASES.map(([, hours]) => zod.safeParse(hours).success);
    expect(verdicts.filter(Boolean).length).toBeGreaterThan(15);
    expect(verdicts.filter((v) => !v).length).toBeGreaterThan(15);
  });

  it.each(CASES)('agrees with zod on %s', (name, hours) => {
    const parsed = zod.safeParse(hours);
    if (!parsed.success) {
      // What zod refuses, the database refuses too.
      expect(sql.get(name), parsed.error.issues[0]?.message).toBe(false);
      return;
    }
    // What zod accepts, it writes in a form the database accepts...
    expect(sql.get(`${name} (as zod wrote it)`)).toBe(true);
    // ...and hours already in that form are accepted as they are.
    if (isDeepStrictEqual(parsed.data, hours)) expect(sql.get(name)).toBe(true);
  });
});
