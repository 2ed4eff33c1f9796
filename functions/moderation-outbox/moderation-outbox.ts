// GET /api/moderation/outbox: the latest 100 notices to merchants, sent or waiting, newest first.
// Read as the moderator: the outbox's row-level security lets moderators, and no one else, read it.
import type { Config } from '@netlify/functions';
import { asUser } from '../_shared/as-user.ts';
import { claimsFromRequest, moderatorRefusal } from '../_shared/auth.ts';
import { database } from '../_shared/db.ts';
import { errorResponse } from '../_shared/db-errors.ts';
import { localeFromRequest } from '../_shared/messages.ts';
import { json, methodNotAllowed, refuse } from '../_shared/respond.ts';

export const config: Config = { path: '/api/moderation/outbox' };

const LATEST = 100;

export default async (req: Request): Promise<Response> => {
  if (req.method !== 'GET' && req.method !== 'HEAD') return methodNotAllowed(['GET']);
  const locale = localeFromRequest(req);
  try {
    const claims = await claimsFromRequest(req);
    const refusal = moderatorRefusal(claims, locale);
    if (refusal) return refuse(refusal);

    const db = await database();
    const items = await asUser(db, claims, (tx) =>
      tx.query(
        `select id, merchant_id as "merchantId", recipient, locale, kind, subject, body, created_at as "createdAt", sent_at as "sentAt"
         from public.outbox order by created_at desc, id desc limit $1`,
        [LATEST],
      ),
    );
    return json({ items });
  } catch (error) {
    return errorResponse('moderation-outbox', error, locale);
  }
};
