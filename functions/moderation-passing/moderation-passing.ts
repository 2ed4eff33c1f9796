// GET /api/moderation/passing?q=&category=&region=: how many pending submissions pass every
// pre-check (and may be published) among those the queue's filters select, with the ids of the
// 5,000 oldest. The console states this count in its confirmation, then sends these ids to
// POST /api/moderation/approve-passing. Moderators only.
import type { Config } from '@netlify/functions';
import { asUser } from '../_shared/as-user.ts';
import { claimsFromRequest, moderatorRefusal } from '../_shared/auth.ts';
import { database } from '../_shared/db.ts';
import { errorResponse } from '../_shared/db-errors.ts';
import { localeFromRequest } from '../_shared/messages.ts';
import { json, methodNotAllowed, refuse } from '../_shared/respond.ts';
import { invalidInput, validate } from '../_shared/validation.ts';
import { MAX_IDS } from '../moderation-approve-passing/schema.ts';
import { passingQuery } from './schema.ts';

export const config: Config = { path: '/api/moderation/passing' };

export default async (req: Request): Promise<Response> => {
  if (req.method !== 'GET' && req.method !== 'HEAD') return methodNotAllowed(['GET']);
  const locale = localeFromRequest(req);
  try {
    const parsed = validate(passingQuery(locale), Object.fromEntries(new URL(req.url).searchParams), locale);
    if (!parsed.success) return refuse(invalidInput(parsed.error, locale));
    const { q, category, region } = parsed.data;

    const claims = await claimsFromRequest(req);
    const refusal = moderatorRefusal(claims, locale);
    if (refusal) return refuse(refusal);

    const db = await database();
    const [{ passing }] = await asUser(db, claims, (tx) =>
      tx.query<{ passing: { total: number; ids: string[] } }>('select public.passing_submissions($1, $2, $3, $4) as passing', [
        q ?? null, category ?? null, region ?? null, MAX_IDS,
      ]),
    );
    return json({ total: passing.total, count: passing.ids.length, ids: passing.ids });
  } catch (error) {
    return errorResponse('moderation-passing', error, locale);
  }
};
