// POST /api/moderation/approve-passing {ids, count}: "approve every submission that passes all
// checks", after the moderator confirmed `count`. Exactly these ids are approved, and only if each
// still waits and still passes every pre-check; if any changed meanwhile (decided by someone else,
// checks run again), nothing is approved: 409 `changed` with {expected, stillPassing}. Moderators only.
import type { Config } from '@netlify/functions';
import { asUser } from '../_shared/as-user.ts';
import { claimsFromRequest, moderatorRefusal } from '../_shared/auth.ts';
import { readBody } from '../_shared/body.ts';
import { database } from '../_shared/db.ts';
import { errorResponse } from '../_shared/db-errors.ts';
import { localeFromRequest, t } from '../_shared/messages.ts';
import { json, methodNotAllowed, refuse } from '../_shared/respond.ts';
import { siteUrl } from '../_shared/site-url.ts';
import { invalidInput, validate } from '../_shared/validation.ts';
import { approvePassingSchema } from './schema.ts';

export const config: Config = { path: '/api/moderation/approve-passing' };

// 5,000 ids of 36 characters with their quotes and commas are about 200 KB.
const MAX_BODY_BYTES = 256 * 1024;

export default async (req: Request): Promise<Response> => {
  if (req.method !== 'POST') return methodNotAllowed(['POST']);
  const locale = localeFromRequest(req);
  try {
    const body = await readBody(req, { limit: MAX_BODY_BYTES, locale, accept: ['json'] });
    if (!body.ok) return refuse(body.refusal);
    const parsed = validate(approvePassingSchema(locale), body.value, locale);
    if (!parsed.success) return refuse(invalidInput(parsed.error, locale));
    const { ids, count } = parsed.data;

    const claims = await claimsFromRequest(req);
    const refusal = moderatorRefusal(claims, locale);
    if (refusal) return refuse(refusal);

    const db = await database();
    const [{ result }] = await asUser(db, claims, (tx) =>
      tx.query<{ result: Record<string, unknown> }>('select public.approve_passing($1::uuid[], $2, $3) as result', [ids, count, siteUrl(req)]),
    );
    return json(result);
  } catch (error) {
    const changed = changedSinceConfirmation(error);
    if (changed) {
      return refuse({ reason: 'changed', message: t(locale, 'error.changed', changed), extra: changed });
    }
    return errorResponse('moderation-approve-passing', error, locale);
  }
};

/** approve_passing's VT409 carries {expected, stillPassing} in its detail. */
function changedSinceConfirmation(error: unknown): { expected: number; stillPassing: number } | null {
  const { code, detail } = (error ?? {}) as { code?: unknown; detail?: unknown };
  if (code !== 'VT409' || typeof detail !== 'string') return null;
  try {
    const { expected, stillPassing } = JSON.parse(detail) as Record<string, unknown>;
    return typeof expected === 'number' && typeof stillPassing === 'number' ? { expected, stillPassing } : null;
  } catch {
    return null;
  }
}
