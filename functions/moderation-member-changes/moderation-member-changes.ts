// GET /api/moderation/member-changes: what members published themselves lately (no moderator saw
// it before it went out), newest first, each with what it changed and whether it can still be
// undone. Moderators only.
import type { Config } from '@netlify/functions';
import { call } from '../_shared/as-user.ts';
import { handler } from '../_shared/handler.ts';
import { json } from '../_shared/respond.ts';
import { emptyQuery } from '../_shared/schema-parts.ts';

export const config: Config = { path: '/api/moderation/member-changes' };

export default handler({
  name: 'moderation-member-changes',
  methods: ['GET'],
  auth: 'moderator',
  query: emptyQuery,
  run: async ({ claims }) => json(await call(claims, 'public.member_changes(100)')),
});
