// The registration schema on its own, without a server: how typed values are cleaned up, and the
// form adapter. The handler test covers each refusal over HTTP.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  CATEGORY_SLUGS, fromForm, isWebUrl, normaliseNeq, normalisePhone, normalisePostalCode, normaliseWebUrl, registrationSchema, toSubmission,
} from './registration-schema.ts';

describe('cleaning up what people type', () => {
  it('NEQ: spaces and dashes go', () => {
    expect(normaliseNeq('1161 234-567')).toBe('1161234567');
    expect(normaliseNeq(' 1161234567 ')).toBe('1161234567');
    expect(normaliseNeq('')).toBe('');
  });

  it('postal codes: upper case with one space', () => {
    expect(normalisePostalCode('h2x1y4')).toBe('H2X 1Y4');
    expect(normalisePostalCode(' h2x-1y4 ')).toBe('H2X 1Y4');
    expect(normalisePostalCode('H2X  1Y4')).toBe('H2X 1Y4');
    expect(normalisePostalCode('12345')).toBe('12345');
  });

  it('phones: E.164 for North American numbers, anything else as typed', () => {
    expect(normalisePhone('(514) 555-0123')).toBe('+15145550123');
    expect(normalisePhone('514.555.0123')).toBe('+15145550123');
    expect(normalisePhone('+1 514 555 0123')).toBe('+15145550123');
    expect(normalisePhone('1-819-555-0123')).toBe('+18195550123');
    expect(normalisePhone('514 555-0123 poste 12')).toBe('514 555-0123 poste 12');
    expect(normalisePhone('555-0123')).toBe('555-0123');
  });

  it('web addresses: https:// added, one spelling per address, other schemes left for the check to refuse', () => {
    expect(normaliseWebUrl('example.ca')).toBe('https://example.ca');
    expect(normaliseWebUrl('Example.CA/')).toBe('https://example.ca');
    expect(normaliseWebUrl('http://example.ca/Menu?x=1')).toBe('http://example.ca/Menu?x=1');
    expect(normaliseWebUrl('//example.ca/a')).toBe('https://example.ca/a');
    expect(normaliseWebUrl('example.ca:8080/a')).toBe('https://example.ca:8080/a');
    expect(normaliseWebUrl('www.facebook.com/Café-Ginette')).toBe('https://www.facebook.com/Caf%C3%A9-Ginette');
    for (const refused of ['javascript:alert(1)', 'mailto:a@example.ca', 'data:text/html,x', 'https://user:pw@example.ca', 'https://localhost', 'exa mple.ca', '']) {
      expect(isWebUrl(normaliseWebUrl(refused)), refused).toBe(false);
    }
  });
});

describe('the form adapter', () => {
  it('reads social pages one per line, hours as JSON, the consent box as on, and ignores other fields', () => {
    const form = new URLSearchParams({
      name: 'Café', links: 'facebook.com/a\r\ninstagram.com/a  ', hours: '{"mon":[["09:00","17:00"]]}', consent: 'on', submit: 'Envoyer', website: '',
    });
    expect(fromForm(form)).toEqual({ name: 'Café', links: ['facebook.com/a', 'instagram.com/a'], hours: { mon: [['09:00', '17:00']] }, consent: true, website: '' });
  });

  it('leaves hours that are not JSON as text, and an unticked box absent', () => {
    expect(fromForm(new URLSearchParams({ hours: 'lundi 9 à 5' }))).toEqual({ hours: 'lundi 9 à 5' });
  });

  it('reads the page’s hours table: up to two spans a day, blank days left out, a half-filled span kept for the schema to refuse', () => {
    const form = new URLSearchParams({
      'hours-mon-opens': '09:00', 'hours-mon-closes': '17:30', 'hours-tue-opens': '', 'hours-tue-closes': '',
      'hours-wed-opens': '08:30', 'hours-wed-closes': '12:00', 'hours-wed-opens-2': '13:00', 'hours-wed-closes-2': '17:00',
      'hours-sat-opens': '10:00', 'hours-sat-closes': '',
    });
    const input = fromForm(form);
    expect(input).toEqual({
      hours: { week: { mon: [['09:00', '17:30']], wed: [['08:30', '12:00'], ['13:00', '17:00']], sat: [['10:00', '']] } },
    });
    const parsed = registrationSchema('fr').safeParse({ ...input });
    expect(parsed.success).toBe(false);
    expect(parsed.error!.issues.map((i) => i.path.join('.'))).toContain('hours.week.sat.0.1');
    expect(fromForm(new URLSearchParams({ 'hours-mon-opens': '', 'hours-mon-closes': '' }))).toEqual({});
    // The missing half is named as missing, once.
    const missing = parsed.error!.issues.filter((i) => i.path.join('.') === 'hours.week.sat.0.1');
    expect(missing.map((i) => i.message)).toEqual(['Indiquez aussi cette heure, ou laissez la journée vide si le commerce est fermé.']);
    expect(fromForm(new URLSearchParams({ hours: '  ' }))).toEqual({});
  });

  it('reads a closing earlier than the opening as the next day, and a time field’s 00:00 as midnight', () => {
    const base = { name: 'Bar', neq: '1161234567', category: 'restaurant-cafe', address: '1 rue A', city: 'Laval', postalCode: 'H7A 1A1', phone: '450 555 0123', email: 'a@example.ca', consent: 'on' };
    const form = new URLSearchParams({
      ...base, 'hours-fri-opens': '17:00', 'hours-fri-closes': '02:00', 'hours-sat-opens': '12:00', 'hours-sat-closes': '00:00',
    });
    const parsed = registrationSchema('fr').parse(fromForm(form));
    expect(parsed.hours).toEqual({ week: { fri: [['17:00', '02:00']], sat: [['12:00', '24:00']] } });
  });
});

describe('the registration schema', () => {
  it('lists the same categories as the reference data migration', () => {
    const sql = readFileSync(new URL('../../supabase/migrations/20261127040000_reference_data.sql', import.meta.url), 'utf8');
    const inserted = [...sql.slice(sql.indexOf('insert into public.categories')).matchAll(/\('([a-z0-9-]+)', '/g)].map((m) => m[1]);
    expect([...CATEGORY_SLUGS]).toEqual(inserted);
  });

  it('gives the submission the database takes, with the description’s language', () => {
    const parsed = registrationSchema('en').parse({
      name: ' Café ', neq: '1161234567', category: 'restaurant-cafe', address: '1 rue A', city: 'Laval', postalCode: 'h7a1a1',
      phone: '450 555 0123', email: 'A@Example.ca', consent: true, hours: { week: { sun: [], mon: [['09:00', '17:00']] } },
    });
    expect(toSubmission(parsed, 'en')).toEqual({
      name: 'Café', neq: '1161234567', category: 'restaurant-cafe', description: '', address: '1 rue A', city: 'Laval', postalCode: 'H7A 1A1',
      phone: '+14505550123', email: 'a@example.ca', website: undefined, links: [], hours: { week: { sun: [], mon: [['09:00', '17:00']] } }, locale: 'en',
    });
  });

  it('puts one-line fields on one line', () => {
    const parsed = registrationSchema('fr').safeParse({
      name: '  Café\n\tGinette  ', neq: '1161234567', category: 'restaurant-cafe', address: '1 rue A\r\napp. 2', city: ' Laval ', postalCode: 'H7A 1A1',
      phone: '450 555 0123', email: 'a@example.ca', consent: true, description: 'Ligne 1\nLigne 2',
    });
    expect(parsed.data).toMatchObject({ name: 'Café Ginette', address: '1 rue A app. 2', city: 'Laval', description: 'Ligne 1\nLigne 2' });
  });

  it('words its messages in the language it was built for', () => {
    const fr = registrationSchema('fr').safeParse({});
    const en = registrationSchema('en').safeParse({});
    expect(fr.error?.issues.find((i) => i.path[0] === 'name')?.message).toBe('Indiquez le nom de l’entreprise.');
    expect(en.error?.issues.find((i) => i.path[0] === 'name')?.message).toBe('Enter the business name.');
  });
});
