// POST /api/account/transfer {listing, neq, reason}: a signed-in business whose listing's contact
// address no longer works asks a moderator for it (public.request_transfer), with its NEQ.
import type { Config } from '@netlify/functions';
import { call } from '../_shared/as-user.ts';
import { transferRequest } from '../_shared/account-schema.ts';
import { handler } from '../_shared/handler.ts';
import { json } from '../_shared/respond.ts';

export const config: Config = { path: '/api/account/transfer' };

export default handler({
  name: 'account-transfer',
  methods: ['POST'],
  auth: 'user',
  body: { schema: transferRequest, limit: 8 * 1024 },
  run: async ({ input, claims }) => json(await call(claims, 'public.request_transfer($1, $2, $3)', [input.listing, input.neq, input.reason]), 201),
});
