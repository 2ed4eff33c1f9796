// POST /api/account/accept {invitationId}: the account signed in with the invited address joins the listing.
import type { Config } from '@netlify/functions';
import { call } from '../_shared/as-user.ts';
import { invitationRequest } from '../_shared/account-schema.ts';
import { handler } from '../_shared/handler.ts';
import { json } from '../_shared/respond.ts';

export const config: Config = { path: '/api/account/accept' };

export default handler({
  name: 'account-accept',
  methods: ['POST'],
  auth: 'user',
  body: { schema: invitationRequest, limit: 4 * 1024 },
  run: async ({ input, claims }) => json(await call(claims, 'public.accept_invitation($1)', [input.invitationId])),
});
