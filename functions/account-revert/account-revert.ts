// POST /api/account/revert {entryId}: undo one of your own published changes, from its history entry (409 when a field changed again since).
import type { Config } from '@netlify/functions';
import { call } from '../_shared/as-user.ts';
import { revertRequest } from '../_shared/account-schema.ts';
import { handler } from '../_shared/handler.ts';
import { json } from '../_shared/respond.ts';

export const config: Config = { path: '/api/account/revert' };

export default handler({
  name: 'account-revert',
  methods: ['POST'],
  auth: 'user',
  body: { schema: revertRequest, limit: 4 * 1024 },
  run: async ({ input, claims }) => json(await call(claims, 'public.revert_change($1)', [input.entryId])),
});
