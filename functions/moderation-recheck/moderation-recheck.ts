// POST /api/moderation/recheck {ids?}: runs the pre-checks again on these registrations, or on every
// pending one when no ids are given (an empty body too) → {rechecked}. Moderators only.
import type { Config } from '@netlify/functions';
import { call } from '../_shared/as-user.ts';
import { handler } from '../_shared/handler.ts';
import { json } from '../_shared/respond.ts';
import { recheckSchema } from './schema.ts';

export const config: Config = { path: '/api/moderation/recheck' };

const MAX_BODY_BYTES = 256 * 1024;

export default handler({
  name: 'moderation-recheck',
  methods: ['POST'],
  auth: 'moderator',
  body: { schema: recheckSchema, limit: MAX_BODY_BYTES, accept: ['json'], emptyJson: {} },
  run: async ({ input, claims }) => json({ rechecked: await call<number>(claims, 'public.recheck_submissions($1::uuid[])', [input.ids ?? null]) }),
});
