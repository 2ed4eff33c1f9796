// GET /api/registration-status over real HTTP, on each database: the applicant's private link
// shows where the registration stands, in their language; anything else learns nothing.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { t } from '../../src/i18n/index.ts';
import { getAs, platformFetch, registerDirectly, startApi, type Api } from '../../tests/support/api.ts';
import { databaseKinds } from '../../tests/support/test-database.ts';

describe.each(databaseKinds())('GET /api/registration-status on %s', (kind) => {
  let api: Api;
  let first: { id: string; statusToken: string };
  let second: { id: string; statusToken: string };
  const statusOf = (query: Record<string, string>, headers: Record<string, string> = {}) =>
    getAs(`${api.url}/api/registration-status?${new URLSearchParams(query)}`, undefined, headers);

  beforeAll(async () => {
    api = await startApi(kind);
    first = await registerDirectly(api.db);
    second = await registerDirectly(api.db, { city: 'Ottawa', postalCode: 'K1A 0B1' });
  });
  afterAll(() => api?.stop());

  it('shows the status, the pre-checks in French and the place in the queue to whoever holds the link', async () => {
    const response = await statusOf({ id: second.id, token: second.statusToken });
    expect(response.status).toBe(200);
    expect(response.headers.get('cache-control')).toBe('no-store');
    const body = await response.json();
    expect(body).toMatchObject({ id: second.id, status: 'pending', checksOutcome: 'fail', queuePosition: 2, locale: 'fr', reason: null });
    expect(body.checks).toContainEqual({
      check: 'postal_code',
      outcome: 'fail',
      message: 'Le code postal K1A 0B1 n’est pas au Québec (il doit commencer par G, H ou J).',
    });
    // The contact e-mail is not shown while nothing is to be corrected, even to the link's holder.
    for (const key of ['email', 'contact_email', 'neq']) expect(body).not.toHaveProperty(key);
    expect(JSON.stringify(body)).not.toContain('@');
    expect(body.submission).toBeNull();
  });

  it('answers in English when the browser or the page asks for it', async () => {
    const byBrowser = await (await statusOf({ id: first.id, token: first.statusToken }, { 'accept-language': 'en' })).json();
    expect(byBrowser.checks[0].message).toBe('Postal code G6B 1A1 is in Quebec.');
    const byPage = await (await statusOf({ id: first.id, token: first.statusToken, locale: 'en' }, { 'accept-language': 'fr' })).json();
    expect(byPage.checks[0].message).toBe('Postal code G6B 1A1 is in Quebec.');
  });

  it('shows the reason once a moderator decided', async () => {
    const token = await api.token();
    const decided = await platformFetch(`${api.url}/api/moderation/decide`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify({ ids: [second.id], decision: 'reject', reason: 'Entreprise située hors du Québec.' }),
    });
    expect(decided.status).toBe(200);
    const body = await (await statusOf({ id: second.id, token: second.statusToken })).json();
    expect(body).toMatchObject({ status: 'rejected', reason: 'Entreprise située hors du Québec.', queuePosition: null });
    expect(body.decidedAt).toEqual(expect.any(String));
  });

  it('answers the same 404 to a wrong token, another registration’s token and an unknown id', async () => {
    const answers = await Promise.all([
      statusOf({ id: first.id, token: second.statusToken }),
      statusOf({ id: first.id, token: 'f'.repeat(64) }),
      statusOf({ id: first.id, token: 'short' }),
      statusOf({ id: randomUUID(), token: first.statusToken }),
    ]);
    for (const response of answers) {
      expect(response.status).toBe(404);
      expect(await response.json()).toEqual({ error: 'not_found', message: t('fr', 'error.registration_not_found') });
    }
  });

  it('refuses a malformed id or a missing token with 400, naming the field', async () => {
    const [malformed, missingToken, missingId, nul] = await Promise.all([
      statusOf({ id: 'not-a-uuid', token: first.statusToken }, { 'accept-language': 'en' }),
      statusOf({ id: first.id }),
      statusOf({ token: first.statusToken }),
      statusOf({ id: first.id, token: 'abc\u0000' }),
    ]);
    expect(nul.status).toBe(400);
    expect((await nul.json()).errors).toEqual([{ field: 'token', message: t('fr', 'input.characters') }]);
    expect(malformed.status).toBe(400);
    expect(await malformed.json()).toMatchObject({ error: 'invalid_input', errors: [{ field: 'id', message: t('en', 'moderation.id.format') }] });
    expect(missingToken.status).toBe(400);
    expect((await missingToken.json()).errors).toEqual([{ field: 'token', message: t('fr', 'input.required') }]);
    expect(missingId.status).toBe(400);
    expect((await missingId.json()).errors).toEqual([{ field: 'id', message: t('fr', 'moderation.id.format') }]);
  });

  it('refuses other methods with 405', async () => {
    const response = await platformFetch(`${api.url}/api/registration-status?id=${first.id}&token=${first.statusToken}`, { method: 'POST' });
    expect(response.status).toBe(405);
    expect(response.headers.get('allow')).toBe('GET');
  });
});
