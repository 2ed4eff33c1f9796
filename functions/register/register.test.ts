// POST /api/register over real HTTP, on each database: what a valid registration stores and
// answers, every kind of bad input refused with its reason and nothing written, retries that find
// the first registration, the rate limit, and the form a browser posts without JavaScript.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { t, type Locale, type MessageKey } from '../../src/i18n/index.ts';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { escapeHtml } from '../_shared/respond.ts';
import { SHELL_TITLE } from '../_shared/site-shell.ts';
import { asForm, count, platformFetch, postJson, randomIp, registration, startApi, type Api } from '../../tests/support/api.ts';
import register from './register.ts';
import { databaseKinds } from '../../tests/support/test-database.ts';

type FieldError = { field: string; message: string };

describe.each(databaseKinds())('POST /api/register on %s', (kind) => {
  let api: Api;
  let endpoint: string;
  beforeAll(async () => {
    api = await startApi(kind);
    endpoint = `${api.url}/api/register`;
  });
  afterAll(() => api?.stop());

  /** Runs `work` and checks that it stored no listing and counted no attempt. */
  async function writesNothing<T>(work: () => Promise<T>): Promise<T> {
    const before = await snapshot();
    const result = await work();
    expect(await snapshot()).toEqual(before);
    return result;
  }
  const snapshot = async () => ({
    proposals: await count(api.db, 'public.proposals'),
    attempts: (await api.db.query<{ n: number }>('select coalesce(sum(hits), 0)::int as n from private.rate_limits'))[0]!.n,
  });
  /** A stored registration: the proposal's status, language and outcome, and the fields it sets. */
  const proposal = async (id: string) =>
    (await api.db.query<{ status: string; locale: string; checks_outcome: string; fields: Record<string, unknown> }>(
      'select status::text, locale, checks_outcome, fields from public.proposals where id = $1', [id],
    ))[0]!;

  describe('a valid registration', () => {
    it('is stored as pending with its pre-checks, and answered 201 with a private status link', async () => {
      const sent = registration();
      const response = await postJson(endpoint, sent);
      expect(response.status).toBe(201);
      const body = await response.json();
      expect(body).toMatchObject({ status: 'pending', created: true, checksOutcome: 'pass' });
      expect(body.statusUrl).toBe(`${api.url}/statut/?id=${body.id}&token=${body.statusToken}`);
      expect(response.headers.get('location')).toBe(body.statusUrl);
      expect(body.checks).toContainEqual({ check: 'postal_code', outcome: 'pass', message: 'Le code postal G6B 1A1 est au Québec.' });
      for (const check of body.checks) expect(Object.keys(check).sort()).toEqual(['check', 'message', 'outcome']);

      const row = await proposal(body.id);
      expect(row).toMatchObject({ status: 'pending', locale: 'fr', checks_outcome: 'pass' });
      // A proposal stores the fields it sets: the description in the language it was written in only.
      expect(row.fields).toMatchObject({
        name: sent.name, contact_email: sent.email, neq: sent.neq, description_fr: sent.description, municipality_code: '30030', region_code: '05',
      });
      expect(row.fields).not.toHaveProperty('description_en');
      expect(row.fields.opening_hours).toEqual(sent.hours);
    });

    it('cleans up what people type: NEQ, postal code, phone, website and social pages', async () => {
      const response = await postJson(endpoint, registration({
        neq: '1161 234-567', city: 'Montréal', postalCode: 'h2x1y4', phone: '(514) 555-0123', website: 'Example.ca',
        links: ['facebook.com/moncommerce', 'https://www.instagram.com/moncommerce', 'facebook.com/moncommerce'],
        hours: { mon: [['9:00', '17:00']] },
      }));
      expect(response.status).toBe(201);
      const row = await proposal((await response.json()).id);
      expect(row.fields).toMatchObject({
        neq: '1161234567', postal_code: 'H2X 1Y4', phone: '+15145550123', website: 'https://example.ca',
        social_links: ['https://facebook.com/moncommerce', 'https://www.instagram.com/moncommerce'], region_code: '06',
      });
      // A week alone, as the API took hours before exceptions existed, is read as the week.
      expect(row.fields.opening_hours).toEqual({ week: { mon: [['09:00', '17:00']] } });
    });

    it('removes invisible characters, and flags spam words and link shorteners in the published links for a moderator', async () => {
      const clean = await postJson(endpoint, registration({ name: 'Café\u200b Gi\ufeffnette', description: 'Pain\u2060 frais' }));
      expect(clean.status).toBe(201);
      const row = await proposal((await clean.json()).id);
      expect(row.fields).toMatchObject({ name: 'Café Ginette', description_fr: 'Pain frais' });

      const spam = await postJson(endpoint, registration({ links: ['https://casino-bonus.example.com/offre'] }));
      expect((await spam.json()).checks).toContainEqual({
        check: 'content', outcome: 'warn', message: t('fr', 'check.content.spam', { word: 'casino' }),
      });
      const short = await postJson(endpoint, registration({ website: 'https://bit.ly/3abcDEF' }));
      expect((await short.json()).checks).toContainEqual({
        check: 'content', outcome: 'warn', message: t('fr', 'check.content.shortener', { link: 'https://bit.ly/3abcDEF' }),
      });
    });

    it('takes hours as people keep them: a lunch break, a bar open past midnight, holidays, a closed season', async () => {
      const hours = {
        week: { tue: [['13:00', '17:00'], ['08:30', '12:00']], fri: [['17:00', '02:00']], sat: [['11:00', '00:00']] },
        exceptions: [{ date: '2027-06-24', spans: [] }, { date: '2026-12-24', spans: [['09:00', '15:00']] }],
        closedSeasons: [{ from: '11-01', to: '04-30' }],
        temporarilyClosed: false,
      };
      const response = await postJson(endpoint, registration({ hours }));
      expect(response.status).toBe(201);
      // Spans in order, midnight written 24:00: one way to store each week.
      expect((await proposal((await response.json()).id)).fields.opening_hours).toEqual({
        ...hours, week: { tue: [['08:30', '12:00'], ['13:00', '17:00']], fri: [['17:00', '02:00']], sat: [['11:00', '24:00']] },
      });
    });

    it('answers in English with an English status link when the browser prefers English, and stores the description as English', async () => {
      const sent = registration();
      const response = await postJson(endpoint, sent, { 'accept-language': 'en-CA,en;q=0.9,fr;q=0.5' });
      expect(response.status).toBe(201);
      const body = await response.json();
      expect(body.statusUrl).toMatch(new RegExp(`^${api.url}/en/status/\\?id=`));
      expect(body.checks).toContainEqual({ check: 'postal_code', outcome: 'pass', message: 'Postal code G6B 1A1 is in Quebec.' });
      const row = await proposal(body.id);
      expect(row.locale).toBe('en');
      expect(row.fields).toMatchObject({ description_en: sent.description });
      expect(row.fields).not.toHaveProperty('description_fr');
    });

    it('follows the language the form says it was filled in over the browser’s', async () => {
      const response = await postJson(endpoint, registration({ locale: 'en' }), { 'accept-language': 'fr-CA' });
      const body = await response.json();
      expect(body.statusUrl).toContain('/en/status/');
      expect(body.checks[0].message).toMatch(/^Postal code/);
    });

    it('reports failed pre-checks without refusing: a business outside Quebec is stored for a moderator to see', async () => {
      const response = await postJson(endpoint, registration({ city: 'Ottawa', postalCode: 'K1A 0B1' }));
      expect(response.status).toBe(201);
      const body = await response.json();
      expect(body.checksOutcome).toBe('fail');
      expect(body.checks).toContainEqual(expect.objectContaining({ check: 'postal_code', outcome: 'fail' }));
    });

    it('places a business in any Quebec town written as people write it, and a Quebec postal code with an unknown town is a warning', async () => {
      const placed = async (city: string, postalCode = 'G0C 2L0') => {
        const response = await postJson(endpoint, registration({ city, postalCode }));
        expect(response.status, city).toBe(201);
        const body = await response.json();
        return { ...(await proposal(body.id)).fields, checks: body.checks as Array<{ check: string; outcome: string }> };
      };
      expect(await placed('Percé')).toMatchObject({ municipality_code: '02005', region_code: '11' });
      expect(await placed('Chicoutimi', 'G7H 1A1')).toMatchObject({ municipality_code: '94068', region_code: '02', city: 'Chicoutimi' });
      expect(await placed('ste-agathe-des-monts', 'J8C 1A1')).toMatchObject({ municipality_code: '78032', region_code: '15' });
      expect(await placed("L'Ange-Gardien (Les Collines-de-l'Outaouais)", 'J8L 1A1')).toMatchObject({ municipality_code: '82005', region_code: '07' });
      const unknown = await placed('Saint-Quelque-Part', 'G0C 2L0');
      expect(unknown).not.toHaveProperty('municipality_code');
      expect(unknown.checks).toContainEqual(expect.objectContaining({ check: 'municipality', outcome: 'warn' }));
      expect(unknown.checks).toContainEqual(expect.objectContaining({ check: 'postal_code', outcome: 'pass' }));
    });

    it('flags the same name in the same town written another way (a former town name) as a possible duplicate', async () => {
      expect((await postJson(endpoint, registration({ name: 'Boulangerie du Fjord', city: 'Chicoutimi', postalCode: 'G7H 1A1' }))).status).toBe(201);
      const again = await (await postJson(endpoint, registration({ name: 'Boulangerie du Fjord inc.', city: 'Saguenay', postalCode: 'G7H 1A2' }))).json();
      const [row] = await api.db.query<{ checks: Array<{ check: string; outcome: string; code: string }> }>('select checks from public.proposals where id = $1', [again.id]);
      expect(row!.checks.find((c) => c.check === 'duplicate')).toMatchObject({ outcome: 'warn', code: 'duplicate.name' });
    });

    it('asks which town when two municipalities in different MRCs have the name, naming both, and stores nothing', async () => {
      const response = await writesNothing(() => postJson(endpoint, registration({ city: "L'Ange-Gardien" })));
      expect(response.status).toBe(400);
      const body = await response.json();
      expect(body.errors).toEqual([{
        field: 'city',
        message: t('fr', 'register.city.ambiguous', {
          town: "L'Ange-Gardien", choices: "L'Ange-Gardien (La Côte-de-Beaupré) · L'Ange-Gardien (Les Collines-de-l'Outaouais)",
        }),
      }]);
    });

    it('tells the applicant a similar listing exists without naming it (it may not be public)', async () => {
      const first = registration({ name: 'Épicerie Confidentielle' });
      expect((await postJson(endpoint, first)).status).toBe(201);
      const response = await postJson(endpoint, registration({ neq: first.neq }));
      const body = await response.json();
      expect(body.checksOutcome).toBe('fail');
      expect(body.checks).toContainEqual({ check: 'duplicate', outcome: 'fail', message: t('fr', 'check.duplicate.similar') });
      expect(JSON.stringify(body)).not.toContain('Confidentielle');
      // Moderators still read which listing it is.
      const [row] = await api.db.query<{ checks: Array<{ check: string; code: string; params: Record<string, string> }> }>(
        'select checks from public.proposals where id = $1', [body.id]);
      expect(row!.checks.find((c) => c.check === 'duplicate')).toMatchObject({ code: 'duplicate.neq_waiting', params: { name: 'Épicerie Confidentielle' } });
    });

    it('builds the status link on SITE_URL when it is set', async () => {
      process.env.SITE_URL = 'https://vitrine.example/';
      try {
        const body = await (await postJson(endpoint, registration())).json();
        expect(body.statusUrl).toMatch(/^https:\/\/vitrine\.example\/statut\/\?id=[0-9a-f-]{36}&token=[0-9a-f]{64}$/);
      } finally {
        process.env.SITE_URL = api.url;
      }
    });

    it('accepts a signed-in merchant, and refuses a token that is not valid with 401 and nothing written', async () => {
      const merchantToken = await api.token({ role: 'merchant', email: 'a@example.ca' });
      expect((await postJson(endpoint, registration(), { authorization: `Bearer ${merchantToken}` })).status).toBe(201);
      const refused = await writesNothing(() => postJson(endpoint, registration(), { authorization: `Bearer ${merchantToken}x` }));
      expect(refused.status).toBe(401);
      expect(await refused.json()).toMatchObject({ error: 'unauthenticated', message: t('fr', 'error.token_invalid') });
    });
  });

  describe('where the business is shown', () => {
    const check = (body: { checks: Array<{ check: string; outcome: string; message: string }> }) => body.checks.find((c) => c.check === 'coordinates');
    const send = async (overrides: Record<string, unknown>) => {
      const response = await postJson(endpoint, registration(overrides));
      expect(response.status).toBe(201);
      const body = await response.json();
      return { body, fields: (await proposal(body.id)).fields };
    };

    it('keeps the pin the merchant placed near its town, as a pin', async () => {
      const { body, fields } = await send({ location: 'pin', latitude: 45.5779, longitude: -70.8855 });
      expect(fields).toMatchObject({ latitude: 45.5779, longitude: -70.8855, location_precision: 'pin' });
      expect(check(body)).toEqual({ check: 'coordinates', outcome: 'pass', message: t('fr', 'check.coordinates.quebec') });
    });

    it('places a registration without a pin (no JavaScript) at its town’s reference point, marked approximate', async () => {
      const [town] = await api.db.query<{ latitude: number; longitude: number }>(`select latitude, longitude from public.municipalities where code = '30030'`);
      const { body, fields } = await send({});
      expect(fields).toMatchObject({ latitude: town!.latitude, longitude: town!.longitude, location_precision: 'town' });
      expect(check(body)).toMatchObject({ outcome: 'pass', message: t('fr', 'check.coordinates.town') });
    });

    it('never stores a home’s point when the business shows only its town, even if the form sent one', async () => {
      const [town] = await api.db.query<{ latitude: number; longitude: number }>(`select latitude, longitude from public.municipalities where code = '30030'`);
      const { fields } = await send({ location: 'town', latitude: 45.5779, longitude: -70.8855 });
      expect(fields).toMatchObject({ latitude: town!.latitude, longitude: town!.longitude, location_precision: 'town' });
    });

    it('gives a delivery-only business no point at all, and the check says so', async () => {
      const { body, fields } = await send({ location: 'none', latitude: 45.5779, longitude: -70.8855 });
      expect(fields).toMatchObject({ location_precision: 'none' });
      expect(fields).not.toHaveProperty('latitude');
      expect(check(body)).toMatchObject({ outcome: 'pass', message: t('fr', 'check.coordinates.none') });
    });

    it('warns the moderator of a pin far from its town', async () => {
      // Lac-Mégantic's registration pinned in Sherbrooke, about 90 km away.
      const { body } = await send({ latitude: 45.4042, longitude: -71.8929 });
      expect(check(body)).toMatchObject({ outcome: 'warn', message: expect.stringMatching(/^Le point est à \d+ km de Lac-Mégantic/) });
      expect(body.checksOutcome).toBe('warn');
    });

    it('checks "in Quebec" against the province: a pin in Ottawa fails, one in Gatineau across the river passes', async () => {
      // Both are inside the bounding box the check used before (44.99–62.59 N, 79.77–57.10 W).
      const ottawa = await send({ city: 'Gatineau', postalCode: 'J8X 1A1', latitude: 45.3501, longitude: -75.7502 });
      expect(check(ottawa.body)).toMatchObject({ outcome: 'fail', message: expect.stringContaining('hors du Québec') });
      const gatineau = await send({ city: 'Gatineau', postalCode: 'J8X 1A1', latitude: 45.4765, longitude: -75.7013 });
      expect(check(gatineau.body)).toMatchObject({ outcome: 'pass', message: t('fr', 'check.coordinates.quebec') });
      // Downtown Hull, 1.4 km outside the 1:10m outline: a Quebec town and postal code make it Quebec.
      const hull = await send({ city: 'Gatineau', postalCode: 'J8X 1A1', latitude: 45.4285, longitude: -75.713 });
      expect(check(hull.body)).toMatchObject({ outcome: 'pass' });
      // The same spot with an Ontario postal code is for a moderator to look at.
      const ambiguous = await send({ city: 'Gatineau', postalCode: 'K1A 0A6', latitude: 45.4285, longitude: -75.713 });
      expect(check(ambiguous.body)).toMatchObject({ outcome: 'warn', message: expect.stringContaining('frontière') });
    });

    it('takes the pin from a browser form as text', async () => {
      const response = await platformFetch(endpoint, {
        method: 'POST', body: asForm(registration({ location: 'pin', latitude: '45.5779', longitude: '-70.8855' })),
      });
      expect(response.status).toBe(303);
      const id = new URL(response.headers.get('location')!).searchParams.get('id')!;
      expect((await proposal(id)).fields).toMatchObject({ latitude: 45.5779, location_precision: 'pin' });
    });
  });

  describe('refused requests, each with its reason, writing nothing', () => {
    it('refuses other methods with 405', async () => {
      const response = await platformFetch(endpoint);
      expect(response.status).toBe(405);
      expect(response.headers.get('allow')).toBe('POST');
    });

    it('refuses a body that is neither JSON nor a form with 415', async () => {
      const types = ['text/plain', 'multipart/form-data; boundary=x', 'application/xml'];
      const responses = await writesNothing(() =>
        Promise.all([
          ...types.map((type) => postJson(endpoint, JSON.stringify(registration()), { 'content-type': type })),
          platformFetch(endpoint, { method: 'POST', body: new Blob([JSON.stringify(registration())]) }),
        ]),
      );
      for (const response of responses) {
        expect(response.status).toBe(415);
        expect(await response.json()).toMatchObject({ error: 'unsupported_media_type', message: t('fr', 'error.unsupported_media_type') });
      }
    });

    it('refuses a body over 64 KB with 413, by its Content-Length and by the bytes actually sent', async () => {
      const big = JSON.stringify(registration({ description: 'x'.repeat(70_000) }));
      const declared = await writesNothing(() => postJson(endpoint, big));
      expect(declared.status).toBe(413);
      expect(await declared.json()).toMatchObject({ error: 'payload_too_large', message: 'La requête dépasse 64 Ko.' });

      // Chunked, so no Content-Length announces the size: the handler stops reading past 64 KB.
      const chunks = [JSON.stringify(registration()).slice(0, -1), `, "description": "`, 'x'.repeat(40_000), 'x'.repeat(40_000), '"}'];
      const body = new ReadableStream({
        start(controller) {
          for (const chunk of chunks) controller.enqueue(new TextEncoder().encode(chunk));
          controller.close();
        },
      });
      const streamed = await writesNothing(() =>
        platformFetch(endpoint, { method: 'POST', body, duplex: 'half', headers: { 'content-type': 'application/json', 'accept-language': 'en' } } as RequestInit),
      );
      expect(streamed.status).toBe(413);
      expect(await streamed.json()).toMatchObject({ error: 'payload_too_large', message: 'The request is larger than 64 KB.' });
    });

    it('refuses garbled JSON with 400 invalid_json, and JSON that is not an object with 400 invalid_input', async () => {
      const garbled = ['{"name": "Café"', '{name: 1}', '', 'null x'];
      const notObjects = ['[]', '"text"', '42', 'null'];
      const responses = await writesNothing(() => Promise.all([...garbled, ...notObjects].map((body) => postJson(endpoint, body))));
      for (const response of responses.slice(0, garbled.length)) {
        expect(response.status).toBe(400);
        expect(await response.json()).toEqual({ error: 'invalid_json', message: t('fr', 'error.invalid_json') });
      }
      for (const response of responses.slice(garbled.length)) {
        expect(response.status).toBe(400);
        expect(await response.json()).toMatchObject({ error: 'invalid_input', errors: [{ field: 'body', message: t('fr', 'input.notObject') }] });
      }
    });

    it('refuses a filled honeypot as a bot, whatever else is in the body', async () => {
      const bodies = [registration({ company: 'Acme' }), { company: 'http://spam.example' }];
      const responses = await writesNothing(() => Promise.all(bodies.map((body) => postJson(endpoint, body))));
      for (const response of responses) {
        expect(response.status).toBe(400);
        expect(await response.json()).toEqual({ error: 'bot', message: t('fr', 'error.bot') });
      }
    });

    it('refuses a registration without consent', async () => {
      const responses = await writesNothing(() => Promise.all([undefined, false, 'yes'].map((consent) => postJson(endpoint, registration({ consent })))));
      for (const response of responses) {
        expect(response.status).toBe(400);
        expect((await response.json()).errors).toEqual([{ field: 'consent', message: t('fr', 'register.consent.required') }]);
      }
    });

    const longLinks = Array.from({ length: 9 }, (_, i) => `https://example.ca/page-${i}`);
    const invalid: Array<[string, Record<string, unknown>, string, MessageKey, Record<string, number>?]> = [
      ['a missing name', { name: undefined }, 'name', 'register.name.required'],
      ['a blank name', { name: '   ' }, 'name', 'register.name.required'],
      ['a name over 120 characters', { name: 'x'.repeat(121) }, 'name', 'register.name.tooLong', { max: 120 }],
      ['a name that is not text', { name: 42 }, 'name', 'input.text'],
      ['a name with a NUL character, which PostgreSQL cannot store', { name: 'Café\u0000 Ginette' }, 'name', 'input.characters'],
      ['a description with a broken UTF-16 character', { description: 'Pain \ud800 frais' }, 'description', 'input.characters'],
      ['a name with a right-to-left override, which shows text reversed', { name: 'Café \u202eenittenig' }, 'name', 'input.characters'],
      ['a description flooded with combining marks', { description: 'Pain f\u0301\u0302\u0303\u0304rais' }, 'description', 'input.characters'],
      ['a NEQ of 5 digits', { neq: '12345' }, 'neq', 'register.neq.format'],
      ['a NEQ with letters', { neq: '11612345AB' }, 'neq', 'register.neq.format'],
      ['a missing NEQ', { neq: undefined }, 'neq', 'register.neq.required'],
      ['an unknown category', { category: 'casino' }, 'category', 'register.category.invalid'],
      ['a description over 2,000 characters', { description: 'x'.repeat(2001) }, 'description', 'register.description.tooLong', { max: 2000 }],
      ['a blank address', { address: '' }, 'address', 'register.address.required'],
      ['an address over 200 characters', { address: 'x'.repeat(201) }, 'address', 'register.address.tooLong', { max: 200 }],
      ['a blank town', { city: ' ' }, 'city', 'register.city.required'],
      ['an American ZIP code', { postalCode: '12345' }, 'postalCode', 'register.postalCode.format'],
      ['a postal code with a letter Canada Post never uses', { postalCode: 'D1A 1A1' }, 'postalCode', 'register.postalCode.format'],
      ['a pin without its longitude', { location: 'pin', latitude: 45.58 }, 'longitude', 'register.location.point'],
      ['"pin" without a point', { location: 'pin' }, 'latitude', 'register.location.point'],
      ['a latitude that is not a number', { latitude: 'nord', longitude: -70.88 }, 'latitude', 'register.location.point'],
      ['a latitude past the pole', { latitude: 91, longitude: -70.88 }, 'latitude', 'register.location.point'],
      ['an unknown place choice', { location: 'roof' }, 'location', 'register.location.invalid'],
      ['a phone without area code', { phone: '555-0123' }, 'phone', 'register.phone.format'],
      ['a phone with an extension', { phone: '514 555-0123 poste 12' }, 'phone', 'register.phone.format'],
      ['a phone outside North America', { phone: '+33 1 23 45 67 89' }, 'phone', 'register.phone.format'],
      ['an e-mail without a domain', { email: 'proprio@' }, 'email', 'register.email.format'],
      ['a missing e-mail', { email: undefined }, 'email', 'register.email.required'],
      ['a website with a javascript: address', { website: 'javascript:alert(1)' }, 'website', 'register.website.format'],
      ['a website on FTP', { website: 'ftp://example.ca' }, 'website', 'register.website.format'],
      ['a website without a domain', { website: 'https://localhost' }, 'website', 'register.website.format'],
      ['a social page with a javascript: address', { links: ['javascript:alert(1)'] }, 'links.0', 'register.links.format'],
      ['nine social pages', { links: longLinks }, 'links', 'register.links.tooMany', { max: 8 }],
      ['social pages as one string in JSON', { links: 'https://facebook.com/x' }, 'links', 'register.links.invalid'],
      ['a social page repeating the website', { website: 'https://example.ca', links: ['example.ca'] }, 'links.0', 'register.links.repeatsWebsite'],
      ['hours that close when they open', { hours: { week: { mon: [['17:00', '17:00']] } } }, 'hours.week.mon.0', 'register.hours.same'],
      ['hours not on the 24-hour clock', { hours: { week: { tue: [['9h', '17h']] } } }, 'hours.week.tue.0.0', 'register.hours.time'],
      ['overlapping time ranges', { hours: { week: { sat: [['08:00', '12:00'], ['11:00', '16:00']] } } }, 'hours.week.sat', 'register.hours.overlap'],
      ['a night that runs into the next day’s opening', { hours: { week: { fri: [['17:00', '03:00']], sat: [['02:00', '12:00']] } } }, 'hours.week.fri', 'register.hours.overnight'],
      ['an exception on a day that does not exist', { hours: { exceptions: [{ date: '2027-02-29', spans: [] }] } }, 'hours.exceptions.0.date', 'register.hours.date'],
      ['overlapping exceptions', { hours: { exceptions: [{ date: '2027-07-01', until: '2027-07-10', spans: [] }, { date: '2027-07-05', spans: [] }] } }, 'hours.exceptions', 'register.hours.exceptionsOverlap'],
      ['a closed season on a day that does not exist', { hours: { closedSeasons: [{ from: '11-31', to: '04-30' }] } }, 'hours.closedSeasons.0.from', 'register.hours.season'],
      ['a day that does not exist', { hours: { funday: [] } }, 'hours.funday', 'input.unknownField'],
      ['hours as free text', { hours: 'lundi 9 h à 17 h' }, 'hours', 'register.hours.invalid'],
      ['a language other than French or English', { locale: 'de' }, 'locale', 'register.locale.invalid'],
      ['a field that is not in the form', { status: 'approved' }, 'status', 'input.unknownField'],
    ];

    it.each(invalid)('refuses %s, naming the field in French and in English', async (_case, overrides, field, key, params) => {
      const locales: Locale[] = ['fr', 'en'];
      const responses = await writesNothing(() =>
        Promise.all(locales.map((locale) => postJson(endpoint, registration(overrides), { 'accept-language': locale }))),
      );
      for (const [i, response] of responses.entries()) {
        expect(response.status).toBe(400);
        const body = (await response.json()) as { error: string; message: string; errors: FieldError[] };
        expect(body.error).toBe('invalid_input');
        expect(body.message).toBe(t(locales[i]!, 'error.invalid_input'));
        expect(body.errors).toContainEqual({ field, message: t(locales[i]!, key, params) });
      }
    });

    it('refuses a request the platform gives no client address for, naming why, instead of sharing one allowance', async () => {
      // Netlify always gives one (context.ip), and so does the local server (the socket's): only a
      // direct call can lack it.
      const request = new Request(endpoint, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(registration()) });
      const response = await writesNothing(() => register(request, {}));
      expect(response.status).toBe(400);
      expect(await response.json()).toEqual({ error: 'no_client_address', message: t('fr', 'error.no_client_address') });
    });

    it('refuses an Idempotency-Key over 200 characters', async () => {
      const response = await writesNothing(() => postJson(endpoint, registration(), { 'idempotency-key': 'k'.repeat(201) }));
      expect(response.status).toBe(400);
      expect((await response.json()).errors).toEqual([{ field: 'Idempotency-Key', message: t('fr', 'input.tooLong', { max: 200 }) }]);
    });
  });

  describe('retries', () => {
    it('find the first registration when the same Idempotency-Key comes again: 201 then 200, one row', async () => {
      const key = crypto.randomUUID();
      const sent = registration();
      const first = await postJson(endpoint, sent, { 'idempotency-key': key });
      expect(first.status).toBe(201);
      const created = await first.json();
      const again = await writesNothingButAttempts(() => postJson(endpoint, { ...sent, description: 'Edited while retrying.' }, { 'idempotency-key': key }));
      expect(again.status).toBe(200);
      expect(await again.json()).toMatchObject({ id: created.id, statusToken: created.statusToken, created: false });
      expect(await countByEmail(sent.email as string)).toBe(1);
    });

    it('find the first registration when the same content comes again without a key (a double click)', async () => {
      const sent = registration();
      const client = randomIp();
      const first = await (await postJson(endpoint, sent, {}, client)).json();
      // Typed differently, cleaned up the same, from the same client.
      const retry = await postJson(endpoint, { ...sent, neq: `${String(sent.neq).slice(0, 4)} ${String(sent.neq).slice(4)}`, email: String(sent.email).toUpperCase() }, {}, client);
      expect(retry.status).toBe(200);
      expect((await retry.json()).id).toBe(first.id);
      expect(await countByEmail(sent.email as string)).toBe(1);
    });

    it('never hand someone else’s status link to a replay of their content without their key', async () => {
      const sent = registration();
      const victim = await (await postJson(endpoint, sent, {}, randomIp())).json();
      // The same content, byte for byte, from another client: a registration of its own, flagged as
      // a duplicate of the first, and never the first one's id or token.
      const replay = await postJson(endpoint, sent, {}, randomIp());
      expect(replay.status).toBe(201);
      const body = await replay.json();
      expect(body.id).not.toBe(victim.id);
      expect(body.statusToken).not.toBe(victim.statusToken);
      expect(body.checks).toContainEqual(expect.objectContaining({ check: 'duplicate', outcome: 'fail' }));
    });

    it('keep one client’s key from reaching another applicant’s registration', async () => {
      const key = 'same-key-for-everyone';
      const a = await (await postJson(endpoint, registration(), { 'idempotency-key': key })).json();
      const b = await postJson(endpoint, registration(), { 'idempotency-key': key });
      expect(b.status).toBe(201);
      expect((await b.json()).id).not.toBe(a.id);
    });

    it('store one row and answer one id to 10 identical requests sent at once', async () => {
      const sent = registration();
      const ip = randomIp();
      const responses = await Promise.all(Array.from({ length: 10 }, () => postJson(endpoint, sent, {}, ip)));
      const bodies = await Promise.all(responses.map((r) => r.json()));
      expect(responses.map((r) => r.status).sort()).toEqual([200, 200, 200, 200, 200, 200, 200, 200, 200, 201]);
      expect(new Set(bodies.map((b) => b.id)).size).toBe(1);
      expect(await countByEmail(sent.email as string)).toBe(1);
    });

    const countByEmail = async (email: string) =>
      (await api.db.query<{ n: number }>(`select count(*)::int as n from public.proposals where fields ->> 'contact_email' = $1`, [email.toLowerCase()]))[0]!.n;
    async function writesNothingButAttempts<T>(work: () => Promise<T>): Promise<T> {
      const before = await count(api.db, 'public.proposals');
      const result = await work();
      expect(await count(api.db, 'public.proposals')).toBe(before);
      return result;
    }
  });

  describe('rate limit', () => {
    it('refuses the 21st registration in a minute from one client with 429 and Retry-After, and keeps no address anywhere', async () => {
      // The window is the calendar minute: start early in one so that 21 requests fit in it.
      // On a loaded machine 21 calls through the local server have taken over 20 s: leave them 35.
      const second = new Date().getUTCSeconds();
      if (second > 25) await new Promise((done) => setTimeout(done, (61 - second) * 1000));
      const ip = randomIp();
      for (let i = 0; i < 20; i++) {
        // Each pretending, by the headers a proxy would set, to come from somewhere else: the limit
        // counts by the socket's address only, so rotating them changes nothing.
        const pretended = { 'x-forwarded-for': `203.0.113.${i}`, 'x-nf-client-connection-ip': `198.51.100.${i}`, 'x-real-ip': `192.0.2.${i}` };
        const response = await postJson(endpoint, registration(), pretended, ip);
        expect(response.status, `registration ${i + 1}`).toBe(201);
      }
      const refused = await writesNothing(() =>
        postJson(endpoint, registration(), { 'x-forwarded-for': '203.0.113.99', 'accept-language': 'en' }, ip));
      expect(refused.status).toBe(429);
      expect(refused.headers.get('retry-after')).toBe('60');
      expect(await refused.json()).toEqual({ error: 'rate_limited', message: t('en', 'error.rate_limited') });
      // Another client is not held back.
      expect((await postJson(endpoint, registration())).status).toBe(201);

      const tables = await api.db.query<{ name: string }>(
        `select format('%I.%I', n.nspname, c.relname) as name from pg_class c join pg_namespace n on n.oid = c.relnamespace
         where c.relkind = 'r' and n.nspname not in ('pg_catalog', 'information_schema', 'pg_toast')`,
      );
      expect(tables.map((t) => t.name)).toContain('private.rate_limits');
      for (const { name } of tables) {
        const [row] = await api.db.query<{ n: number }>(`select count(*)::int as n from ${name} x where x::text like $1`, [`%${ip}%`]);
        expect(row!.n, name).toBe(0);
        const [pretended] = await api.db.query<{ n: number }>(`select count(*)::int as n from ${name} x where x::text like '%203.0.113.%'`);
        expect(pretended!.n, name).toBe(0);
      }
      const [bucket] = await api.db.query<{ bucket: string; hits: number }>('select bucket, hits from private.rate_limits order by hits desc limit 1');
      expect(bucket).toMatchObject({ hits: 20 });
      expect(bucket!.bucket).toMatch(/^[0-9a-f]{64}$/);
    }, 150_000);
  });

  describe('the form a browser posts without JavaScript', () => {
    const postForm = (form: URLSearchParams, headers: Record<string, string> = {}) =>
      platformFetch(endpoint, { method: 'POST', body: form, headers });

    it('redirects to the status page with 303 after a registration', async () => {
      const sent = registration();
      const response = await postForm(asForm(sent));
      expect(response.status).toBe(303);
      const location = new URL(response.headers.get('location')!);
      expect(location.pathname).toBe('/statut/');
      const row = await proposal(location.searchParams.get('id')!);
      expect(row.status).toBe('pending');
      expect(row.fields).toMatchObject({ contact_email: sent.email, social_links: sent.links });
      expect(row.fields.opening_hours).toEqual(sent.hours);
    });

    it('takes social pages one per line and leaves out empty optional fields', async () => {
      const form = asForm(registration({ website: '', links: undefined, hours: undefined }));
      form.set('links', 'facebook.com/a\r\n\r\n  instagram.com/a ');
      form.set('hours', '');
      const response = await postForm(form);
      expect(response.status).toBe(303);
      const row = await proposal(new URL(response.headers.get('location')!).searchParams.get('id')!);
      expect(row.fields).not.toHaveProperty('website');
      expect(row.fields).toMatchObject({ social_links: ['https://facebook.com/a', 'https://instagram.com/a'] });
    });

    it('takes the hours table: a second span a day, and a closing after midnight', async () => {
      const form = asForm(registration({ hours: undefined }));
      form.set('hours-tue-opens', '8:30');
      form.set('hours-tue-closes', '12:00');
      form.set('hours-tue-opens-2', '13:00');
      form.set('hours-tue-closes-2', '17:00');
      form.set('hours-fri-opens', '17:00');
      form.set('hours-fri-closes', '02:00');
      form.set('hours-sat-opens', '18:00');
      form.set('hours-sat-closes', '00:00');
      const response = await postForm(form);
      expect(response.status).toBe(303);
      const row = await proposal(new URL(response.headers.get('location')!).searchParams.get('id')!);
      expect(row.fields.opening_hours).toEqual({
        week: { tue: [['08:30', '12:00'], ['13:00', '17:00']], fri: [['17:00', '02:00']], sat: [['18:00', '24:00']] },
      });
    });

    it('redirects an English form to the English status page', async () => {
      const response = await postForm(asForm(registration({ locale: 'en' })));
      expect(response.status).toBe(303);
      expect(new URL(response.headers.get('location')!).pathname).toBe('/en/status/');
    });

    it('answers errors with an accessible page in the form’s language and the site’s look, listing each field, and writes nothing', async () => {
      // The site's template, as the build writes it: the page goes into its slot.
      mkdirSync(join(api.outDir, 'gabarit'), { recursive: true });
      writeFileSync(join(api.outDir, 'gabarit/index.html'),
        `<!doctype html><html lang="fr"><head><title>${SHELL_TITLE}</title><link rel="stylesheet" href="/_astro/site.css"></head><body><main><div data-shell-main></div></main></body></html>`);
      const form = asForm(registration({ email: 'pas-un-courriel', phone: '123', consent: false }));
      const saved = process.env.SITE_URL;
      process.env.SITE_URL = api.url;
      const response = await writesNothing(() => postForm(form)).finally(() => {
        if (saved === undefined) delete process.env.SITE_URL;
        else process.env.SITE_URL = saved;
      });
      expect(response.status).toBe(400);
      expect(response.headers.get('content-type')).toMatch(/^text\/html/);
      expect(response.headers.get('content-security-policy')).toContain("default-src 'self'");
      const page = await response.text();
      expect(page).toMatch(/^<!doctype html><html lang="fr">/);
      expect(page).toContain('<link rel="stylesheet" href="/_astro/site.css">');
      expect(page).toContain('<title>Inscription à corriger | Vitrine</title>');
      expect(page).toContain(`<strong>Courriel</strong>\u00a0: ${escapeHtml(t('fr', 'register.email.format'))}`);
      expect(page).toContain(`<strong>Téléphone</strong>`);
      expect(page).toContain(`<strong>Consentement</strong>`);
      expect(page).toContain('<a href="/inscription/">');

      // Without the template (no site built yet), a plain page says the same.
      form.set('locale', 'en');
      const english = await (await postForm(form)).text();
      expect(english).toMatch(/^<!doctype html>\n<html lang="en">/);
      expect(english).toContain(`<strong>${t('en', 'field.email')}</strong>: ${escapeHtml(t('en', 'register.email.format'))}`);
      expect(english).toContain('<a href="/en/register/">');
    });

    it('answers a filled honeypot and hours that are not JSON with a page too', async () => {
      const bot = await writesNothing(() => postForm(asForm(registration({ company: 'Acme' }))));
      expect(bot.status).toBe(400);
      expect(await bot.text()).toContain(escapeHtml(t('fr', 'error.bot')));
      const form = asForm(registration());
      form.set('hours', 'lundi au vendredi');
      const hours = await writesNothing(() => postForm(form));
      expect(hours.status).toBe(400);
      expect(await hours.text()).toContain(escapeHtml(t('fr', 'register.hours.invalid')));
    });
  });
});
