// POST /api/moderation/recheck {ids?}: runs the automatic pre-checks again (after the list of towns
// changed, or a duplicate was removed) on the given listings, or on every pending one. Moderators only.
import type { Config } from '@netlify/functions';
import { asUser } from '../_shared/as-user.ts';
import { claimsFromRequest, moderatorRefusal } from '../_shared/auth.ts';
import { readBody } from '../_shared/body.ts';
import { database } from '../_shared/db.ts';
import { errorResponse } from '../_shared/db-errors.ts';
import { localeFromRequest } from '../_shared/messages.ts';
import { json, methodNotAllowed, refuse } from '../_shared/respond.ts';
import { invalidInput, validate } from '../_shared/validation.ts';
import { recheckSchema } from './schema.ts';

export const config: Config = { path: '/api/moderation/recheck' };

const MAX_BODY_BYTES = 256 * 1024;

export default async (req: Request): Promise<Response> => {
  if (req.method !== 'POST') return methodNotAllowed(['POST']);
  const locale = localeFromRequest(req);
  try {
    // An empty body means every pending listing.
    const body = await readBody(req, { limit: MAX_BODY_BYTES, locale, accept: ['json'], emptyJson: {} });
    if (!body.ok) return refuse(body.refusal);
    const parsed = validate(recheckSchema(locale), body.value, locale);
    if (!parsed.success) return refuse(invalidInput(parsed.error, locale));

    const claims = await claimsFromRequest(req);
    const refusal = moderatorRefusal(claims, locale);
    if (refusal) return refuse(refusal);

    const db = await database();
    const [{ rechecked }] = await asUser(db, claims, (tx) =>
      tx.query<{ rechecked: number }>('select public.recheck_submissions($1::uuid[]) as rechecked', [parsed.data.ids ?? null]),
    );
    return json({ rechecked });
  } catch (error) {
    return errorResponse('moderation-recheck', error, locale);
  }
};
