// POST /api/account/member-role {listingId, userId, role}: an owner hands over ownership (an editor made owner) or steps down.
import type { Config } from '@netlify/functions';
import { call } from '../_shared/as-user.ts';
import { roleRequest } from '../_shared/account-schema.ts';
import { handler } from '../_shared/handler.ts';
import { json } from '../_shared/respond.ts';

export const config: Config = { path: '/api/account/member-role' };

export default handler({
  name: 'account-member-role',
  methods: ['POST'],
  auth: 'user',
  body: { schema: roleRequest, limit: 4 * 1024 },
  run: async ({ input, claims }) => json(await call(claims, 'public.set_member_role($1, $2, $3)', [input.listingId, input.userId, input.role])),
});
