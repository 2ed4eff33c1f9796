// GET /api/account/session: where a sign-in link leads. Checks the link (a development token
// locally; in production Supabase Auth's token hash, verified with Supabase), keeps the session in
// an HttpOnly cookie (functions/_shared/session-cookie.ts) and goes on to the merchant space. A
// link that expired or was already used gets a page that says so, with the way to ask again.
import type { Config } from '@netlify/functions';
import { z } from 'zod';
import { t, type Locale } from '../../src/i18n/index.ts';
import { pathFor } from '../../src/lib/routes.ts';
import { AuthError, verifyToken } from '../_shared/auth.ts';
import { handler } from '../_shared/handler.ts';
import { escapeHtml, seeOther } from '../_shared/respond.ts';
import { sessionCookie } from '../_shared/session-cookie.ts';
import { shellPage } from '../_shared/site-shell.ts';
import { siteUrl } from '../_shared/site-url.ts';
import { verifySupabaseLink } from '../_shared/supabase-auth.ts';

export const config: Config = { path: '/api/account/session' };

const query = () => z.object({
  token: z.string().max(4096).optional(),
  token_hash: z.string().max(512).optional(),
  type: z.enum(['email', 'magiclink']).optional(),
  locale: z.enum(['fr', 'en']).optional(),
});

export default handler({
  name: 'account-session',
  methods: ['GET'],
  query,
  run: async ({ input, locale: negotiated }) => {
    const locale: Locale = input.locale ?? negotiated;
    try {
      const session = input.token_hash
        ? await verifySupabaseLink(input.token_hash, input.type ?? 'email')
        : input.token ? { token: input.token, expiresAt: (await verifyToken(input.token)).exp as number } : null;
      if (!session) throw new AuthError('invalid', 'no link');
      const response = seeOther(`${siteUrl()}${pathFor(locale, { kind: 'account' })}`);
      response.headers.append('set-cookie', sessionCookie(session.token, session.expiresAt - Date.now() / 1000));
      return response;
    } catch (error) {
      if (!(error instanceof AuthError)) throw error;
      const main = `<h1>${escapeHtml(t(locale, 'account.title'))}</h1><p role="alert">${escapeHtml(t(locale, 'account.signin.expired'))}</p>`
        + `<p><a href="${pathFor(locale, { kind: 'account' })}">${escapeHtml(t(locale, 'account.signin.send'))}</a></p>`;
      return shellPage(locale, t(locale, 'account.title'), main, 401);
    }
  },
});
