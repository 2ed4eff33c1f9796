// GET /api/account: what the merchant space shows the signed-in account (public.my_account):
// its listings with every field, members, waiting changes and history, and the invitations
// waiting for its address. Row-level security decides what it may read.
import type { Config } from '@netlify/functions';
import { call } from '../_shared/as-user.ts';
import { handler } from '../_shared/handler.ts';
import { json } from '../_shared/respond.ts';
import { emptyQuery } from '../_shared/schema-parts.ts';

export const config: Config = { path: '/api/account' };

export default handler({
  name: 'account',
  methods: ['GET'],
  auth: 'user',
  query: emptyQuery,
  run: async ({ claims }) => json(await call(claims, 'public.my_account()')),
});
