// POST /api/account/invite {listingId, email, role}: an owner invites someone to edit the listing or to own it with them (public.invite_member sends the invitation).
import type { Config } from '@netlify/functions';
import { call } from '../_shared/as-user.ts';
import { inviteRequest } from '../_shared/account-schema.ts';
import { handler } from '../_shared/handler.ts';
import { json } from '../_shared/respond.ts';

export const config: Config = { path: '/api/account/invite' };

export default handler({
  name: 'account-invite',
  methods: ['POST'],
  auth: 'user',
  body: { schema: inviteRequest, limit: 4 * 1024 },
  run: async ({ input, claims }) => json(await call(claims, 'public.invite_member($1, $2, $3)', [input.listingId, input.email, input.role])),
});
