// POST /api/account/accept {invitationId}: the account signed in with the invited address joins the
// listing. The editor page's button posts it without JavaScript, and goes back to that listing.
import type { Config } from '@netlify/functions';
import { call } from '../_shared/as-user.ts';
import { EDITOR_PATH } from '../_shared/account-editor.ts';
import { invitationRequest } from '../_shared/account-schema.ts';
import { handler } from '../_shared/handler.ts';
import { json, seeOther } from '../_shared/respond.ts';
import { siteUrl } from '../_shared/site-url.ts';

export const config: Config = { path: '/api/account/accept' };

export default handler({
  name: 'account-accept',
  methods: ['POST'],
  auth: 'user',
  body: { schema: invitationRequest, limit: 4 * 1024 },
  prepare: (raw, kind) => (kind === 'form' ? Object.fromEntries(raw as URLSearchParams) : raw),
  run: async ({ input, claims, kind, locale }) => {
    const joined = await call<{ listingId: string; role: string }>(claims, 'public.accept_invitation($1)', [input.invitationId]);
    return kind === 'form' ? seeOther(`${siteUrl()}${EDITOR_PATH[locale]}?fiche=${joined.listingId}`) : json(joined);
  },
});
