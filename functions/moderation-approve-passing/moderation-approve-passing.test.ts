// POST /api/moderation/approve-passing over real HTTP, on each database: the confirmed ids are
// approved, all of them or none, and never one more.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { t } from '../../src/i18n/index.ts';
import { count, getAs, postJson, registerDirectly, startApi, type Api } from '../../tests/support/api.ts';
import { databaseKinds } from '../../tests/support/test-database.ts';
import { decisionAnswer } from '../_shared/moderation-answers.ts';

describe.each(databaseKinds())('POST /api/moderation/approve-passing on %s', (kind) => {
  let api: Api;
  let moderator: string;
  const approvePassing = (body: unknown, token: string | null = moderator, headers: Record<string, string> = {}) =>
    postJson(`${api.url}/api/moderation/approve-passing`, body, { ...(token ? { authorization: `Bearer ${token}` } : {}), ...headers });
  const preview = async (): Promise<{ total: number; count: number; ids: string[] }> =>
    (await getAs(`${api.url}/api/moderation/passing`, moderator)).json();
  const statuses = async (ids: string[]) =>
    (await api.db.query<{ status: string }>('select status::text from public.proposals where id = any($1::uuid[]) order by status', [ids])).map((r) => r.status);
  const state = async () => ({
    approved: (await api.db.query<{ n: number }>(`select count(*)::int as n from public.proposals where status = 'approved'`))[0]!.n,
    decisions: await count(api.db, 'public.journal'),
    notices: await count(api.db, 'public.outbox'),
    rebuilds: await count(api.db, 'public.rebuild_requests'),
  });

  beforeAll(async () => {
    api = await startApi(kind);
    moderator = await api.token({ role: 'moderator', email: 'modo@example.org' });
  });
  afterAll(() => api?.stop());
  beforeEach(async () => {
    // Each test starts from a queue of its own: three passing, one failing, one to review.
    await api.db.query(`update public.proposals set status = 'rejected', decision_reason = 'Nettoyage du test.' where status = 'pending'`);
    for (let i = 0; i < 3; i++) await registerDirectly(api.db);
    await registerDirectly(api.db, { city: 'Ottawa', postalCode: 'K1A 0B1' });
    await registerDirectly(api.db, { description: 'Voir www.exemple.ca' });
  });

  it('approves exactly the confirmed ids, journaled, announced and rebuilt like any approval', async () => {
    const { ids, count: n } = await preview();
    expect(n).toBe(3);
    const before = await state();
    const response = await approvePassing({ ids, count: n });
    expect(response.status).toBe(200);
    const body = decisionAnswer.parse(await response.json());
    expect(body).toMatchObject({ decision: 'approve', changed: 3, unchanged: 0 });
    expect([...body.changedIds].sort()).toEqual([...ids].sort());
    expect(await state()).toEqual({ approved: before.approved + 3, decisions: before.decisions + 3, notices: before.notices + 3, rebuilds: before.rebuilds + 1 });
    expect((await preview()).count).toBe(0);
  });

  it('never approves a submission that arrived after the confirmation', async () => {
    const { ids, count: n } = await preview();
    const late = await registerDirectly(api.db);
    expect((await approvePassing({ ids, count: n })).status).toBe(200);
    expect(await statuses([late.id])).toEqual(['pending']);
  });

  it('approves nothing when one of them was decided meanwhile, and says how many still pass: 409 changed', async () => {
    const { ids, count: n } = await preview();
    const other = await api.token({ role: 'moderator', email: 'autre@example.org' });
    const rejected = await postJson(`${api.url}/api/moderation/decide`, { ids: [ids[1]], decision: 'reject', reason: 'Doublon.' }, { authorization: `Bearer ${other}` });
    expect(rejected.status).toBe(200);
    const before = await state();

    const response = await approvePassing({ ids, count: n }, moderator, { 'accept-language': 'en' });
    expect(response.status).toBe(409);
    expect(await response.json()).toEqual({
      error: 'changed',
      message: t('en', 'error.changed', { expected: 3, stillPassing: 2 }),
      expected: 3,
      stillPassing: 2,
    });
    expect(await state()).toEqual(before);
    expect(await statuses(ids)).toEqual(['pending', 'pending', 'rejected']);
  });

  it('approves nothing when an id does not pass every check (or is unknown)', async () => {
    const { ids } = await preview();
    const [{ id: failing }] = await api.db.query<{ id: string }>(`select id from public.proposals where status = 'pending' and checks_outcome = 'fail' limit 1`);
    const [{ id: toReview }] = await api.db.query<{ id: string }>(`select id from public.proposals where status = 'pending' and checks_outcome = 'warn' limit 1`);
    const before = await state();
    for (const extra of [failing, toReview, '5b0e9a53-3f5e-4b35-9d8c-2b7a2b9d8e11']) {
      const response = await approvePassing({ ids: [...ids, extra], count: 4 });
      expect(response.status).toBe(409);
      expect(await response.json()).toMatchObject({ error: 'changed', expected: 4, stillPassing: 3 });
    }
    expect(await state()).toEqual(before);
  });

  it('refuses a count that is not the number of ids, and malformed bodies, with 400 and nothing changed', async () => {
    const { ids } = await preview();
    const before = await state();
    const mismatch = await approvePassing({ ids, count: 2 });
    expect(mismatch.status).toBe(400);
    expect((await mismatch.json()).errors).toEqual([{ field: 'count', message: t('fr', 'moderation.count.mismatch', { count: 3 }) }]);
    // A repeated id counts once: two different ids are not three.
    expect((await approvePassing({ ids: [ids[0], ids[0], ids[1]], count: 3 })).status).toBe(400);
    for (const body of [{ ids }, { ids, count: '3' }, { ids: [], count: 0 }, { ids, count: 3, decision: 'reject' }]) {
      expect((await approvePassing(body)).status, JSON.stringify(body)).toBe(400);
    }
    expect((await approvePassing(`ids=${ids[0]}&count=1`, moderator, { 'content-type': 'application/x-www-form-urlencoded' })).status).toBe(415);
    expect(await state()).toEqual(before);
  });

  it('is for moderators only: 401 anonymous, 403 merchant, and nothing changes', async () => {
    const { ids, count: n } = await preview();
    const before = await state();
    expect((await approvePassing({ ids, count: n }, null)).status).toBe(401);
    const refused = await approvePassing({ ids, count: n }, await api.token({ role: 'merchant', email: 'a@example.ca' }));
    expect(refused.status).toBe(403);
    expect(await state()).toEqual(before);
  });
});
