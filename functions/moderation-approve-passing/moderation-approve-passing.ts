// POST /api/moderation/approve-passing {ids, count}: approves exactly the registrations the
// moderator confirmed (the ids GET /api/moderation/passing listed), or none: 409 `changed`, with
// {expected, stillPassing}, when any of them no longer waits or passes every check. Moderators only.
import type { Config } from '@netlify/functions';
import { call } from '../_shared/as-user.ts';
import { handler } from '../_shared/handler.ts';
import type { DecisionResult } from '../_shared/moderation-answers.ts';
import { json } from '../_shared/respond.ts';
import { approvePassingSchema } from './schema.ts';

export const config: Config = { path: '/api/moderation/approve-passing' };

// 5,000 ids of 36 characters with their quotes and commas are about 200 KB.
const MAX_BODY_BYTES = 256 * 1024;

export default handler({
  name: 'moderation-approve-passing',
  methods: ['POST'],
  auth: 'moderator',
  body: { schema: approvePassingSchema, limit: MAX_BODY_BYTES, accept: ['json'] },
  run: async ({ input, claims }) => json(await call<DecisionResult>(claims, 'public.approve_passing($1::uuid[], $2)', [input.ids, input.count])),
});
