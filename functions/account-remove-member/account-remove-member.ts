// POST /api/account/remove-member {listingId, userId}: leave a listing (your own id), or, as an owner, remove an editor. The last owner cannot leave (409).
import type { Config } from '@netlify/functions';
import { call } from '../_shared/as-user.ts';
import { memberRequest } from '../_shared/account-schema.ts';
import { handler } from '../_shared/handler.ts';
import { json } from '../_shared/respond.ts';

export const config: Config = { path: '/api/account/remove-member' };

export default handler({
  name: 'account-remove-member',
  methods: ['POST'],
  auth: 'user',
  body: { schema: memberRequest, limit: 4 * 1024 },
  run: async ({ input, claims }) => json(await call(claims, 'public.remove_member($1, $2)', [input.listingId, input.userId])),
});
