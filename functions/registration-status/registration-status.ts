// GET /api/registration-status?id=…&token=…: where an applicant's registration stands, for whoever
// holds its private link. An unknown id and a wrong token get the same 404, so links cannot be
// found by trying ids.
import type { Config } from '@netlify/functions';
import { asUser } from '../_shared/as-user.ts';
import { database } from '../_shared/db.ts';
import { errorResponse } from '../_shared/db-errors.ts';
import { localeFromRequest, localiseChecks } from '../_shared/messages.ts';
import { json, methodNotAllowed, refuse } from '../_shared/respond.ts';
import { invalidInput, validate } from '../_shared/validation.ts';
import { registrationStatusQuery } from './schema.ts';

export const config: Config = { path: '/api/registration-status' };

export default async (req: Request): Promise<Response> => {
  if (req.method !== 'GET' && req.method !== 'HEAD') return methodNotAllowed(['GET']);
  let locale = localeFromRequest(req);
  try {
    const parsed = validate(registrationStatusQuery(locale), Object.fromEntries(new URL(req.url).searchParams), locale);
    if (!parsed.success) return refuse(invalidInput(parsed.error, locale));
    const { id, token } = parsed.data;
    locale = parsed.data.locale ?? locale;

    // The link is the capability: the call runs as an anonymous visitor, whoever is signed in.
    const db = await database();
    const [{ status }] = await asUser(db, null, (tx) =>
      tx.query<{ status: Record<string, unknown> }>('select public.registration_status($1, $2) as status', [id, token]),
    );
    return json({ ...status, checks: localiseChecks(status.checks, locale, { forApplicant: true }) });
  } catch (error) {
    return errorResponse('registration-status', error, locale, { notFound: 'error.registration_not_found' });
  }
};
