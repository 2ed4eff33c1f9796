// POST /api/account/close {listingId}: an owner takes the listing off the site (a rebuild follows).
import type { Config } from '@netlify/functions';
import { call } from '../_shared/as-user.ts';
import { listingRequest } from '../_shared/account-schema.ts';
import { handler } from '../_shared/handler.ts';
import { json } from '../_shared/respond.ts';

export const config: Config = { path: '/api/account/close' };

export default handler({
  name: 'account-close',
  methods: ['POST'],
  auth: 'user',
  body: { schema: listingRequest, limit: 4 * 1024 },
  run: async ({ input, claims }) => json(await call(claims, 'public.close_listing($1)', [input.listingId])),
});
