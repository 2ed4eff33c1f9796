// GET /api/moderation/transfers: the transfer requests waiting, each beside its listing (whether
// the NEQ given matches). Moderators only.
import type { Config } from '@netlify/functions';
import { call } from '../_shared/as-user.ts';
import { handler } from '../_shared/handler.ts';
import { json } from '../_shared/respond.ts';
import { emptyQuery } from '../_shared/schema-parts.ts';

export const config: Config = { path: '/api/moderation/transfers' };

export default handler({
  name: 'moderation-transfers',
  methods: ['GET'],
  auth: 'moderator',
  query: emptyQuery,
  run: async ({ claims }) => json(await call(claims, 'public.transfer_queue()')),
});
