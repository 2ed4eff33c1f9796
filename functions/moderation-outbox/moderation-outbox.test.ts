// GET /api/moderation/outbox over real HTTP, on each database: every notice to merchants, paged and searched.
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

  it('is empty before any notice', async () => {
    expect(await (await outbox(moderator)).json()).toEqual({ items: [], nextBefore: null });
  });

  it('pages through every notice, newest first, 50 at a time, with recipient, subject, body and delivery state', async () => {
    await seedDemo(api.db, { approved: 0, pending: 130, seed: 7 });
    const ids = (await api.db.query<{ id: string }>(
      `select id from public.proposals where private.is_publishable(fields ->> 'neq', fields ->> 'postal_code', fields ->> 'region_code') order by id limit 110`,
    )).map((r) => r.id);
    const approve = await postJson(`${api.url}/api/moderation/decide`, { ids: ids.slice(0, 105), decision: 'approve' }, { authorization: `Bearer ${moderator}` });
    expect(approve.status).toBe(200);
    const reject = await postJson(`${api.url}/api/moderation/decide`, { ids: [ids[105]], decision: 'reject', reason: 'Doublon.' }, { authorization: `Bearer ${moderator}` });
    expect(reject.status).toBe(200);
    const total = (await api.db.query<{ n: number }>('select count(*)::int as n from public.outbox'))[0]!.n;
    expect(total).toBe(106);
    // One delivered, one given up on after its tries.
    await api.db.exec(`update public.outbox set sent_at = now(), attempts = 1 where id = (select min(id) from public.outbox)`);
    await api.db.exec(`update public.outbox set failed_at = now(), attempts = 5, last_error = '550 mailbox unavailable' where id = (select min(id) + 1 from public.outbox)`);

    const pages = [];
    for (let before: number | null | undefined; before !== null; ) {
      const body = await (await getAs(`${api.url}/api/moderation/outbox${before ? `?before=${before}` : ''}`, moderator)).json();
      outboxAnswer.parse(body);
      pages.push(body.items);
      before = body.nextBefore;
    }
    expect(pages.map((p) => p.length)).toEqual([50, 50, 6]);
    const all = pages.flat();
    expect(new Set(all.map((n) => n.id)).size).toBe(106);
    expect(all[0]).toMatchObject({ proposalId: ids[105], kind: 'reject', sentAt: null, failedAt: null, attempts: 0, recipient: expect.stringContaining('@') });
    expect(all[0].body).toMatch(/Doublon\./);
    const numbers = all.map((n) => n.id);
    expect([...numbers].sort((a, b) => b - a)).toEqual(numbers);
    expect(all.at(-1)).toMatchObject({ sentAt: expect.any(String), attempts: 1 });
    expect(all.at(-2)).toMatchObject({ failedAt: expect.any(String), attempts: 5, lastError: '550 mailbox unavailable' });
  });

  it('searches every notice by recipient or business, taking % and _ literally', async () => {
    const [{ recipient, name }] = await api.db.query<{ recipient: string; name: string }>(
      `select recipient, params ->> 'name' as name from public.outbox where kind = 'reject'`);
    const search = async (q: string) => (await (await getAs(`${api.url}/api/moderation/outbox?${new URLSearchParams({ q })}`, moderator)).json()).items;
    expect((await search(recipient.toUpperCase())).map((n: { kind: string }) => n.kind)).toEqual(['reject']);
    expect((await search(name)).length).toBeGreaterThanOrEqual(1);
    expect(await search('%')).toEqual([]);
    const tooLong = await getAs(`${api.url}/api/moderation/outbox?q=${'x'.repeat(201)}`, moderator);
    expect(tooLong.status).toBe(400);
    const badPage = await getAs(`${api.url}/api/moderation/outbox?before=abc`, moderator);
    expect(badPage.status).toBe(400);
  });

  it('is for moderators only: 401 anonymous, 403 merchant', async () => {
    expect((await outbox()).status).toBe(401);
    expect((await outbox(await api.token({ role: 'merchant', email: 'a@example.ca' }))).status).toBe(403);
  });
});
