// GET /api/moderation/backlog: how many registrations wait, by pre-check outcome, and since when.
// Moderators only.
import type { Config } from '@netlify/functions';
import { asUser } from '../_shared/as-user.ts';
import { claimsFromRequest, moderatorRefusal } from '../_shared/auth.ts';
import { database } from '../_shared/db.ts';
import { errorResponse } from '../_shared/db-errors.ts';
import { localeFromRequest } from '../_shared/messages.ts';
import { json, methodNotAllowed, refuse } from '../_shared/respond.ts';

export const config: Config = { path: '/api/moderation/backlog' };

export default async (req: Request): Promise<Response> => {
  if (req.method !== 'GET' && req.method !== 'HEAD') return methodNotAllowed(['GET']);
  const locale = localeFromRequest(req);
  try {
    const claims = await claimsFromRequest(req);
    const refusal = moderatorRefusal(claims, locale);
    if (refusal) return refuse(refusal);

    const db = await database();
    const [{ backlog }] = await asUser(db, claims, (tx) =>
      tx.query<{ backlog: Record<string, unknown> }>('select public.moderation_backlog() as backlog'),
    );
    return json(backlog);
  } catch (error) {
    return errorResponse('moderation-backlog', error, locale);
  }
};
