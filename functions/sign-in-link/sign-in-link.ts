// POST /api/sign-in-link {email, locale}: a link to sign in to the merchant space, by e-mail. With
// Supabase Auth configured (SUPABASE_URL, SUPABASE_ANON_KEY) Supabase sends it, with the
// repository's template (supabase/templates/magic_link.html). Otherwise, in development only, this
// mails a link to /api/account/session carrying a development token for that address, valid one
// hour, through SMTP_URL (`npm start`'s local mail catcher), and creates the account on first use as
// Supabase does. The answer is the same for every address. A form posted without JavaScript gets a
// page that says so.
import type { Config } from '@netlify/functions';
import { t } from '../../src/i18n/index.ts';
import { pathFor } from '../../src/lib/routes.ts';
import { signDevToken, userIdFor } from '../../scripts/local/dev-token.ts';
import { signInRequest } from '../_shared/account-schema.ts';
import { isProduction, localDevSecret } from '../_shared/auth.ts';
import { database } from '../_shared/db.ts';
import { refuseAs } from '../_shared/form-page.ts';
import { handler } from '../_shared/handler.ts';
import { mailerFromEnv } from '../_shared/notice-sender.ts';
import { escapeHtml, json, type Refusal } from '../_shared/respond.ts';
import { shellPage } from '../_shared/site-shell.ts';
import { siteUrl } from '../_shared/site-url.ts';
import { sendSupabaseLink, supabaseSignIn } from '../_shared/supabase-auth.ts';

export const config: Config = { path: '/api/sign-in-link' };

export default handler({
  name: 'sign-in-link',
  methods: ['POST'],
  body: { schema: signInRequest, limit: 2 * 1024 },
  prepare: (raw, kind) => (kind === 'form' ? Object.fromEntries(raw as URLSearchParams) : raw),
  refused: (refusal: Refusal, locale, kind) => refuseAs(kind, refusal, locale),
  run: async ({ input, locale, kind }) => {
    const unavailable = (): Refusal => ({ reason: 'unavailable', message: t(locale, 'account.error.network') });
    if (supabaseSignIn()) {
      if ((await sendSupabaseLink(input.email, locale)) === 'rate_limited') return refuseAs(kind, { reason: 'rate_limited', message: t(locale, 'error.rate_limited'), headers: { 'retry-after': '60' } }, locale);
    } else {
      // Development links are never made in production.
      const mailer = isProduction() ? null : mailerFromEnv();
      if (!mailer) return refuseAs(kind, unavailable(), locale);
      const sub = userIdFor(input.email);
      await (await database()).query('insert into auth.users (id, email) values ($1, $2) on conflict do nothing', [sub, input.email]);
      const token = await signDevToken({ role: 'merchant', email: input.email, sub, expires: '1h' }, localDevSecret());
      const link = `${siteUrl()}/api/account/session?${new URLSearchParams({ token, locale })}`;
      await mailer.transport.sendMail({ from: mailer.from, to: input.email, subject: t(locale, 'account.mail.subject'), text: t(locale, 'account.mail.body', { link }) });
    }
    const message = t(locale, 'account.signin.sent');
    if (kind !== 'form') return json({ message }, 202);
    const main = `<h1>${escapeHtml(t(locale, 'account.title'))}</h1><p role="status">${escapeHtml(message)}</p>`
      + `<p><a href="${pathFor(locale, { kind: 'account' })}">${escapeHtml(t(locale, 'account.title'))}</a></p>`;
    return shellPage(locale, t(locale, 'account.title'), main, 202);
  },
});
