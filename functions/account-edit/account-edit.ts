// POST /api/account/edit {listingId, baseVersion, fields}: a member's edit of its listing
// (public.propose_listing_change). Low-risk fields publish at once, sensitive ones wait for a
// moderator; a field someone else changed since baseVersion answers 409 with its current value,
// and nothing is written.
import type { Config } from '@netlify/functions';
import { call } from '../_shared/as-user.ts';
import { handler } from '../_shared/handler.ts';
import { listingEditSchema, toListingEdit } from '../_shared/registration-schema.ts';
import { json } from '../_shared/respond.ts';

export const config: Config = { path: '/api/account/edit' };

export default handler({
  name: 'account-edit',
  methods: ['POST'],
  auth: 'user',
  body: { schema: listingEditSchema, limit: 64 * 1024 },
  run: async ({ input, claims }) =>
    json(await call(claims, 'public.propose_listing_change($1, $2::jsonb, $3)', [input.listingId, JSON.stringify(toListingEdit(input.fields)), input.baseVersion])),
});
