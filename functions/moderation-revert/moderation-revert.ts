// POST /api/moderation/revert {entryId}: a moderator undoes a change a member published, from its
// journal entry (public.revert_change: the fields go back, journaled, a rebuild follows; 409 when a
// field changed again since). Moderators only.
import type { Config } from '@netlify/functions';
import { call } from '../_shared/as-user.ts';
import { revertRequest } from '../_shared/account-schema.ts';
import { handler } from '../_shared/handler.ts';
import { json } from '../_shared/respond.ts';

export const config: Config = { path: '/api/moderation/revert' };

export default handler({
  name: 'moderation-revert',
  methods: ['POST'],
  auth: 'moderator',
  body: { schema: revertRequest, limit: 1024 },
  run: async ({ input, claims }) => json(await call(claims, 'public.revert_change($1)', [input.entryId])),
});
