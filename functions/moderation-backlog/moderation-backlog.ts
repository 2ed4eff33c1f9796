// GET /api/moderation/backlog: how many registrations wait, by pre-check outcome, and since when.
// Moderators only.
import type { Config } from '@netlify/functions';
import { call } from '../_shared/as-user.ts';
import { handler } from '../_shared/handler.ts';
import type { Backlog } from '../_shared/moderation-answers.ts';
import { json } from '../_shared/respond.ts';
import { emptyQuery } from '../_shared/schema-parts.ts';

export const config: Config = { path: '/api/moderation/backlog' };

export default handler({
  name: 'moderation-backlog',
  methods: ['GET'],
  auth: 'moderator',
  query: emptyQuery,
  run: async ({ claims }) => json(await call<Backlog>(claims, 'public.moderation_backlog()')),
});
