// GET /api/moderation/history?id=…: a registration and every journal entry on it, oldest first,
// its pre-checks in the moderator's language. Moderators only.
import type { Config } from '@netlify/functions';
import { renderChecks } from '../../src/lib/checks.ts';
import { call } from '../_shared/as-user.ts';
import { handler } from '../_shared/handler.ts';
import type { History } from '../_shared/moderation-answers.ts';
import { json } from '../_shared/respond.ts';
import { proposalIdQuery } from '../_shared/schema-parts.ts';

export const config: Config = { path: '/api/moderation/history' };

export default handler({
  name: 'moderation-history',
  methods: ['GET'],
  auth: 'moderator',
  query: proposalIdQuery,
  run: async ({ input, claims, locale }) => {
    const history = await call<Omit<History, 'checks'> & { checks: unknown }>(claims, 'public.proposal_history($1)', [input.id]);
    const answer: History = { ...history, checks: renderChecks(history.checks, locale) };
    return json(answer);
  },
});
