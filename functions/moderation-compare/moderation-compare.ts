// GET /api/moderation/compare?id=…: a registration beside the published listings and pending
// registrations it may duplicate, each with what matches. Moderators only.
import type { Config } from '@netlify/functions';
import { call } from '../_shared/as-user.ts';
import { handler } from '../_shared/handler.ts';
import type { Compare } from '../_shared/moderation-answers.ts';
import { json } from '../_shared/respond.ts';
import { proposalIdQuery } from '../_shared/schema-parts.ts';

export const config: Config = { path: '/api/moderation/compare' };

export default handler({
  name: 'moderation-compare',
  methods: ['GET'],
  auth: 'moderator',
  query: proposalIdQuery,
  run: async ({ input, claims }) => json(await call<Compare>(claims, 'public.moderation_compare($1)', [input.id])),
});
