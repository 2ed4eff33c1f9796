// POST /api/moderation/decide {ids, decision, reason?}: approves, rejects or asks for changes on up
// to 5,000 registrations at once, all or nothing. The database publishes or withdraws listings,
// journals each change, queues a notice to each merchant and asks for a rebuild when the catalogue
// changed. Moderators only.
import type { Config } from '@netlify/functions';
import { call } from '../_shared/as-user.ts';
import { handler } from '../_shared/handler.ts';
import type { DecisionResult } from '../_shared/moderation-answers.ts';
import { json } from '../_shared/respond.ts';
import { decideSchema } from './schema.ts';

export const config: Config = { path: '/api/moderation/decide' };

// 5,000 ids of 36 characters with their quotes and commas are about 200 KB.
const MAX_BODY_BYTES = 256 * 1024;

export default handler({
  name: 'moderation-decide',
  methods: ['POST'],
  auth: 'moderator',
  // The console sends JSON; a form's fields could not carry a list of ids.
  body: { schema: decideSchema, limit: MAX_BODY_BYTES, accept: ['json'] },
  wording: { notFound: 'error.merchant_not_found' },
  run: async ({ input, claims }) =>
    json(await call<DecisionResult>(claims, 'public.decide_proposals($1::uuid[], $2, $3)', [input.ids, input.decision, input.reason ?? null])),
});
