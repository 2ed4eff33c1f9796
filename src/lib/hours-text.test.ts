import { describe, expect, it } from 'vitest';
import { t } from '../i18n/index.ts';
import { hoursLines } from './hours-text.ts';

const say = (locale: 'fr' | 'en') => (key: Parameters<typeof t>[1], vars?: Record<string, string>) => t(locale, key, vars);

describe('opening hours as lines (the moderators’ view of what a page will show)', () => {
  const hours = {
    week: { mon: [['07:00', '11:30'], ['13:00', '17:30']], fri: [['07:00', '12:00'], ['17:00', '02:00']] },
    exceptions: [{ date: '2027-06-24', spans: [] }],
    closedSeasons: [{ from: '11-01', to: '04-30' }],
    temporarilyClosed: true,
  } as const;

  it('reads the week Monday first, overnight spans and noon in words, then seasons and dates, in French', () => {
    const lines = hoursLines('fr', structuredClone(hours) as never, say('fr'));
    expect(lines[0]).toBe('Temporairement fermé');
    expect(lines[1]).toBe('Lundi : 7 h à 11 h 30, 13 h à 17 h 30');
    expect(lines[2]).toBe('Mardi : Fermé');
    expect(lines[5]).toBe('Vendredi : 7 h à midi, 17 h à 2 h');
    expect(lines[8]).toBe('Fermé chaque année du 1er novembre au 30 avril.');
    expect(lines[9]).toBe('24 juin 2027 : Fermé');
  });

  it('in English', () => {
    const lines = hoursLines('en', structuredClone(hours) as never, say('en'));
    expect(lines[5]).toBe('Friday: 7 a.m. to noon, 5 p.m. to 2 a.m.');
  });

  it('says nothing when nothing is known', () => {
    expect(hoursLines('fr', {}, say('fr'))).toEqual([]);
  });
});
