// POST /api/register: a business asks to be listed. The submission is checked here (schema.ts),
// stored as pending by public.register_merchant() with its automatic pre-checks, and answered with
// a private link to follow it. Scripts send JSON; a browser without JavaScript posts the form and
// gets a redirect to that link, or a page listing what to correct.
import { createHash } from 'node:crypto';
import type { Config, Context } from '@netlify/functions';
import { asRole } from '../_shared/as-user.ts';
import { claimsFromRequest } from '../_shared/auth.ts';
import { bodyKind, readBody } from '../_shared/body.ts';
import { clientAddress, clientBucket } from '../_shared/client-bucket.ts';
import { database } from '../_shared/db.ts';
import { refusalForError } from '../_shared/db-errors.ts';
import { isLocale, localeFromRequest, localiseChecks, t, type Locale } from '../_shared/messages.ts';
import { internalError, json, methodNotAllowed, refuse, seeOther, type Refusal } from '../_shared/respond.ts';
import { siteUrl } from '../_shared/site-url.ts';
import { invalidInput, validate } from '../_shared/validation.ts';
import { formRefusalPage } from './form-page.ts';
import { fromForm, registrationSchema, toSubmission } from './schema.ts';

export const config: Config = { path: '/api/register' };

// A registration is a few kilobytes; 64 KB leaves room for a long description in any script.
const MAX_BODY_BYTES = 64 * 1024;
const MAX_IDEMPOTENCY_KEY = 200;

type Registered = { id: string; status: string; statusToken: string; checks: unknown; checksOutcome: string; created: boolean };

export default async (req: Request, context?: Context): Promise<Response> => {
  if (req.method !== 'POST') return methodNotAllowed(['POST']);
  let locale = localeFromRequest(req);
  const fromBrowserForm = bodyKind(req) === 'form';
  const refused = (refusal: Refusal) => (fromBrowserForm ? formRefusalPage(refusal, locale) : refuse(refusal));

  try {
    const body = await readBody(req, { limit: MAX_BODY_BYTES, locale });
    if (!body.ok) return refused(body.refusal);
    const input = body.kind === 'form' ? fromForm(body.value as URLSearchParams) : body.value;
    // The form says which language it was filled in; the answer follows it.
    if (isRecord(input) && isLocale(input.locale)) locale = input.locale;
    // The honeypot first, whatever else is wrong: a bot learns nothing about the other fields.
    if (isRecord(input) && input.company != null && input.company !== '') {
      return refused({ reason: 'bot', message: t(locale, 'error.bot') });
    }
    const key = req.headers.get('idempotency-key')?.trim() || undefined;
    if (key && key.length > MAX_IDEMPOTENCY_KEY) {
      return refused({
        reason: 'invalid_input',
        message: t(locale, 'error.invalid_input'),
        errors: [{ field: 'Idempotency-Key', message: t(locale, 'input.tooLong', { max: MAX_IDEMPOTENCY_KEY }) }],
      });
    }
    const parsed = validate(registrationSchema(locale), input, locale);
    if (!parsed.success) return refused(invalidInput(parsed.error, locale));
    const submission = toSubmission(parsed.data, locale);

    const claims = await claimsFromRequest(req);

    const db = await database();
    // The only role that may call register_merchant: the rate limit cannot be skipped from outside.
    const [{ result }] = await asRole(db, 'vitrine_registrar', claims ?? {}, (tx) =>
      tx.query<{ result: Registered }>('select public.register_merchant($1::jsonb, $2, $3) as result', [
        JSON.stringify(submission),
        idempotencyKey(key, submission),
        clientBucket(clientAddress(req, context)),
      ]),
    );

    const link = statusUrl(siteUrl(req), submission.locale, result.id, result.statusToken);
    if (fromBrowserForm) return seeOther(link);
    // 201 for a new registration; 200 with the same id (created: false) for a retry of one.
    return json(
      {
        id: result.id,
        status: result.status,
        statusUrl: link,
        statusToken: result.statusToken,
        checks: localiseChecks(result.checks, locale, { forApplicant: true }),
        checksOutcome: result.checksOutcome,
        created: result.created,
      },
      result.created ? 201 : 200,
      result.created ? { location: link } : {},
    );
  } catch (error) {
    const refusal = refusalForError(error, locale);
    if (refusal) return refused(refusal);
    if (!fromBrowserForm) return internalError('register', error);
    console.error('[register]', error);
    return formRefusalPage({ reason: 'internal', message: t(locale, 'error.internal') }, locale);
  }
};

/**
 * What makes a retry find the first registration instead of creating a second: the client's
 * Idempotency-Key, scoped to the contact e-mail so that two clients reusing a key (a constant,
 * a bug) never receive each other's status link; else a fingerprint of the cleaned submission,
 * so a double click or a resent form lands on the same row. Both are hashes: no client text is
 * stored, and the column's 200-character limit always holds.
 */
function idempotencyKey(key: string | undefined, submission: ReturnType<typeof toSubmission>): string {
  return key ? `key:${sha256(`${submission.email}\n${key}`)}` : `fp:${sha256(canonicalJson(submission))}`;
}

/** The applicant's private page: /statut/ in French, /en/status/ in English. */
function statusUrl(site: string, locale: Locale, id: string, token: string): string {
  const path = locale === 'en' ? '/en/status/' : '/statut/';
  return `${site}${path}?${new URLSearchParams({ id, token })}`;
}

function sha256(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}

/** JSON with object keys sorted at every level, so equal submissions give equal text. */
function canonicalJson(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) =>
    isRecord(v) ? Object.fromEntries(Object.keys(v).sort().map((k) => [k, v[k]])) : v,
  );
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
