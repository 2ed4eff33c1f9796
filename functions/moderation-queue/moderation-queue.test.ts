// GET /api/moderation/queue over real HTTP, on each database: who may read the queue (every way a
// token can be wrong is refused here, for all moderators' endpoints), the filters and the pages.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { t } from '../../src/i18n/index.ts';
import { signDevToken } from '../../scripts/local/dev-token.ts';
import { getAs, platformFetch, registerDirectly, startApi, type Api } from '../../tests/support/api.ts';
import { databaseKinds } from '../../tests/support/test-database.ts';
import { queueAnswer } from '../_shared/moderation-answers.ts';

describe.each(databaseKinds())('GET /api/moderation/queue on %s', (kind) => {
  let api: Api;
  let moderator: string;
  let ids: Record<'megantic1' | 'ottawa' | 'montreal' | 'megantic2' | 'link', string>;
  const queue = (query: Record<string, string> = {}, token: string | null = moderator, headers: Record<string, string> = {}) =>
    getAs(`${api.url}/api/moderation/queue?${new URLSearchParams(query)}`, token ?? undefined, headers);

  beforeAll(async () => {
    api = await startApi(kind);
    moderator = await api.token({ role: 'moderator', email: 'modo@example.org' });
    // Registered one after the other: the queue is oldest first.
    ids = {
      megantic1: (await registerDirectly(api.db, { name: 'Fromagerie du Lac' })).id,
      ottawa: (await registerDirectly(api.db, { name: 'Boutique Rideau', city: 'Ottawa', postalCode: 'K1A 0B1' })).id,
      montreal: (await registerDirectly(api.db, { name: 'Animalerie Plateau', city: 'Montréal', postalCode: 'H2X 1Y4', category: 'animaux' })).id,
      megantic2: (await registerDirectly(api.db, { name: 'Café de la Gare' }, 'en')).id,
      link: (await registerDirectly(api.db, { name: 'Atelier Lien', description: 'Visitez www.atelier.example pour tout voir.' })).id,
    };
  });
  afterAll(() => api?.stop());

  describe('who may read it', () => {
    it('refuses an anonymous visitor with 401 and a Bearer challenge', async () => {
      const response = await queue({}, null);
      expect(response.status).toBe(401);
      expect(response.headers.get('www-authenticate')).toBe('Bearer');
      expect(await response.json()).toEqual({ error: 'unauthenticated', message: t('fr', 'error.unauthenticated') });
    });

    it('asks who is calling before reading the query: an anonymous caller learns nothing about the filters', async () => {
      const response = await queue({ limit: 'ten', region: '99' }, null);
      expect(response.status).toBe(401);
      expect(await response.json()).toEqual({ error: 'unauthenticated', message: t('fr', 'error.unauthenticated') });
    });

    it('refuses a correctly signed token whose subject is not a user id with 401, not 500', async () => {
      const token = await signDevToken({ role: 'moderator', email: 'modo@example.org', sub: 'not-a-uuid' }, api.secret);
      const response = await queue({}, token);
      expect(response.status).toBe(401);
      expect(await response.json()).toEqual({ error: 'unauthenticated', message: t('fr', 'error.token_invalid') });
    });

    it('answers with the security headers every page carries', async () => {
      const response = await queue();
      expect(response.status).toBe(200);
      expect(response.headers.get('content-security-policy')).toContain("default-src 'none'");
      expect(response.headers.get('strict-transport-security')).toMatch(/max-age=\d+/);
      expect(response.headers.get('x-content-type-options')).toBe('nosniff');
      expect(response.headers.get('x-frame-options')).toBe('DENY');
      expect(response.headers.get('referrer-policy')).toBe('strict-origin-when-cross-origin');
    });

    it('refuses a signed-in merchant with 403, even one who put the moderator role in user_metadata', async () => {
      const merchant = await api.token({ role: 'merchant', email: 'a@example.ca' });
      const pretender = await api.token({ role: 'merchant', email: 'b@example.ca', extra: { user_metadata: { role: 'moderator' } } });
      for (const token of [merchant, pretender]) {
        const response = await queue({}, token, { 'accept-language': 'en' });
        expect(response.status).toBe(403);
        expect(await response.json()).toEqual({ error: 'forbidden', message: t('en', 'error.forbidden') });
      }
    });

    it('lets a moderator in', async () => {
      expect((await queue()).status).toBe(200);
    });

    it('refuses an expired token with 401, saying it expired', async () => {
      const expired = await api.token({ expires: Math.floor(Date.now() / 1000) - 60 });
      const response = await queue({}, expired);
      expect(response.status).toBe(401);
      expect(response.headers.get('www-authenticate')).toBe('Bearer error="invalid_token", error_description="expired"');
      expect(await response.json()).toEqual({ error: 'unauthenticated', message: t('fr', 'error.token_expired') });
    });

    it('refuses a tampered token, one signed with another secret and a malformed header with 401', async () => {
      const merchant = await api.token({ role: 'merchant', email: 'a@example.ca' });
      const [header, payload, signature] = merchant.split('.');
      const claims = JSON.parse(Buffer.from(payload!, 'base64url').toString());
      const promoted = Buffer.from(JSON.stringify({ ...claims, app_metadata: { ...claims.app_metadata, role: 'moderator' } })).toString('base64url');
      const foreign = await signDevToken({ role: 'moderator', email: 'modo@example.org' }, 'not-the-secret-of-this-platform-at-all');
      const responses = await Promise.all([
        queue({}, `${header}.${promoted}.${signature}`),
        queue({}, foreign),
        platformFetch(`${api.url}/api/moderation/queue`, { headers: { authorization: 'Basic bW9kbzptb2Rv' } }),
      ]);
      for (const response of responses) {
        expect(response.status).toBe(401);
        expect(response.headers.get('www-authenticate')).toBe('Bearer error="invalid_token", error_description="invalid"');
        expect(await response.json()).toEqual({ error: 'unauthenticated', message: t('fr', 'error.token_invalid') });
      }
    });
  });

  describe('what a moderator reads', () => {
    it('lists pending registrations oldest first, with private fields and pre-checks in French', async () => {
      const body = await (await queue()).json();
      // What the console reads, each field as its type says (the items' other fields pass).
      queueAnswer.parse(body);
      expect(body.items.map((i: { id: string }) => i.id)).toEqual([ids.megantic1, ids.ottawa, ids.montreal, ids.megantic2, ids.link]);
      expect(body.nextCursor).toBeNull();
      const ottawa = body.items[1];
      expect(ottawa).toMatchObject({ name: 'Boutique Rideau', outcome: 'fail', postalCode: 'K1A 0B1', email: expect.stringContaining('@'), neq: expect.any(String) });
      expect(ottawa).not.toHaveProperty('submitted_at');
      expect(ottawa.checks).toContainEqual({ check: 'postal_code', outcome: 'fail', message: expect.stringMatching(/^Le code postal K1A 0B1 n’est pas au Québec/) });
    });

    it('gives the pre-checks in English to an English-speaking moderator', async () => {
      const body = await (await queue({}, moderator, { 'accept-language': 'en-CA' })).json();
      expect(body.items[1].checks).toContainEqual({ check: 'postal_code', outcome: 'fail', message: 'Postal code K1A 0B1 is not in Quebec (it must start with G, H or J).' });
    });

    it('filters by outcome, category, region and a search that ignores accents and case', async () => {
      const idsOf = async (query: Record<string, string>) => ((await (await queue(query)).json()).items as Array<{ id: string }>).map((i) => i.id);
      expect(await idsOf({ outcome: 'fail' })).toEqual([ids.ottawa]);
      expect(await idsOf({ outcome: 'warn' })).toEqual([ids.link]);
      expect(await idsOf({ category: 'animaux' })).toEqual([ids.montreal]);
      expect(await idsOf({ region: '06' })).toEqual([ids.montreal]);
      expect(await idsOf({ q: 'MEGANTIC' })).toEqual([ids.megantic1, ids.megantic2, ids.link]);
      expect(await idsOf({ q: 'café', region: '05' })).toEqual([ids.megantic2]);
      expect(await idsOf({ q: '', outcome: '' })).toHaveLength(5);
    });

    it('searches % and _ as the characters they are, not as patterns', async () => {
      const percent = (await registerDirectly(api.db, { name: 'Soldes 100 % local' })).id;
      const underscore = (await registerDirectly(api.db, { name: 'Bar_à_vin' })).id;
      const idsOf = async (query: Record<string, string>) => ((await (await queue(query)).json()).items as Array<{ id: string }>).map((i) => i.id);
      try {
        expect(await idsOf({ q: '%' })).toEqual([percent]);
        expect(await idsOf({ q: '_' })).toEqual([underscore]);
        expect(await idsOf({ q: 'bar_a' })).toEqual([underscore]);
      } finally {
        await api.db.query(`update public.proposals set status = 'rejected' where id = any($1::uuid[])`, [[percent, underscore]]);
      }
    });

    it('pages with limit and the cursor it returns, each registration once', async () => {
      const seen: string[] = [];
      let cursor: string | null = null;
      let pages = 0;
      do {
        const body: { items: Array<{ id: string }>; nextCursor: string | null } = await (await queue({ limit: '2', ...(cursor ? { cursor } : {}) })).json();
        seen.push(...body.items.map((i) => i.id));
        cursor = body.nextCursor;
        pages++;
      } while (cursor && pages < 10);
      expect(pages).toBe(3);
      expect(seen).toEqual([ids.megantic1, ids.ottawa, ids.montreal, ids.megantic2, ids.link]);
    });
  });

  describe('bad queries', () => {
    it.each([
      [{ limit: '0' }, 'limit', 'moderation.limit.invalid'],
      [{ limit: '501' }, 'limit', 'moderation.limit.invalid'],
      [{ limit: 'ten' }, 'limit', 'moderation.limit.invalid'],
      [{ limit: '2.5' }, 'limit', 'moderation.limit.invalid'],
      [{ outcome: 'maybe' }, 'outcome', 'moderation.outcome.invalid'],
      [{ region: '18' }, 'region', 'moderation.region.invalid'],
      [{ category: 'casino' }, 'category', 'moderation.category.invalid'],
      [{ cursor: 'page-2' }, 'cursor', 'moderation.cursor.invalid'],
      [{ cursor: '2026-13-45T99:00:00Z|5b0e9a53-3f5e-4b35-9d8c-2b7a2b9d8e11' }, 'cursor', 'moderation.cursor.invalid'],
      [{ q: 'x'.repeat(201) }, 'q', 'moderation.q.tooLong'],
      [{ q: 'caf\u0000' }, 'q', 'input.characters'],
    ] as const)('refuses %o with 400, naming the field', async (query, field, key) => {
      const response = await queue(query);
      expect(response.status).toBe(400);
      expect(await response.json()).toMatchObject({ error: 'invalid_input', errors: [{ field, message: t('fr', key, { max: field === 'q' ? 200 : 500 }) }] });
    });

    it('refuses other methods with 405', async () => {
      const response = await platformFetch(`${api.url}/api/moderation/queue`, { method: 'POST', headers: { authorization: `Bearer ${moderator}` } });
      expect(response.status).toBe(405);
    });
  });
});
