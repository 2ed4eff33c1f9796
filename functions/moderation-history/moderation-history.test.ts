// GET /api/moderation/history over real HTTP, on each database: a listing and every decision on it.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { t } from '../../src/i18n/index.ts';
import { getAs, postJson, registerDirectly, startApi, type Api } from '../../tests/support/api.ts';
import { databaseKinds } from '../../tests/support/test-database.ts';
import { historyAnswer } from '../_shared/moderation-answers.ts';

describe.each(databaseKinds())('GET /api/moderation/history on %s', (kind) => {
  let api: Api;
  let moderator: string;
  let listing: { id: string };
  const history = (id: string, token: string | null = moderator, headers: Record<string, string> = {}) =>
    getAs(`${api.url}/api/moderation/history?${new URLSearchParams({ id })}`, token ?? undefined, headers);

  beforeAll(async () => {
    api = await startApi(kind);
    moderator = await api.token({ role: 'moderator', email: 'modo@example.org' });
    listing = await registerDirectly(api.db, { name: 'Quincaillerie Bolduc' });
  });
  afterAll(() => api?.stop());

  it('shows a new listing with its pre-checks and no decision yet', async () => {
    const body = await (await history(listing.id)).json();
    historyAnswer.parse(body);
    expect(body).toMatchObject({ id: listing.id, name: 'Quincaillerie Bolduc', status: 'pending', decisions: [] });
    expect(body.checks[0]).toEqual({ check: 'postal_code', outcome: 'pass', message: 'Le code postal G6B 1A1 est au Québec.' });
  });

  it('lists every decision oldest first, with who took it and why, in the moderator’s language', async () => {
    const second = await api.token({ role: 'moderator', email: 'autre.modo@example.org' });
    const decide = (token: string, body: unknown) =>
      postJson(`${api.url}/api/moderation/decide`, body, { authorization: `Bearer ${token}` });
    expect((await decide(moderator, { ids: [listing.id], decision: 'request_changes', reason: 'Ajoutez une photo.' })).status).toBe(200);
    expect((await decide(second, { ids: [listing.id], decision: 'approve' })).status).toBe(200);

    const body = historyAnswer.parse(await (await history(listing.id, moderator, { 'accept-language': 'en' })).json());
    expect(body.status).toBe('approved');
    expect(body.checks[0].message).toBe('Postal code G6B 1A1 is in Quebec.');
    expect(body.decisions).toEqual([
      { decision: 'request_changes', reason: 'Ajoutez une photo.', moderator: 'modo@example.org', previousStatus: 'pending', listingChange: null, decidedAt: expect.any(String) },
      { decision: 'approve', reason: null, moderator: 'autre.modo@example.org', previousStatus: 'changes_requested', listingChange: 'created', decidedAt: expect.any(String) },
    ]);
  });

  it('answers 404 for an unknown listing and 400 for a malformed or missing id', async () => {
    const unknown = await history(randomUUID());
    expect(unknown.status).toBe(404);
    expect(await unknown.json()).toEqual({ error: 'not_found', message: t('fr', 'error.not_found') });
    const malformed = await history('42');
    expect(malformed.status).toBe(400);
    expect((await malformed.json()).errors).toEqual([{ field: 'id', message: t('fr', 'moderation.id.format') }]);
    const missing = await getAs(`${api.url}/api/moderation/history`, moderator);
    expect(missing.status).toBe(400);
    expect((await missing.json()).errors).toEqual([{ field: 'id', message: t('fr', 'input.required') }]);
  });

  it('is for moderators only: 401 anonymous, 403 merchant', async () => {
    expect((await history(listing.id, null)).status).toBe(401);
    expect((await history(listing.id, await api.token({ role: 'merchant', email: 'a@example.ca' }))).status).toBe(403);
  });
});
