// GET /api/moderation/passing over real HTTP, on each database: what "approve every submission that
// passes all checks" would approve, counted for the moderator's confirmation.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { t } from '../../src/i18n/index.ts';
import { getAs, registerDirectly, startApi, type Api } from '../../tests/support/api.ts';
import { databaseKinds } from '../../tests/support/test-database.ts';
import { passingAnswer } from '../_shared/moderation-answers.ts';

describe.each(databaseKinds())('GET /api/moderation/passing on %s', (kind) => {
  let api: Api;
  let moderator: string;
  const passing = (query: Record<string, string> = {}, token: string | null = moderator) =>
    getAs(`${api.url}/api/moderation/passing?${new URLSearchParams(query)}`, token ?? undefined);
  let passed: string[];

  beforeAll(async () => {
    api = await startApi(kind);
    moderator = await api.token();
    passed = [];
    passed.push((await registerDirectly(api.db, { name: 'Boucherie Nadeau' })).id);
    await registerDirectly(api.db, { city: 'Ottawa', postalCode: 'K1A 0B1' }); // fail
    passed.push((await registerDirectly(api.db, { name: 'Café du Lac' })).id);
    await registerDirectly(api.db, { description: 'Écrivez-nous à info@atelier.example.' }); // warn
    passed.push((await registerDirectly(api.db, { name: 'Librairie Côté', city: 'Montréal', postalCode: 'H2X 1Y4' })).id);
  });
  afterAll(() => api?.stop());

  it('counts only pending submissions that pass every check, oldest first, with their ids', async () => {
    const response = await passing();
    expect(response.status).toBe(200);
    const body = passingAnswer.parse(await response.json());
    expect(body).toMatchObject({ total: 3, count: 3, ids: passed });
    // What the moderator reads before confirming: each one's name, town and category.
    expect(body.items).toEqual([
      { id: passed[0], name: 'Boucherie Nadeau', city: 'Lac-Mégantic', category: 'boulangerie-patisserie' },
      { id: passed[1], name: 'Café du Lac', city: 'Lac-Mégantic', category: 'boulangerie-patisserie' },
      { id: passed[2], name: 'Librairie Côté', city: 'Montréal', category: 'boulangerie-patisserie' },
    ]);
  });

  it('applies the queue’s filters: text (accents and case ignored), category and region', async () => {
    expect(await (await passing({ q: 'CAFE' })).json()).toMatchObject({ total: 1, count: 1, ids: [passed[1]], items: [{ name: 'Café du Lac' }] });
    expect(await (await passing({ region: '06' })).json()).toMatchObject({ total: 1, count: 1, ids: [passed[2]], items: [{ city: 'Montréal' }] });
    expect(await (await passing({ category: 'animaux' })).json()).toEqual({ total: 0, count: 0, ids: [], items: [] });
  });

  it('refuses bad filters with 400, and has no outcome or paging parameters to misuse', async () => {
    const bad = await passing({ region: '99' });
    expect(bad.status).toBe(400);
    expect((await bad.json()).errors).toEqual([{ field: 'region', message: t('fr', 'moderation.region.invalid') }]);
    // Unknown parameters are ignored like the queue's: the outcome is always "pass".
    expect((await (await passing({ outcome: 'fail', limit: '1' })).json()).count).toBe(3);
  });

  it('is for moderators only: 401 anonymous, 403 merchant', async () => {
    expect((await passing({}, null)).status).toBe(401);
    expect((await passing({}, await api.token({ role: 'merchant', email: 'a@example.ca' }))).status).toBe(403);
  });
});
