// POST /api/moderation/recheck over real HTTP, on each database: pre-checks run again on demand.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { t } from '../../src/i18n/index.ts';
import { postJson, registerDirectly, startApi, type Api } from '../../tests/support/api.ts';
import { insertMerchants, merchantRow } from '../../tests/support/merchants.ts';
import { databaseKinds } from '../../tests/support/test-database.ts';

describe.each(databaseKinds())('POST /api/moderation/recheck on %s', (kind) => {
  let api: Api;
  let moderator: string;
  const recheck = (body: unknown, token: string | null = moderator, headers: Record<string, string> = {}) =>
    postJson(`${api.url}/api/moderation/recheck`, body, { ...(token ? { authorization: `Bearer ${token}` } : {}), ...headers });
  const outcome = async (id: string) =>
    (await api.db.query<{ checks_outcome: string }>('select checks_outcome from public.proposals where id = $1', [id]))[0]!.checks_outcome;

  beforeAll(async () => {
    api = await startApi(kind);
    moderator = await api.token();
  });
  afterAll(() => api?.stop());

  it('runs the pre-checks again on the given listings: a duplicate published since then is now found', async () => {
    const waiting = await registerDirectly(api.db, { neq: '1169998887' });
    const other = await registerDirectly(api.db);
    expect(await outcome(waiting.id)).toBe('pass');
    await insertMerchants(api.db, [merchantRow({ neq: '1169998887', name: 'Déjà publiée' })]);

    const response = await recheck({ ids: [waiting.id] });
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ rechecked: 1 });
    expect(await outcome(waiting.id)).toBe('fail');
    expect(await outcome(other.id)).toBe('pass');
  });

  it('runs them on every pending listing when no ids are given, even with an empty body', async () => {
    const [{ n }] = await api.db.query<{ n: number }>(`select count(*)::int as n from public.proposals where status = 'pending'`);
    expect(await (await recheck({})).json()).toEqual({ rechecked: n });
    expect(await (await recheck('')).json()).toEqual({ rechecked: n });
  });

  it('refuses malformed ids, fields it does not take and other media types', async () => {
    const malformed = await recheck({ ids: ['nope'] });
    expect(malformed.status).toBe(400);
    expect((await malformed.json()).errors).toEqual([{ field: 'ids.0', message: t('fr', 'moderation.id.format') }]);
    const extra = await recheck({ all: true });
    expect((await extra.json()).errors).toEqual([{ field: 'all', message: t('fr', 'input.unknownField') }]);
    expect((await recheck({ ids: [] })).status).toBe(400);
    expect((await recheck('{}', moderator, { 'content-type': 'text/plain' })).status).toBe(415);
  });

  it('is for moderators only: 401 anonymous, 403 merchant', async () => {
    expect((await recheck({ ids: [randomUUID()] }, null)).status).toBe(401);
    expect((await recheck({}, await api.token({ role: 'merchant', email: 'a@example.ca' }))).status).toBe(403);
  });
});
