// GET /api/moderation/compare?id=…: a submission beside the published or waiting listings it may
// duplicate (same NEQ, phone or website, or near-identical name in the same town), each with every
// field a moderator compares and what matched. Moderators only.
import type { Config } from '@netlify/functions';
import { asUser } from '../_shared/as-user.ts';
import { claimsFromRequest, moderatorRefusal } from '../_shared/auth.ts';
import { database } from '../_shared/db.ts';
import { errorResponse } from '../_shared/db-errors.ts';
import { localeFromRequest } from '../_shared/messages.ts';
import { json, methodNotAllowed, refuse } from '../_shared/respond.ts';
import { invalidInput, validate } from '../_shared/validation.ts';
import { historyQuery } from '../moderation-history/schema.ts';

export const config: Config = { path: '/api/moderation/compare' };

export default async (req: Request): Promise<Response> => {
  if (req.method !== 'GET' && req.method !== 'HEAD') return methodNotAllowed(['GET']);
  const locale = localeFromRequest(req);
  try {
    // The same query as the history: one listing's id.
    const parsed = validate(historyQuery(locale), Object.fromEntries(new URL(req.url).searchParams), locale);
    if (!parsed.success) return refuse(invalidInput(parsed.error, locale));

    const claims = await claimsFromRequest(req);
    const refusal = moderatorRefusal(claims, locale);
    if (refusal) return refuse(refusal);

    const db = await database();
    const [{ compare }] = await asUser(db, claims, (tx) =>
      tx.query<{ compare: Record<string, unknown> }>('select public.moderation_compare($1) as compare', [parsed.data.id]),
    );
    return json(compare);
  } catch (error) {
    return errorResponse('moderation-compare', error, locale);
  }
};
