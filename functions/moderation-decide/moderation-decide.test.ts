// POST /api/moderation/decide over real HTTP, on each database: bulk decisions are all or nothing,
// journaled, announced to the merchant in their language, and approvals ask for a rebuild.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { t, type Locale } from '../../src/i18n/index.ts';
import { userIdFor } from '../../scripts/local/dev-token.ts';
import { seedDemo } from '../../scripts/seed/seed-demo.ts';
import { count, getAs, postJson, registerDirectly, startApi, type Api } from '../../tests/support/api.ts';
import { databaseKinds } from '../../tests/support/test-database.ts';
import { decisionAnswer } from '../_shared/moderation-answers.ts';

// The listings' eligibility rule, to pick seeded registrations on either side of it.
const ELIGIBLE = `private.is_publishable(fields ->> 'neq', fields ->> 'postal_code', fields ->> 'region_code')`;

describe.each(databaseKinds())('POST /api/moderation/decide on %s', (kind) => {
  let api: Api;
  let moderator: string;
  let eligible: string[];
  let outsideQuebec: string;
  const decide = (body: unknown, token: string | null = moderator, headers: Record<string, string> = {}) =>
    postJson(`${api.url}/api/moderation/decide`, body, { ...(token ? { authorization: `Bearer ${token}` } : {}), ...headers });

  /** Everything a decision writes, to compare before and after a refused one. */
  const state = async () => ({
    statuses: await api.db.query('select status::text, count(*)::int as n from public.proposals group by 1 order by 1'),
    listings: await api.db.query('select status::text, count(*)::int as n from public.listings group by 1 order by 1'),
    decisions: await count(api.db, 'public.journal'),
    notices: await count(api.db, 'public.outbox'),
    rebuilds: await count(api.db, 'public.rebuild_requests'),
  });
  async function changesNothing<T>(work: () => Promise<T>): Promise<T> {
    const before = await state();
    const result = await work();
    expect(await state()).toEqual(before);
    return result;
  }

  beforeAll(async () => {
    api = await startApi(kind);
    moderator = await api.token({ role: 'moderator', email: 'modo@example.org' });
    await seedDemo(api.db, { approved: 0, pending: 1100, seed: 1 });
    eligible = (await api.db.query<{ id: string }>(`select id from public.proposals where ${ELIGIBLE} order by id limit 1010`)).map((r) => r.id);
    [{ id: outsideQuebec }] = await api.db.query<{ id: string }>(`select id from public.proposals where fields ->> 'postal_code' !~ '^[GHJ]' limit 1`);
  });
  afterAll(() => api?.stop());

  describe('refused decisions change nothing', () => {
    it('requires a reason to reject or to ask for changes, naming the field in French and English', async () => {
      for (const [decision, reason, locale] of [['reject', undefined, 'fr'], ['request_changes', '   ', 'en']] as const) {
        const response = await changesNothing(() => decide({ ids: [eligible[0]], decision, reason }, moderator, { 'accept-language': locale }));
        expect(response.status).toBe(400);
        expect(await response.json()).toEqual({
          error: 'invalid_input',
          message: t(locale as Locale, 'error.invalid_input'),
          errors: [{ field: 'reason', message: t(locale as Locale, 'moderation.reason.required') }],
        });
      }
    });

    it.each([
      ['no ids', { ids: [], decision: 'approve' }, 'ids', 'moderation.ids.required'],
      ['more than 5,000 ids', { ids: Array.from({ length: 5001 }, () => randomUUID()), decision: 'approve' }, 'ids', 'moderation.ids.tooMany'],
      ['a malformed id', { ids: ['5b0e9a53', randomUUID()], decision: 'approve' }, 'ids.0', 'moderation.id.format'],
      ['ids that are not a list', { ids: 'all', decision: 'approve' }, 'ids', 'moderation.ids.required'],
      ['an unknown decision', { ids: [randomUUID()], decision: 'publish' }, 'decision', 'moderation.decision.invalid'],
      ['a reason over 2,000 characters', { ids: [randomUUID()], decision: 'reject', reason: 'x'.repeat(2001) }, 'reason', 'moderation.reason.tooLong'],
      ['a reason with a NUL character', { ids: [randomUUID()], decision: 'reject', reason: 'Doublon\u0000' }, 'reason', 'input.characters'],
      ['a field it does not take', { ids: [randomUUID()], decision: 'approve', status: 'approved' }, 'status', 'input.unknownField'],
    ] as const)('refuses %s with 400', async (_case, body, field, key) => {
      const response = await changesNothing(() => decide(body));
      expect(response.status).toBe(400);
      expect((await response.json()).errors).toContainEqual({ field, message: t('fr', key, { max: key === 'moderation.reason.tooLong' ? 2000 : 5000 }) });
    });

    it('refuses a form or garbled JSON', async () => {
      const form = await changesNothing(() => decide(`ids=${eligible[0]}&decision=approve`, moderator, { 'content-type': 'application/x-www-form-urlencoded' }));
      expect(form.status).toBe(415);
      expect(await form.json()).toEqual({ error: 'unsupported_media_type', message: t('fr', 'error.unsupported_media_type_json') });
      const garbled = await changesNothing(() => decide('{"ids": ['));
      expect(garbled.status).toBe(400);
      expect((await garbled.json()).error).toBe('invalid_json');
    });

    it('refuses an anonymous visitor with 401 and a merchant with 403', async () => {
      const body = { ids: [eligible[0]], decision: 'approve' };
      expect((await changesNothing(() => decide(body, null))).status).toBe(401);
      const merchant = await api.token({ role: 'merchant', email: 'a@example.ca' });
      const refused = await changesNothing(() => decide(body, merchant));
      expect(refused.status).toBe(403);
      expect((await refused.json()).error).toBe('forbidden');
    });

    it('changes nothing when one id is unknown: 404', async () => {
      const response = await changesNothing(() => decide({ ids: [...eligible.slice(0, 5), randomUUID()], decision: 'approve' }));
      expect(response.status).toBe(404);
      expect(await response.json()).toEqual({ error: 'not_found', message: t('fr', 'error.merchant_not_found') });
    });

    it('changes nothing when one listing may not be published (outside Quebec): 409 ineligible, not a 500', async () => {
      const response = await changesNothing(() => decide({ ids: [...eligible.slice(0, 5), outsideQuebec], decision: 'approve' }, moderator, { 'accept-language': 'en' }));
      expect(response.status).toBe(409);
      const body = await response.json();
      expect(body.error).toBe('ineligible');
      expect(body.message).toMatch(/cannot be published \(Quebec businesses with a valid NEQ only\): nothing was changed\.$/);
    });
  });

  describe('approving 1,000 listings in one call', () => {
    let thousand: string[];
    beforeAll(() => {
      thousand = eligible.slice(0, 1000);
    });

    it('publishes them all, journals each, queues a notice to each merchant and asks for one rebuild', async () => {
      const before = await state();
      const catalogue = await count(api.db, 'public.catalogue');
      // A repeated id counts once.
      const response = await decide({ ids: [...thousand, thousand[0], thousand[1].toUpperCase()], decision: 'approve' });
      expect(response.status).toBe(200);
      const body = decisionAnswer.parse(await response.json());
      expect(body).toMatchObject({ decision: 'approve', changed: 1000, unchanged: 0 });
      expect([...body.changedIds].sort()).toEqual([...thousand].sort());

      expect(await count(api.db, 'public.catalogue')).toBe(catalogue + 1000);
      const [journal] = await api.db.query<{ n: number; moderators: string[]; emails: string[]; previous: string[]; changes: string[] }>(
        `select count(*)::int as n, array_agg(distinct actor_id::text) as moderators, array_agg(distinct actor_email) as emails,
                array_agg(distinct previous_status::text) as previous, array_agg(distinct listing_change) as changes
         from public.journal where proposal_id = any($1::uuid[]) and action = 'approve'`,
        [thousand],
      );
      expect(journal).toEqual({ n: 1000, moderators: [userIdFor('modo@example.org')], emails: ['modo@example.org'], previous: ['pending'], changes: ['created'] });

      // Each merchant is told, in their language, where the listing is and how to follow it.
      const notices = await api.db.query<{ recipient: string; contact_email: string; params: Record<string, string>; slug: string; id: string; locale: string }>(
        `select o.recipient, l.contact_email, o.params, l.slug, l.id, o.locale from public.outbox o join public.listings l on l.id = o.proposal_id
         where o.proposal_id = any($1::uuid[]) and o.kind = 'approve'`,
        [thousand],
      );
      expect(notices).toHaveLength(1000);
      for (const n of notices.slice(0, 20)) {
        expect(n.recipient).toBe(n.contact_email);
        expect(n.params.listingPath).toBe(`/commerces/${n.slug}/`);
        expect(n.params.statusPath).toMatch(new RegExp(`^${n.locale === 'en' ? '/en/status/' : '/statut/'}\\?id=${n.id}&token=[0-9a-f]{64}$`));
      }
      const after = await state();
      expect(after.rebuilds).toBe(before.rebuilds + 1);
      const [rebuild] = await api.db.query<{ reason: string; built_at: null }>('select reason, built_at from public.rebuild_requests order by id desc limit 1');
      expect(rebuild).toEqual({ reason: '1000 listing(s) approved', built_at: null });
    });

    it('is harmless to repeat: nothing changes, nothing more is journaled, queued or rebuilt', async () => {
      const response = await changesNothing(() => decide({ ids: thousand, decision: 'approve' }));
      expect(response.status).toBe(200);
      expect(await response.json()).toMatchObject({ changed: 0, unchanged: 1000, changedIds: [] });
    });
  });

  describe('refusing and asking for changes', () => {
    it('tells each merchant why, in their language, with their status link on the configured site, whatever the request says', async () => {
      process.env.SITE_URL = 'https://vitrine.example';
      try {
        const fr = await registerDirectly(api.db, {}, 'fr');
        const en = await registerDirectly(api.db, {}, 'en');
        const reason = 'Le NEQ ne correspond pas au nom <b>inscrit</b>.';
        // A caller cannot choose where the notices point: not by the Host it names, nor by a field.
        const spoofed = { host: 'evil.example', 'x-forwarded-host': 'evil.example', 'x-forwarded-proto': 'http' };
        const withSiteField = await changesNothing(() => decide({ ids: [fr.id], decision: 'reject', reason, siteUrl: 'https://evil.example' }));
        expect(withSiteField.status).toBe(400);
        expect((await withSiteField.json()).errors).toEqual([{ field: 'siteUrl', message: t('fr', 'input.unknownField') }]);
        const response = await decide({ ids: [fr.id, en.id], decision: 'reject', reason: `  ${reason} ` }, moderator, spoofed);
        expect(response.status).toBe(200);
        expect(await response.json()).toMatchObject({ decision: 'reject', changed: 2 });

        // What the merchants read, as the outbox renders it.
        const outbox = await (await getAs(`${api.url}/api/moderation/outbox`, moderator, spoofed)).json();
        // The decisions' notices (each registration also got one when it was received).
        const byId = Object.fromEntries(outbox.items.filter((n: { kind: string }) => n.kind === 'reject')
          .map((n: { proposalId: string }) => [n.proposalId, n])) as Record<string, { locale: string; kind: string; subject: string; body: string }>;
        expect(byId[fr.id]).toMatchObject({ locale: 'fr', kind: 'reject', subject: expect.stringMatching(/n’a pas été acceptée$/) });
        expect(byId[fr.id]!.body).toContain(`Raison : ${reason}`);
        expect(byId[fr.id]!.body).toContain(`https://vitrine.example/statut/?id=${fr.id}&token=${fr.statusToken}`);
        expect(byId[en.id]).toMatchObject({ locale: 'en', subject: expect.stringMatching(/was not accepted$/) });
        expect(byId[en.id]!.body).toContain(`Reason: ${reason}`);
        expect(byId[en.id]!.body).toContain(`https://vitrine.example/en/status/?id=${en.id}&token=${en.statusToken}`);
        expect(JSON.stringify(outbox)).not.toContain('evil.example');

        const journal = await api.db.query<{ reason: string; action: string; actor_email: string }>(
          'select reason, action, actor_email from public.journal where proposal_id = $1', [fr.id],
        );
        expect(journal).toEqual([{ reason, action: 'reject', actor_email: 'modo@example.org' }]);
        // Refusing a registration that was never published changes nothing in the catalogue: no rebuild.
        const [{ n }] = await api.db.query<{ n: number }>(`select count(*)::int as n from public.rebuild_requests where reason not like '1000 %'`);
        expect(n).toBe(0);
      } finally {
        process.env.SITE_URL = api.url;
      }
    });

    it('asks for changes with the reason kept on the registration', async () => {
      const m = await registerDirectly(api.db);
      const response = await decide({ ids: [m.id], decision: 'request_changes', reason: 'Ajoutez vos heures d’ouverture.' });
      expect(response.status).toBe(200);
      const [row] = await api.db.query('select status::text, decision_reason from public.proposals where id = $1', [m.id]);
      expect(row).toEqual({ status: 'changes_requested', decision_reason: 'Ajoutez vos heures d’ouverture.' });
    });
  });

  describe('a decision that takes a listing out of the catalogue, or puts it back', () => {
    it('withdraws a published listing that is refused, and asks for a rebuild at once', async () => {
      const [published] = await api.db.query<{ id: string; slug: string }>(
        `select id, slug from public.listings where status = 'published' order by id limit 1`);
      const rebuilds = await count(api.db, 'public.rebuild_requests');
      const response = await decide({ ids: [published!.id], decision: 'reject', reason: 'Commerce fermé définitivement.' });
      expect(response.status).toBe(200);
      expect(await api.db.query('select id from public.catalogue where id = $1', [published!.id])).toEqual([]);
      expect(await api.db.query('select status::text from public.listings where id = $1', [published!.id])).toEqual([{ status: 'withdrawn' }]);
      expect(await count(api.db, 'public.rebuild_requests')).toBe(rebuilds + 1);
      const [journal] = await api.db.query('select action, previous_status::text, listing_change from public.journal where proposal_id = $1 order by id desc limit 1', [published!.id]);
      expect(journal).toEqual({ action: 'reject', previous_status: 'approved', listing_change: 'withdrawn' });

      // Approved again: back in the catalogue under the same address, and rebuilt.
      expect((await decide({ ids: [published!.id], decision: 'approve' })).status).toBe(200);
      expect(await api.db.query('select slug from public.catalogue where id = $1', [published!.id])).toEqual([{ slug: published!.slug }]);
      expect(await count(api.db, 'public.rebuild_requests')).toBe(rebuilds + 2);
      const [back] = await api.db.query('select listing_change from public.journal where proposal_id = $1 order by id desc limit 1', [published!.id]);
      expect(back).toEqual({ listing_change: 'republished' });
    });
  });
});
