// The table of a registration beside the listings it may duplicate: a row per field, a column per
// listing, and the identity fields that match marked in words as well as colour.
import type { Compare, ComparedListing } from '../../../functions/_shared/moderation-answers.ts';
import type { Locale } from '../../i18n/index.ts';
import { hoursLines } from '../../lib/hours-text.ts';
import { fill, formatDate } from '../../lib/moderation/text.ts';
import type { OpeningHours } from '../../lib/opening-hours.ts';
import type { PageContext } from './context.ts';

// Every field that will be published, and the private ones a moderator needs (NEQ, e-mail).
const FIELDS = [
  'name', 'status', 'neq', 'phone', 'website', 'links', 'email', 'address', 'city', 'postalCode', 'location', 'region', 'category',
  'descriptionFr', 'descriptionEn', 'hours', 'locale', 'submittedAt',
] as const;
type Field = (typeof FIELDS)[number];
// What two listings may share without being the same business.
const NOT_IDENTITY = new Set<Field>(['status', 'category', 'region', 'location', 'hours', 'locale', 'submittedAt']);

/** "Café  Chez-Ginette" and "cafe chez ginette" are the same to a moderator. */
const key = (value: string) => value.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase().replace(/\W+/g, '');

export function compareTable({ submission, duplicates, published }: Compare, { m, locale, names }: PageContext): HTMLTableElement {
  const value = (l: ComparedListing, field: Field): string => {
    switch (field) {
      case 'status': return m[`state.${l.status}`] ?? l.status;
      case 'category': return names.categories?.[l.category] ?? l.category;
      case 'region': return l.region ? (names.regions?.[l.region] ?? l.region) : '';
      case 'links': return l.socialLinks.join('\n');
      case 'location': {
        const where = m[`field.location.${l.location.precision}`] ?? l.location.precision;
        return l.location.latitude === null ? where : `${where} (${l.location.latitude.toFixed(4)}, ${l.location.longitude!.toFixed(4)})`;
      }
      case 'hours': return hoursLines(locale as Locale, l.openingHours as OpeningHours, (k, vars) => fill(m[k] ?? k, vars)).join('\n');
      case 'locale': return l.locale ? (m[`language.${l.locale}`] ?? l.locale) : '';
      case 'submittedAt': return formatDate(locale, l.submittedAt, false);
      default: return l[field] ?? '';
    }
  };
  const cell = (tag: 'th' | 'td', text: string, scope?: 'col' | 'row') => {
    const element = document.createElement(tag);
    if (scope) element.scope = scope;
    element.textContent = text;
    return element;
  };

  const table = document.createElement('table');
  const caption = table.createCaption();
  caption.textContent = m['detail.compare']!;
  caption.className = 'visually-hidden';
  const head = table.createTHead().insertRow();
  head.append(cell('th', m['detail.compare.field']!, 'col'), cell('th', m[published ? 'detail.compare.thisChange' : 'detail.compare.this']!, 'col'));
  if (published) head.append(cell('th', m['detail.compare.published']!, 'col'));
  duplicates.forEach((d, i) => {
    const th = cell('th', fill(m['detail.compare.duplicate']!, { n: i + 1 }), 'col');
    const matches = document.createElement('span');
    matches.className = 'matches';
    matches.textContent = fill(m['detail.compare.matches']!, { matches: d.matches.map((k) => m[`match.${k}`] ?? k).join(', ') });
    th.append(document.createElement('br'), matches);
    head.append(th);
  });
  const body = table.createTBody();
  for (const field of FIELDS) {
    const row = body.insertRow();
    const own = value(submission, field);
    const ownCell = cell('td', own);
    row.append(cell('th', m[`field.${field}`] ?? field, 'row'), ownCell);
    // A member's change beside the published listing: what it changes is marked in words too.
    if (published) {
      const now = value(published, field);
      row.append(cell('td', now));
      if (now !== own && field !== 'status' && field !== 'submittedAt') {
        ownCell.className = 'changed';
        const note = document.createElement('span');
        note.className = 'same-note';
        note.textContent = ` ${m['detail.compare.changed']}`;
        ownCell.append(note);
      }
    }
    for (const d of duplicates) {
      const theirs = value(d, field);
      const td = cell('td', theirs);
      if (!NOT_IDENTITY.has(field) && own !== '' && key(own) === key(theirs)) {
        td.className = 'same';
        const note = document.createElement('span');
        note.className = 'same-note';
        note.textContent = ` ${m['detail.compare.same']}`;
        td.append(note);
      }
      row.append(td);
    }
  }
  return table;
}
