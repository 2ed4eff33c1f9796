import { describe, expect, it } from 'vitest';
import { absoluteUrl, otherLocale, pathFor } from './routes.ts';

describe('pathFor', () => {
  it('puts French at the root and English under /en/, with translated segments', () => {
    expect(pathFor('fr', { kind: 'home' })).toBe('/');
    expect(pathFor('en', { kind: 'home' })).toBe('/en/');
    expect(pathFor('fr', { kind: 'merchant', slug: 'cafe-chez-ginette' })).toBe('/commerces/cafe-chez-ginette/');
    expect(pathFor('en', { kind: 'merchant', slug: 'cafe-chez-ginette' })).toBe('/commerces/cafe-chez-ginette/?lang=en');
    expect(pathFor('fr', { kind: 'search' })).toBe('/recherche/');
    expect(pathFor('en', { kind: 'search' })).toBe('/en/search/');
    // The register function redirects to these two status paths: keep them in step.
    expect(pathFor('fr', { kind: 'register' })).toBe('/inscription/');
    expect(pathFor('en', { kind: 'register' })).toBe('/en/register/');
    expect(pathFor('fr', { kind: 'status' })).toBe('/statut/');
    expect(pathFor('en', { kind: 'status' })).toBe('/en/status/');
    expect(pathFor('fr', { kind: 'city', slug: 'l-ile-perrot' })).toBe('/villes/l-ile-perrot/');
    expect(pathFor('en', { kind: 'region', slug: 'estrie' })).toBe('/en/regions/estrie/');
  });

  it('numbers list pages from 2, page 1 being the list itself', () => {
    expect(pathFor('fr', { kind: 'category', slug: 'animaux', page: 1 })).toBe('/categories/animaux/');
    expect(pathFor('en', { kind: 'city', slug: 'lac-megantic', page: 2 })).toBe('/en/cities/lac-megantic/2/');
  });
});

describe('absoluteUrl and otherLocale', () => {
  it('resolves a path against the site and names the other language', () => {
    expect(absoluteUrl('/en/', new URL('https://vitrine.example'))).toBe('https://vitrine.example/en/');
    expect(() => absoluteUrl('/', undefined)).toThrow(/SITE_URL/);
    expect(otherLocale('fr')).toBe('en');
    expect(otherLocale('en')).toBe('fr');
  });
});
