// POST /api/registration-link {email}: an applicant who lost its private status link asks for it
// again. Each open registration with that contact address gets a notice with its link
// (public.request_status_links); the answer is the same whether the address is known or not, so the
// form tells no one who registered. Counted against the client's allowance like a registration. A
// browser without JavaScript posts the form and gets a page that says so.
import type { Config } from '@netlify/functions';
import { t } from '../../src/i18n/index.ts';
import { refuseAs } from '../_shared/form-page.ts';
import { handler } from '../_shared/handler.ts';
import { asRegistrar, noClientAddress } from '../_shared/registration.ts';
import { linkRequestSchema } from '../_shared/registration-schema.ts';
import { escapeHtml, json, type Refusal } from '../_shared/respond.ts';
import { shellPage } from '../_shared/site-shell.ts';

export const config: Config = { path: '/api/registration-link' };

export default handler({
  name: 'registration-link',
  methods: ['POST'],
  body: { schema: linkRequestSchema, limit: 4 * 1024 },
  prepare: (raw, kind) => (kind === 'form' ? Object.fromEntries(raw as URLSearchParams) : raw),
  refused: (refusal: Refusal, locale, kind) => refuseAs(kind, refusal, locale),
  run: async ({ input, claims, locale, context, kind }) => {
    const done = await asRegistrar(context, claims, 'public.request_status_links($1, $2)', (bucket) => [input.email, bucket]);
    if (done === null) return refuseAs(kind, noClientAddress(locale), locale);
    const message = t(locale, 'status.linkSent');
    if (kind !== 'form') return json({ message }, 202);
    const main = `<h1>${escapeHtml(t(locale, 'status.lostLink'))}</h1><p role="status">${escapeHtml(message)}</p>`;
    return shellPage(locale, t(locale, 'status.lostLink'), main, 202);
  },
});
