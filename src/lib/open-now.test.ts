import { describe, expect, it } from 'vitest';
import type { OpeningHours } from './opening-hours.ts';
import { isOpenAt, localTime, openState, spansOn } from './open-now.ts';

// Saturday 5 December 2026, 22:30 in Montréal (EST, UTC−5) is 03:30 UTC on Sunday.
const saturdayNight = new Date('2026-12-06T03:30:00Z');
const bar: OpeningHours = { week: { fri: [['17:00', '02:00']], sat: [['17:00', '03:00']] } };
const bakery: OpeningHours = { week: { mon: [['07:00', '18:00']], sat: [['07:00', '12:00']], sun: [] } };

describe('open now, on the shop’s clock', () => {
  it('reads the time in the shop’s zone: Atlantic on the Magdalen Islands, an hour ahead', () => {
    expect(localTime(saturdayNight, 'America/Toronto')).toEqual({ date: '2026-12-05', minute: 22 * 60 + 30 });
    expect(localTime(saturdayNight, 'America/Halifax')).toEqual({ date: '2026-12-05', minute: 23 * 60 + 30 });
    // Blanc-Sablon keeps Atlantic standard time all year: in July it is the same hour as Montréal.
    expect(localTime(new Date('2027-07-10T16:00:00Z'), 'America/Blanc-Sablon').minute).toBe(12 * 60);
    expect(localTime(new Date('2027-07-10T16:00:00Z'), 'America/Toronto').minute).toBe(12 * 60);
  });

  it('keeps an overnight bar open on Saturday at 22:30 and after midnight, and says when it closes', () => {
    expect(openState(bar, 'America/Toronto', saturdayNight)).toEqual({ known: true, open: true, closes: { date: '2026-12-06', minute: 180 } });
    // Sunday 01:30: Saturday's span still runs.
    expect(isOpenAt(bar, 'America/Toronto', new Date('2026-12-06T06:30:00Z'))).toBe(true);
    // Sunday 04:00: closed, opens Friday.
    expect(openState(bar, 'America/Toronto', new Date('2026-12-06T09:00:00Z'))).toEqual({
      known: true, open: false, opens: { date: '2026-12-11', minute: 17 * 60 },
    });
  });

  it('closes a bakery on Saturday night and opens it Monday at 7', () => {
    expect(openState(bakery, 'America/Toronto', saturdayNight)).toEqual({ known: true, open: false, opens: { date: '2026-12-07', minute: 420 } });
  });

  it('lets an exception replace the day, a closed season and "temporarily closed" close it', () => {
    expect(isOpenAt({ ...bar, exceptions: [{ date: '2026-12-05', spans: [] }] }, 'America/Toronto', saturdayNight)).toBe(false);
    expect(isOpenAt({ ...bakery, exceptions: [{ date: '2026-12-05', until: '2026-12-06', spans: [['20:00', '23:00']] }] }, 'America/Toronto', saturdayNight)).toBe(true);
    expect(isOpenAt({ ...bar, closedSeasons: [{ from: '11-01', to: '04-30' }] }, 'America/Toronto', saturdayNight)).toBe(false);
    expect(spansOn({ ...bar, closedSeasons: [{ from: '11-01', to: '04-30' }] }, '2027-01-15')).toEqual([]);
    expect(openState({ ...bar, temporarilyClosed: true }, 'America/Toronto', saturdayNight)).toEqual({ known: true, open: false, opens: null });
  });

  it('joins a day open to midnight with the next day open from midnight, and says nothing of unknown hours', () => {
    const late: OpeningHours = { week: { sat: [['18:00', '24:00']], sun: [['00:00', '02:00']] } };
    expect(openState(late, 'America/Toronto', saturdayNight)).toMatchObject({ open: true, closes: { date: '2026-12-06', minute: 120 } });
    expect(openState({}, 'America/Toronto', saturdayNight)).toEqual({ known: false });
  });
});

describe('open now in words', async () => {
  const { openNowText } = await import('./open-now-text.ts');
  const words = {
    open: 'Ouvert maintenant · ferme à {time}', closed: 'Fermé · ouvre {when} à {time}', closedForNow: 'Fermé pour le moment',
    today: 'aujourd’hui', tomorrow: 'demain', days: ['lundi', 'mardi', 'mercredi', 'jeudi', 'vendredi', 'samedi', 'dimanche'],
    times: { '07:00': '7 h', '03:00': '3 h', '00:00': 'minuit' },
  };
  it('says when an open shop closes, and when a closed one opens: today, tomorrow or on a weekday', () => {
    expect(openNowText(openState(bar, 'America/Toronto', saturdayNight), '2026-12-05', words)).toBe('Ouvert maintenant · ferme à 3 h');
    expect(openNowText(openState(bakery, 'America/Toronto', saturdayNight), '2026-12-05', words)).toBe('Fermé · ouvre lundi à 7 h');
    expect(openNowText(openState(bakery, 'America/Toronto', new Date('2026-12-07T10:00:00Z')), '2026-12-07', words)).toBe('Fermé · ouvre aujourd’hui à 7 h');
    expect(openNowText(openState(bakery, 'America/Toronto', new Date('2026-12-06T20:00:00Z')), '2026-12-06', words)).toBe('Fermé · ouvre demain à 7 h');
    expect(openNowText(openState({ ...bar, temporarilyClosed: true }, 'America/Toronto', saturdayNight), '2026-12-05', words)).toBe('Fermé pour le moment');
    expect(openNowText(openState({}, 'America/Toronto', saturdayNight), '2026-12-05', words)).toBeNull();
  });
});
