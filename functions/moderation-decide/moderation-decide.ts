// POST /api/moderation/decide {ids, decision, reason?}: approves, rejects or asks for changes on up
// to 5,000 listings at once, all or nothing. The database journals each change, queues a notice to
// the merchant and, for approvals, asks for a rebuild of the site. Moderators only.
import type { Config } from '@netlify/functions';
import { asUser } from '../_shared/as-user.ts';
import { claimsFromRequest, moderatorRefusal } from '../_shared/auth.ts';
import { readBody } from '../_shared/body.ts';
import { database } from '../_shared/db.ts';
import { errorResponse } from '../_shared/db-errors.ts';
import { localeFromRequest } from '../_shared/messages.ts';
import { json, methodNotAllowed, refuse } from '../_shared/respond.ts';
import { siteUrl } from '../_shared/site-url.ts';
import { invalidInput, validate } from '../_shared/validation.ts';
import { decideSchema } from './schema.ts';

export const config: Config = { path: '/api/moderation/decide' };

// 5,000 ids of 36 characters with their quotes and commas are about 200 KB.
const MAX_BODY_BYTES = 256 * 1024;

export default async (req: Request): Promise<Response> => {
  if (req.method !== 'POST') return methodNotAllowed(['POST']);
  const locale = localeFromRequest(req);
  try {
    // The moderators' console sends JSON; a form's fields could not carry a list of ids.
    const body = await readBody(req, { limit: MAX_BODY_BYTES, locale, accept: ['json'] });
    if (!body.ok) return refuse(body.refusal);
    const parsed = validate(decideSchema(locale), body.value, locale);
    if (!parsed.success) return refuse(invalidInput(parsed.error, locale));
    const { ids, decision, reason } = parsed.data;

    const claims = await claimsFromRequest(req);
    const refusal = moderatorRefusal(claims, locale);
    if (refusal) return refuse(refusal);

    const db = await database();
    const [{ result }] = await asUser(db, claims, (tx) =>
      tx.query<{ result: Record<string, unknown> }>('select public.decide_merchants($1::uuid[], $2, $3, $4) as result', [
        ids, decision, reason ?? null, siteUrl(req),
      ]),
    );
    return json(result);
  } catch (error) {
    return errorResponse('moderation-decide', error, locale, { notFound: 'error.merchant_not_found' });
  }
};
