// POST /api/registration-link over real HTTP, on each database: an applicant who lost its private
// link gets it again by e-mail; the answer never tells whether an address registered.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { t } from '../../src/i18n/index.ts';
import { escapeHtml } from '../_shared/respond.ts';
import { platformFetch, postJson, registerDirectly, startApi, type Api } from '../../tests/support/api.ts';
import { databaseKinds } from '../../tests/support/test-database.ts';

describe.each(databaseKinds())('POST /api/registration-link on %s', (kind) => {
  let api: Api;
  let registered: { id: string };
  beforeAll(async () => {
    api = await startApi(kind);
    registered = await registerDirectly(api.db, { email: 'perdu@example.ca' });
  });
  afterAll(() => api?.stop());

  const linkNotices = () => api.db.query<{ proposal_id: string; recipient: string; params: { statusPath: string } }>(
    `select proposal_id, recipient, params from public.outbox where kind = 'status_link' order by id`);
  const ask = (body: unknown) => postJson(`${api.url}/api/registration-link`, body);

  it('queues the link for the registrations of a known address, and answers an unknown one the same way', async () => {
    const known = await ask({ email: ' Perdu@Example.ca ' });
    const unknown = await ask({ email: 'personne@example.ca' });
    expect(known.status).toBe(202);
    expect(unknown.status).toBe(202);
    expect(await known.json()).toEqual(await unknown.json());
    const queued = await linkNotices();
    expect(queued).toHaveLength(1);
    expect(queued[0]).toMatchObject({ proposal_id: registered.id, recipient: 'perdu@example.ca' });
    expect(queued[0]!.params.statusPath).toMatch(new RegExp(`^/statut/\\?id=${registered.id}&token=[0-9a-f]{64}$`));
    // Asked again within the hour: no second message to the same inbox.
    expect((await ask({ email: 'perdu@example.ca' })).status).toBe(202);
    expect(await linkNotices()).toHaveLength(1);
  });

  it('refuses an address that is not one with a per-field message, in French and English', async () => {
    const french = await ask({ email: 'pas-un-courriel' });
    expect(french.status).toBe(400);
    expect((await french.json()).errors).toEqual([{ field: 'email', message: t('fr', 'register.email.format') }]);
    const english = await ask({ email: 'nope', locale: 'en' });
    expect((await english.json()).errors).toEqual([{ field: 'email', message: t('en', 'register.email.format') }]);
  });

  it('answers the form a browser posts without JavaScript with a page', async () => {
    const response = await platformFetch(`${api.url}/api/registration-link`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ email: 'personne@example.ca', locale: 'en' }).toString(),
    });
    expect(response.status).toBe(202);
    expect(response.headers.get('content-type')).toMatch(/^text\/html/);
    expect(await response.text()).toContain(escapeHtml(t('en', 'status.linkSent')));
  });
});
