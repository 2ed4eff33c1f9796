// GET /api/moderation/history?id=…: a listing as submitted, its pre-checks in the moderator's
// language and every decision taken on it, oldest first. Moderators only.
import type { Config } from '@netlify/functions';
import { asUser } from '../_shared/as-user.ts';
import { claimsFromRequest, moderatorRefusal } from '../_shared/auth.ts';
import { database } from '../_shared/db.ts';
import { errorResponse } from '../_shared/db-errors.ts';
import { localeFromRequest, localiseChecks } from '../_shared/messages.ts';
import { json, methodNotAllowed, refuse } from '../_shared/respond.ts';
import { invalidInput, validate } from '../_shared/validation.ts';
import { historyQuery } from './schema.ts';

export const config: Config = { path: '/api/moderation/history' };

export default async (req: Request): Promise<Response> => {
  if (req.method !== 'GET' && req.method !== 'HEAD') return methodNotAllowed(['GET']);
  const locale = localeFromRequest(req);
  try {
    const parsed = validate(historyQuery(locale), Object.fromEntries(new URL(req.url).searchParams), locale);
    if (!parsed.success) return refuse(invalidInput(parsed.error, locale));

    const claims = await claimsFromRequest(req);
    const refusal = moderatorRefusal(claims, locale);
    if (refusal) return refuse(refusal);

    const db = await database();
    const [{ history }] = await asUser(db, claims, (tx) =>
      tx.query<{ history: Record<string, unknown> }>('select public.merchant_history($1) as history', [parsed.data.id]),
    );
    return json({ ...history, checks: localiseChecks(history.checks, locale) });
  } catch (error) {
    return errorResponse('moderation-history', error, locale);
  }
};
