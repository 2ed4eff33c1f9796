import { describe, expect, it } from 'vitest';
import { fill, readSearchState, writeSearchState } from './search-state.ts';

describe('search state in the address bar', () => {
  it('reads the query and the three filters, dropping blanks and unknown parameters', () => {
    expect(readSearchState('?q=+m%C3%A9gantic+&category=&region=Estrie&city=Lac-M%C3%A9gantic&page=3')).toEqual({
      q: 'mégantic', filters: { region: 'Estrie', city: 'Lac-Mégantic' },
    });
    expect(readSearchState('')).toEqual({ q: '', filters: {} });
  });

  it('writes back what it reads, and nothing for an empty search', () => {
    const state = { q: "l'île perrot", filters: { category: 'Épicerie et alimentation' } };
    expect(readSearchState(writeSearchState(state))).toEqual(state);
    expect(writeSearchState({ q: '', filters: {} })).toBe('');
  });

  it('fills message placeholders', () => {
    expect(fill('Aucun commerce ne correspond à « {q} ».', { q: 'zzz' })).toBe('Aucun commerce ne correspond à « zzz ».');
  });
});
