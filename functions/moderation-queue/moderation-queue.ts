// GET /api/moderation/queue?q=&outcome=&category=&region=&limit=&cursor=: pending registrations,
// oldest first, with their pre-checks in the moderator's language. Moderators only.
import type { Config } from '@netlify/functions';
import { renderChecks } from '../../src/lib/checks.ts';
import { call } from '../_shared/as-user.ts';
import { handler } from '../_shared/handler.ts';
import { json } from '../_shared/respond.ts';
import type { Queue } from '../_shared/moderation-answers.ts';
import { queueQuery } from './schema.ts';

export const config: Config = { path: '/api/moderation/queue' };

type Stored = { items: Array<Omit<Queue['items'][number], 'checks'> & { checks: unknown }>; nextCursor: string | null };

export default handler({
  name: 'moderation-queue',
  methods: ['GET'],
  auth: 'moderator',
  query: queueQuery,
  run: async ({ input, claims, locale }) => {
    const { q, outcome, category, region, limit, cursor } = input;
    const queue = await call<Stored>(claims, 'public.moderation_queue($1, $2, $3, $4, $5, $6)', [
      q ?? null, outcome ?? null, category ?? null, region ?? null, limit, cursor ?? null,
    ]);
    const answer: Queue = {
      items: queue.items.map(({ checks, ...item }) => ({ ...item, checks: renderChecks(checks, locale) })),
      nextCursor: queue.nextCursor,
    };
    return json(answer);
  },
});
