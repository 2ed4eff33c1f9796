// POST /api/moderation/transfer-decide {id, decision: approve|reject, reason}: approved, the
// requester becomes an owner of the listing; journaled, and the requester is told. Moderators only.
import type { Config } from '@netlify/functions';
import { call } from '../_shared/as-user.ts';
import { transferDecision } from '../_shared/account-schema.ts';
import { handler } from '../_shared/handler.ts';
import { json } from '../_shared/respond.ts';

export const config: Config = { path: '/api/moderation/transfer-decide' };

export default handler({
  name: 'moderation-transfer-decide',
  methods: ['POST'],
  auth: 'moderator',
  body: { schema: transferDecision, limit: 8 * 1024 },
  run: async ({ input, claims }) => json(await call(claims, 'public.decide_transfer($1, $2, $3)', [input.id, input.decision, input.reason ?? null])),
});
