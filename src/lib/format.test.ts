import { describe, expect, it } from 'vitest';
import { capitalize, dayNames, formatPhone, formatTime, linkLabel, truncate } from './format.ts';

describe('formatPhone', () => {
  it('writes a North American E.164 number as (514) 555-0123', () => {
    expect(formatPhone('+15145550123')).toBe('(514) 555-0123');
  });
  it('leaves anything else as it is', () => {
    expect(formatPhone('+33142685300')).toBe('+33142685300');
  });
});

describe('formatTime', () => {
  it('writes French times the Quebec way, minutes left out on the hour', () => {
    expect(formatTime('fr', '09:00')).toBe('9 h');
    expect(formatTime('fr', '17:30')).toBe('17 h 30');
    expect(formatTime('fr', '24:00')).toBe('24 h');
  });
  it('writes English times with a.m./p.m.', () => {
    expect(formatTime('en', '17:30')).toBe('5:30 p.m.');
    expect(formatTime('en', '09:00')).toBe('9 a.m.');
    expect(formatTime('en', '24:00')).toBe('12 a.m.');
  });
});

describe('dayNames', () => {
  it('names the days from Monday in each language', () => {
    expect(Object.values(dayNames('fr')).map(capitalize)).toEqual(['Lundi', 'Mardi', 'Mercredi', 'Jeudi', 'Vendredi', 'Samedi', 'Dimanche']);
    expect(dayNames('en').sun).toBe('Sunday');
  });
});

describe('linkLabel', () => {
  it('names known social networks and shortens other addresses', () => {
    expect(linkLabel('https://www.instagram.com/boulangerie')).toBe('Instagram');
    expect(linkLabel('https://m.facebook.com/x')).toBe('Facebook');
    expect(linkLabel('https://chezginette.example.com/')).toBe('chezginette.example.com');
    expect(linkLabel('https://example.com/menu/')).toBe('example.com/menu');
  });
});

describe('truncate', () => {
  it('keeps short text and cuts long text at a word with an ellipsis', () => {
    expect(truncate('  Pain  au levain ')).toBe('Pain au levain');
    const cut = truncate('mot '.repeat(100), 50);
    expect(cut.length).toBeLessThanOrEqual(50);
    expect(cut).toMatch(/mot…$/);
  });
});
