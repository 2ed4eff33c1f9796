// GET /api/moderation/backlog over real HTTP, on each database: the size of the queue by outcome.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getAs, platformFetch, registerDirectly, startApi, type Api } from '../../tests/support/api.ts';
import { databaseKinds } from '../../tests/support/test-database.ts';
import { backlogAnswer } from '../_shared/moderation-answers.ts';

describe.each(databaseKinds())('GET /api/moderation/backlog on %s', (kind) => {
  let api: Api;
  const backlog = (token?: string) => getAs(`${api.url}/api/moderation/backlog`, token);

  beforeAll(async () => {
    api = await startApi(kind);
  });
  afterAll(() => api?.stop());

  it('is empty before anyone registers', async () => {
    const body = await (await backlog(await api.token())).json();
    expect(body).toEqual({ pending: 0, pass: 0, warn: 0, fail: 0, oldestSubmittedAt: null });
  });

  it('counts pending registrations by pre-check outcome, with the oldest submission time', async () => {
    const first = await registerDirectly(api.db);
    await registerDirectly(api.db);
    await registerDirectly(api.db, { city: 'Ottawa', postalCode: 'K1A 0B1' });
    await registerDirectly(api.db, { description: 'Écrivez-nous à info@atelier.example.' });
    const [{ created_at }] = await api.db.query<{ created_at: Date }>('select created_at from public.proposals where id = $1', [first.id]);
    const body = await (await backlog(await api.token())).json();
    backlogAnswer.parse(body);
    expect(body).toMatchObject({ pending: 4, pass: 2, warn: 1, fail: 1 });
    expect(new Date(body.oldestSubmittedAt).getTime()).toBe(new Date(created_at).getTime());
  });

  it('is for moderators only: 401 anonymous, 403 merchant', async () => {
    expect((await backlog()).status).toBe(401);
    expect((await backlog(await api.token({ role: 'merchant', email: 'a@example.ca' }))).status).toBe(403);
  });

  it('refuses other methods with 405', async () => {
    const response = await platformFetch(`${api.url}/api/moderation/backlog`, { method: 'DELETE', headers: { authorization: `Bearer ${await api.token()}` } });
    expect(response.status).toBe(405);
    expect(response.headers.get('allow')).toBe('GET');
  });
});
