// GET /api/moderation/queue?q=&outcome=&category=&region=&limit=&cursor=: pending registrations,
// oldest first, with their pre-checks in the moderator's language. Moderators only.
import type { Config } from '@netlify/functions';
import { asUser } from '../_shared/as-user.ts';
import { claimsFromRequest, moderatorRefusal } from '../_shared/auth.ts';
import { database } from '../_shared/db.ts';
import { errorResponse } from '../_shared/db-errors.ts';
import { localeFromRequest, localiseChecks, t } from '../_shared/messages.ts';
import { json, methodNotAllowed, refuse } from '../_shared/respond.ts';
import { invalidInput, validate } from '../_shared/validation.ts';
import { queueQuery } from './schema.ts';

export const config: Config = { path: '/api/moderation/queue' };

type Queue = { items: Array<Record<string, unknown>>; nextCursor: string | null };

export default async (req: Request): Promise<Response> => {
  if (req.method !== 'GET' && req.method !== 'HEAD') return methodNotAllowed(['GET']);
  const locale = localeFromRequest(req);
  try {
    const parsed = validate(queueQuery(locale), Object.fromEntries(new URL(req.url).searchParams), locale);
    if (!parsed.success) return refuse(invalidInput(parsed.error, locale));
    const { q, outcome, category, region, limit, cursor } = parsed.data;

    const claims = await claimsFromRequest(req);
    const refusal = moderatorRefusal(claims, locale);
    if (refusal) return refuse(refusal);

    const db = await database();
    const [{ queue }] = await asUser(db, claims, (tx) =>
      tx.query<{ queue: Queue }>('select public.moderation_queue($1, $2, $3, $4, $5, $6) as queue', [
        q ?? null, outcome ?? null, category ?? null, region ?? null, limit, cursor ?? null,
      ]),
    );
    return json({
      items: queue.items.map(({ submitted_at: _cursorKey, checks, ...item }) => ({ ...item, checks: localiseChecks(checks, locale) })),
      nextCursor: queue.nextCursor,
    });
  } catch (error) {
    // A cursor of the right shape that is still no date (month 13): the one text this call casts.
    if (['22007', '22008', '22P02'].includes((error as { code?: string })?.code ?? '')) {
      return refuse({
        reason: 'invalid_input',
        message: t(locale, 'error.invalid_input'),
        errors: [{ field: 'cursor', message: t(locale, 'moderation.cursor.invalid') }],
      });
    }
    return errorResponse('moderation-queue', error, locale);
  }
};
