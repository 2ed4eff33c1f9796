// POST /api/claim {slug}: "this is my business", from a listing's page. The listing's contact
// address gets an invitation to own it (public.request_claim); the answer is the same whether one
// was sent, so it tells nothing about the listing. Counted against the client's allowance like a
// registration. A browser without JavaScript posts the form and gets a page that says so.
import type { Config } from '@netlify/functions';
import { t } from '../../src/i18n/index.ts';
import { pathFor } from '../../src/lib/routes.ts';
import { claimRequest } from '../_shared/account-schema.ts';
import { refuseAs } from '../_shared/form-page.ts';
import { handler } from '../_shared/handler.ts';
import { asRegistrar, noClientAddress } from '../_shared/registration.ts';
import { escapeHtml, json, type Refusal } from '../_shared/respond.ts';
import { shellPage } from '../_shared/site-shell.ts';

export const config: Config = { path: '/api/claim' };

export default handler({
  name: 'listing-claim',
  methods: ['POST'],
  body: { schema: claimRequest, limit: 2 * 1024 },
  prepare: (raw, kind) => (kind === 'form' ? Object.fromEntries(raw as URLSearchParams) : raw),
  refused: (refusal: Refusal, locale, kind) => refuseAs(kind, refusal, locale),
  run: async ({ input, claims, locale, context, kind }) => {
    const done = await asRegistrar(context, claims, 'public.request_claim($1, $2)', (bucket) => [input.slug, bucket]);
    if (done === null) return refuseAs(kind, noClientAddress(locale), locale);
    const message = t(locale, 'account.claim.sent');
    if (kind !== 'form') return json({ message }, 202);
    const main = `<h1>${escapeHtml(t(locale, 'account.claim.title'))}</h1><p role="status">${escapeHtml(message)}</p>`
      + `<p><a href="${pathFor(locale, { kind: 'merchant', slug: input.slug })}">${escapeHtml(t(locale, 'account.claim.back'))}</a></p>`
      + `<p><a href="${pathFor(locale, { kind: 'account' })}">${escapeHtml(t(locale, 'account.claim.lost'))}</a></p>`;
    return shellPage(locale, t(locale, 'account.claim.title'), main, 202);
  },
});
