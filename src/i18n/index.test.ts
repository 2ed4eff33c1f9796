import { describe, expect, it } from 'vitest';
import { en } from './en.ts';
import { fr } from './fr.ts';
import { t, tCount } from './index.ts';

describe('t', () => {
  it('fills placeholders in the requested language', () => {
    expect(t('fr', 'search.none', { q: 'pain' })).toBe('Aucun commerce ne correspond à « pain ».');
    expect(t('en', 'search.none', { q: 'pain' })).toBe('No business matches “pain”.');
  });

  it('falls back to French for a key the English dictionary lacks', () => {
    expect(en['site.name']).toBeUndefined();
    expect(t('en', 'site.name')).toBe('Vitrine');
  });

  it('leaves an unknown placeholder visible rather than blank', () => {
    expect(t('fr', 'search.none')).toBe('Aucun commerce ne correspond à « {q} ».');
  });

  it('has an English text for every French key but the site name', () => {
    const missing = Object.keys(fr).filter((k) => !(k in en));
    expect(missing).toEqual(['site.name']);
  });
});

describe('tCount', () => {
  it('picks the singular or plural form and formats the number for the locale', () => {
    expect(tCount('fr', 'count.merchants', 1)).toBe('1 commerce');
    expect(tCount('fr', 'count.merchants', 0)).toBe('0 commerce');
    expect(tCount('fr', 'count.merchants', 12345)).toBe('12\u00a0345 commerces');
    expect(tCount('en', 'count.merchants', 1)).toBe('1 business');
    expect(tCount('en', 'count.merchants', 12345)).toBe('12,345 businesses');
  });
});
