import { describe, expect, it } from 'vitest';
import { moderationMessages, moderationPath, reasonTemplates, tm } from '../../i18n/moderation.ts';
import { age, fill, plural } from './text.ts';

const fr = moderationMessages('fr');
const en = moderationMessages('en');

describe('console wording', () => {
  it('fills placeholders and leaves unknown ones', () => {
    expect(fill('Page {page} de {total}', { page: 2 })).toBe('Page 2 de {total}');
    expect(tm('en', 'queue.page', { page: 3 })).toBe('Page 3');
  });

  it('counts with each language’s plural rules and number format', () => {
    expect(plural(fr, 'fr', 'queue.loaded', 1)).toBe('1 inscription sur cette page.');
    expect(plural(fr, 'fr', 'queue.loaded', 0)).toBe('0 inscription sur cette page.');
    expect(plural(fr, 'fr', 'bulk.confirm', 1200)).toBe('Approuver les 1\u00a0200 inscriptions qui réussissent toutes les vérifications ?');
    expect(plural(en, 'en', 'bulk.confirm', 1200)).toBe('Approve the 1,200 registrations that pass all checks?');
    expect(plural(en, 'en', 'bulk.confirm', 1)).toBe('Approve 1 registration that passes all checks?');
  });

  it('says how long the oldest submission has waited in the largest whole unit', () => {
    const now = new Date('2026-11-27T12:00:00Z');
    expect(age(fr, 'fr', new Date('2026-11-24T11:00:00Z'), now)).toBe('3 jours');
    expect(age(en, 'en', new Date('2026-11-27T10:30:00Z'), now)).toBe('1 hour');
    expect(age(en, 'en', new Date('2026-11-27T11:59:30Z'), now)).toBe('0 minutes');
  });

  it('has the check and state names of the site, and reason templates in both languages', () => {
    expect(fr['check.duplicate']).toBe('Doublon');
    expect(en['state.rejected']).toBeTruthy();
    for (const locale of ['fr', 'en'] as const) {
      const templates = reasonTemplates(locale);
      expect(templates.reject.map((x) => x.id)).toEqual(['not-quebec', 'duplicate', 'unverifiable', 'inappropriate']);
      for (const x of [...templates.reject, ...templates.request_changes]) {
        expect(x.text.fr && x.text.en, x.id).toBeTruthy();
        expect(x.label).toBe(x.text[locale]);
      }
    }
    expect(moderationPath('fr', 'console')).toBe('/moderation/');
    expect(moderationPath('en', 'outbox')).toBe('/en/moderation/outbox/');
  });
});
