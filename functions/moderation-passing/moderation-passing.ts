// GET /api/moderation/passing?q=&category=&region=: the pending registrations that pass every
// pre-check and may be published, among those the filters select: {total, count, ids, items} (the
// 5,000 oldest, each item its name, town and category), which the moderator reads and confirms
// before POST /api/moderation/approve-passing.
import type { Config } from '@netlify/functions';
import { call } from '../_shared/as-user.ts';
import { handler } from '../_shared/handler.ts';
import type { Passing } from '../_shared/moderation-answers.ts';
import { json } from '../_shared/respond.ts';
import { MAX_IDS } from '../_shared/schema-parts.ts';
import { passingQuery } from './schema.ts';

export const config: Config = { path: '/api/moderation/passing' };

export default handler({
  name: 'moderation-passing',
  methods: ['GET'],
  auth: 'moderator',
  query: passingQuery,
  run: async ({ input, claims }) => {
    const passing = await call<Pick<Passing, 'total' | 'items'>>(claims, 'public.passing_submissions($1, $2, $3, $4)', [
      input.q ?? null, input.category ?? null, input.region ?? null, MAX_IDS,
    ]);
    const answer: Passing = { ...passing, count: passing.items.length, ids: passing.items.map((item) => item.id) };
    return json(answer);
  },
});
