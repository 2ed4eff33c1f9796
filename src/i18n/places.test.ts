import { describe, expect, it } from 'vitest';
import { inRegion, inTown } from './places.ts';

const region = (code: string, nameFr: string, nameEn = nameFr) => ({ code, nameFr, nameEn });

describe('place names after a preposition', () => {
  it('give each region the preposition French uses for it', () => {
    expect(inRegion('fr', region('05', 'Estrie'))).toBe('en Estrie');
    expect(inRegion('fr', region('03', 'Capitale-Nationale'))).toBe('dans la Capitale-Nationale');
    expect(inRegion('fr', region('09', 'Côte-Nord'))).toBe('sur la Côte-Nord');
    expect(inRegion('fr', region('01', 'Bas-Saint-Laurent'))).toBe('au Bas-Saint-Laurent');
    expect(inRegion('fr', region('15', 'Laurentides'))).toBe('dans les Laurentides');
    expect(inRegion('fr', region('06', 'Montréal'))).toBe('à Montréal');
  });

  it('give the English names that are common nouns their article', () => {
    expect(inRegion('en', region('05', 'Estrie', 'Eastern Townships'))).toBe('in the Eastern Townships');
    expect(inRegion('en', region('15', 'Laurentides', 'Laurentians'))).toBe('in the Laurentians');
    expect(inRegion('en', region('07', 'Outaouais'))).toBe('in Outaouais');
  });

  it('contract "à" with a town name that starts with an article', () => {
    expect(inTown('fr', 'Rimouski')).toBe('à Rimouski');
    expect(inTown('fr', 'Les Cèdres')).toBe('aux Cèdres');
    expect(inTown('fr', 'Le Gardeur')).toBe('au Gardeur');
    expect(inTown('fr', "L'Île-Perrot")).toBe("à L'Île-Perrot");
    expect(inTown('en', 'Les Cèdres')).toBe('in Les Cèdres');
  });
});
