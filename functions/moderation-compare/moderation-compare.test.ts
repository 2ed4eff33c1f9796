// GET /api/moderation/compare over real HTTP, on each database: a submission beside the listings it
// may duplicate, with every field a moderator compares.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { t } from '../../src/i18n/index.ts';
import { getAs, registerDirectly, startApi, type Api } from '../../tests/support/api.ts';
import { insertMerchants, merchantRow } from '../../tests/support/merchants.ts';
import { databaseKinds } from '../../tests/support/test-database.ts';
import { compareAnswer } from '../_shared/moderation-answers.ts';

describe.each(databaseKinds())('GET /api/moderation/compare on %s', (kind) => {
  let api: Api;
  let moderator: string;
  const compare = (id: string, token: string | null = moderator) =>
    getAs(`${api.url}/api/moderation/compare?${new URLSearchParams({ id })}`, token ?? undefined);

  beforeAll(async () => {
    api = await startApi(kind);
    moderator = await api.token();
  });
  afterAll(() => api?.stop());

  it('shows the submission with its private fields and the listings it may duplicate, published ones first, with what matched', async () => {
    const waiting = await registerDirectly(api.db, { name: 'Fromagerie Lemieux', neq: '1160000001', phone: '819 555-0101' });
    const [published] = await insertMerchants(api.db, [
      merchantRow({ name: 'Fromagerie Lemieux inc.', neq: '1160000099', phone: '+18195550102', contact_email: 'deja@example.ca' }),
    ]);
    const submission = await registerDirectly(api.db, {
      name: 'FROMAGERIE LEMIEUX', neq: '1160000001', phone: '819 555-0102', email: 'nouveau@example.ca', website: 'https://fromagerie-lemieux.example.ca',
    });
    const unrelated = await registerDirectly(api.db);

    const response = await compare(submission.id);
    expect(response.status).toBe(200);
    const body = await response.json();
    compareAnswer.parse(body);
    expect(body.submission).toMatchObject({
      id: submission.id, name: 'FROMAGERIE LEMIEUX', status: 'pending', neq: '1160000001', email: 'nouveau@example.ca',
      city: 'Lac-Mégantic', postalCode: 'G6B 1A1', locale: 'fr', website: 'https://fromagerie-lemieux.example.ca',
    });
    expect(body.duplicates.map((d: { id: string }) => d.id)).toEqual([published!.id, waiting.id]);
    expect(body.duplicates[0]).toMatchObject({ status: 'approved', email: 'deja@example.ca', matches: ['phone', 'name'] });
    expect(body.duplicates[1]).toMatchObject({ status: 'pending', name: 'Fromagerie Lemieux', matches: ['neq', 'name'] });
    expect((await (await compare(unrelated.id)).json()).duplicates).toEqual([]);
  });

  it('answers 404 for an unknown listing and 400 for a malformed id', async () => {
    const unknown = await compare(randomUUID());
    expect(unknown.status).toBe(404);
    expect(await unknown.json()).toEqual({ error: 'not_found', message: t('fr', 'error.not_found') });
    const malformed = await compare('nope');
    expect(malformed.status).toBe(400);
    expect((await malformed.json()).errors).toEqual([{ field: 'id', message: t('fr', 'moderation.id.format') }]);
  });

  it('is for moderators only: 401 anonymous, 403 merchant', async () => {
    const { id } = await registerDirectly(api.db);
    expect((await compare(id, null)).status).toBe(401);
    const refused = await compare(id, await api.token({ role: 'merchant', email: 'a@example.ca' }));
    expect(refused.status).toBe(403);
    expect(await refused.text()).not.toContain('@example');
  });
});
