// GET /api/moderation/outbox over real HTTP, on each database: the latest notices to merchants.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedDemo } from '../../scripts/seed/seed-demo.ts';
import { getAs, postJson, startApi, type Api } from '../../tests/support/api.ts';
import { databaseKinds } from '../../tests/support/test-database.ts';
import { outboxAnswer } from '../_shared/moderation-answers.ts';

describe.each(databaseKinds())('GET /api/moderation/outbox on %s', (kind) => {
  let api: Api;
  let moderator: string;
  const outbox = (token?: string) => getAs(`${api.url}/api/moderation/outbox`, token);

  beforeAll(async () => {
    api = await startApi(kind);
    moderator = await api.token();
  });
  afterAll(() => api?.stop());

  it('is empty before any decision', async () => {
    expect(await (await outbox(moderator)).json()).toEqual({ items: [] });
  });

  it('shows the latest 100 notices, newest first, with recipient, subject and body', async () => {
    await seedDemo(api.db, { approved: 0, pending: 130, seed: 7 });
    const ids = (await api.db.query<{ id: string }>(
      `select id from public.proposals where private.is_publishable(fields ->> 'neq', fields ->> 'postal_code', fields ->> 'region_code') order by id limit 110`,
    )).map((r) => r.id);
    const approve = await postJson(`${api.url}/api/moderation/decide`, { ids: ids.slice(0, 105), decision: 'approve' }, { authorization: `Bearer ${moderator}` });
    expect(approve.status).toBe(200);
    const reject = await postJson(`${api.url}/api/moderation/decide`, { ids: [ids[105]], decision: 'reject', reason: 'Doublon.' }, { authorization: `Bearer ${moderator}` });
    expect(reject.status).toBe(200);

    const body = await (await outbox(moderator)).json();
    outboxAnswer.parse(body);
    expect(body.items).toHaveLength(100);
    expect(body.items[0]).toMatchObject({ merchantId: ids[105], kind: 'reject', sentAt: null, recipient: expect.stringContaining('@') });
    expect(body.items[0].body).toMatch(/Doublon\./);
    const times = body.items.map((i: { createdAt: string }) => new Date(i.createdAt).getTime());
    expect([...times].sort((a, b) => b - a)).toEqual(times);
  });

  it('is for moderators only: 401 anonymous, 403 merchant', async () => {
    expect((await outbox()).status).toBe(401);
    expect((await outbox(await api.token({ role: 'merchant', email: 'a@example.ca' }))).status).toBe(403);
  });
});
