// POST /api/registration-resubmit over real HTTP, on each database: after a moderator asks for
// changes, the applicant corrects the same registration from its status link and sends it again; it
// waits again at its first place, checked anew and never as a duplicate of itself.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { t } from '../../src/i18n/index.ts';
import { getAs, platformFetch, postJson, registration, startApi, type Api } from '../../tests/support/api.ts';
import { databaseKinds } from '../../tests/support/test-database.ts';

describe.each(databaseKinds())('POST /api/registration-resubmit on %s', (kind) => {
  let api: Api;
  let moderator: string;
  beforeAll(async () => {
    api = await startApi(kind);
    moderator = await api.token();
  });
  afterAll(() => api?.stop());

  const register = async (overrides: Record<string, unknown> = {}) => {
    const response = await postJson(`${api.url}/api/register`, registration(overrides));
    expect(response.status).toBe(201);
    return (await response.json()) as { id: string; statusToken: string };
  };
  const decide = (ids: string[], decision: string, reason?: string) =>
    platformFetch(`${api.url}/api/moderation/decide`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${moderator}` },
      body: JSON.stringify({ ids, decision, reason }),
    });
  const statusOf = async (id: string, token: string, locale = 'fr') =>
    (await getAs(`${api.url}/api/registration-status?${new URLSearchParams({ id, token, locale })}`)).json();
  const resubmit = (body: unknown, headers: Record<string, string> = {}) => postJson(`${api.url}/api/registration-resubmit`, body, headers);
  const snapshot = async () =>
    api.db.query('select id, status::text, fields, submitted_at from public.proposals order by id');

  it('takes the corrections of a registration awaiting changes: the same registration waits again at its first place, checked anew', async () => {
    const older = await register();
    const sent = registration({ description: 'Voir notre site www.exemple.ca pour les heures.' });
    const mine = (await (await postJson(`${api.url}/api/register`, sent)).json()) as { id: string; statusToken: string };
    expect((await decide([mine.id], 'request_changes', 'Retirez le lien de la description.')).status).toBe(200);

    // The status link shows what to correct, and the submission itself to correct it.
    const status = await statusOf(mine.id, mine.statusToken);
    expect(status).toMatchObject({ status: 'changes_requested', reason: 'Retirez le lien de la description.' });
    expect(status.submission).toMatchObject({ name: sent.name, email: sent.email, neq: sent.neq, description: sent.description, city: 'Lac-Mégantic' });
    expect(status.checks).toContainEqual({ check: 'content', outcome: 'warn', message: t('fr', 'check.content.link') });

    const { consent: _consent, ...fields }: Record<string, unknown> = { ...sent, description: 'Pain au levain, viennoiseries le samedi.' };
    const response = await resubmit({ ...fields, id: mine.id, token: mine.statusToken });
    expect(response.status).toBe(200);
    const body = await response.json();
    expect(body).toMatchObject({ id: mine.id, status: 'pending', statusToken: mine.statusToken, checksOutcome: 'pass', created: false });
    expect(body.statusUrl).toBe(`${api.url}/statut/?id=${mine.id}&token=${mine.statusToken}`);
    // Not a duplicate of itself: the same NEQ, phone and name are its own.
    expect(body.checks).toContainEqual({ check: 'duplicate', outcome: 'pass', message: t('fr', 'check.duplicate.none') });

    const again = await statusOf(mine.id, mine.statusToken);
    expect(again).toMatchObject({ status: 'pending', queuePosition: 2, submission: null });
    expect(again.resubmittedAt).toEqual(expect.any(String));
    // Behind the registration that came before it, ahead of any that came after.
    const later = await register();
    expect((await statusOf(later.id, later.statusToken)).queuePosition).toBe(3);
    expect((await statusOf(older.id, older.statusToken)).queuePosition).toBe(1);

    const [stored] = await api.db.query<{ description: string; count: number }>(
      `select fields ->> 'description_fr' as description, (select count(*)::int from public.proposals where fields ->> 'neq' = $2) as count
       from public.proposals where id = $1`, [mine.id, sent.neq]);
    expect(stored).toEqual({ description: 'Pain au levain, viennoiseries le samedi.', count: 1 });
    const journal = await api.db.query('select action, previous_status::text, actor_id from public.journal where proposal_id = $1 order by id', [mine.id]);
    expect(journal).toEqual([
      { action: 'request_changes', previous_status: 'pending', actor_id: expect.any(String) },
      { action: 'resubmit', previous_status: 'changes_requested', actor_id: null },
    ]);
  });

  it('refuses a registration that is not awaiting changes with 409, and changes nothing', async () => {
    const pending = await register();
    const { consent: _c, ...fields } = registration();
    const before = await snapshot();
    const response = await resubmit({ ...fields, id: pending.id, token: pending.statusToken }, { 'accept-language': 'en' });
    expect(response.status).toBe(409);
    expect(await response.json()).toEqual({ error: 'not_editable', message: t('en', 'error.not_editable') });
    expect(await snapshot()).toEqual(before);
  });

  it('answers a wrong token like an unknown registration (404), and changes nothing', async () => {
    const mine = await register();
    expect((await decide([mine.id], 'request_changes', 'Précisez l’adresse.')).status).toBe(200);
    const { consent: _c, ...fields } = registration();
    const before = await snapshot();
    const response = await resubmit({ ...fields, id: mine.id, token: 'f'.repeat(64) });
    expect(response.status).toBe(404);
    expect(await response.json()).toEqual({ error: 'not_found', message: t('fr', 'error.registration_not_found') });
    expect(await snapshot()).toEqual(before);
  });

  it('refuses invalid corrections field by field, in French and English, and changes nothing', async () => {
    const mine = await register();
    expect((await decide([mine.id], 'request_changes', 'Corrigez le code postal.')).status).toBe(200);
    const { consent: _c, ...fields } = registration();
    const before = await snapshot();
    for (const locale of ['fr', 'en'] as const) {
      const response = await resubmit({ ...fields, postalCode: '12345', id: mine.id, token: mine.statusToken }, { 'accept-language': locale });
      expect(response.status).toBe(400);
      expect((await response.json()).errors).toEqual([{ field: 'postalCode', message: t(locale, 'register.postalCode.format') }]);
    }
    const missingToken = await resubmit({ ...fields, id: mine.id });
    expect(missingToken.status).toBe(400);
    expect((await missingToken.json()).errors).toEqual([{ field: 'token', message: t('fr', 'input.required') }]);
    expect(await snapshot()).toEqual(before);
  });
});
