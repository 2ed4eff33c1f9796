// POST /api/account/sign-out: ends the merchant space's session (the cookie is removed); a form
// posted without JavaScript goes back to the sign-in page.
import type { Config } from '@netlify/functions';
import { z } from 'zod';
import { pathFor } from '../../src/lib/routes.ts';
import { handler } from '../_shared/handler.ts';
import { json, seeOther } from '../_shared/respond.ts';
import { endedSessionCookie } from '../_shared/session-cookie.ts';
import { siteUrl } from '../_shared/site-url.ts';

export const config: Config = { path: '/api/account/sign-out' };

export default handler({
  name: 'account-sign-out',
  methods: ['POST'],
  body: { schema: () => z.object({ locale: z.enum(['fr', 'en']).optional() }), limit: 1024, emptyJson: {} },
  prepare: (raw, kind) => (kind === 'form' ? Object.fromEntries(raw as URLSearchParams) : raw),
  run: async ({ locale, kind }) => {
    const response = kind === 'form' ? seeOther(`${siteUrl()}${pathFor(locale, { kind: 'account' })}`) : json({ signedOut: true });
    response.headers.append('set-cookie', endedSessionCookie());
    return response;
  },
});
