import { describe, expect, it } from 'vitest';
import { moderationMessages, moderationPath, reasonTemplates, tm } from '../../i18n/moderation.ts';
import { age, fill, formatDate, historyLine, plural } from './text.ts';

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

  it('words each history entry: a decision with its moderator, a resubmission as the applicant’s', () => {
    const decidedAt = '2026-12-02T06:56:00Z';
    expect(historyLine(fr, 'fr', { decision: 'request_changes', moderator: 'modo@example.org', decidedAt }))
      .toBe(`${formatDate('fr', decidedAt)} — modifications demandées par modo@example.org`);
    expect(historyLine(fr, 'fr', { decision: 'resubmit', moderator: null, decidedAt }))
      .toBe(`${formatDate('fr', decidedAt)} — corrigée et renvoyée par le demandeur`);
    expect(historyLine(en, 'en', { decision: 'resubmit', moderator: null, decidedAt }))
      .toBe(`${formatDate('en', decidedAt)} — corrected and sent again by the applicant`);
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
