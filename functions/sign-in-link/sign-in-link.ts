// POST /api/sign-in-link {email, locale}: development sign-in for the merchant space. Mails a link
// to /compte/#token=… (or /en/account/) carrying a development token for that address, valid one
// hour, through SMTP_URL: `npm start`'s local mail catcher. Creates the account on first use, as
// Supabase Auth's magic link does. The one privileged path of the merchant space, and never in
// production, where the page asks Supabase Auth for the link itself (supabase/templates/).
import type { Config } from '@netlify/functions';
import { t } from '../../src/i18n/index.ts';
import { pathFor } from '../../src/lib/routes.ts';
import { signDevToken, userIdFor } from '../../scripts/local/dev-token.ts';
import { signInRequest } from '../_shared/account-schema.ts';
import { isProduction, localDevSecret } from '../_shared/auth.ts';
import { database } from '../_shared/db.ts';
import { handler } from '../_shared/handler.ts';
import { mailerFromEnv } from '../_shared/notice-sender.ts';
import { json, reject } from '../_shared/respond.ts';
import { siteUrl } from '../_shared/site-url.ts';

export const config: Config = { path: '/api/sign-in-link' };

export default handler({
  name: 'sign-in-link',
  methods: ['POST'],
  body: { schema: signInRequest, limit: 2 * 1024 },
  run: async ({ input, locale }) => {
    if (isProduction() || process.env.SUPABASE_URL || process.env.SUPABASE_JWT_SECRET) return reject('not_found', t(locale, 'error.not_found'));
    const mailer = mailerFromEnv();
    if (!mailer) return reject('unavailable', t(locale, 'account.error.network'));
    const sub = userIdFor(input.email);
    const db = await database();
    await db.query('insert into auth.users (id, email) values ($1, $2) on conflict do nothing', [sub, input.email]);
    const token = await signDevToken({ role: 'merchant', email: input.email, sub, expires: '1h' }, localDevSecret());
    const link = `${siteUrl()}${pathFor(locale, { kind: 'account' })}#token=${token}`;
    await mailer.transport.sendMail({
      from: mailer.from,
      to: input.email,
      subject: t(locale, 'account.mail.subject'),
      text: t(locale, 'account.mail.body', { link }),
    });
    return json({ message: t(locale, 'account.signin.sent') }, 202);
  },
});
