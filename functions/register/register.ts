// POST /api/register: a business asks to be listed. The submission is checked here (the shared
// registration schema), stored by public.register_merchant() as a proposal to create a listing, with
// its automatic pre-checks, and answered with a private link to follow it. Scripts send JSON; a
// browser without JavaScript posts the form and gets a redirect to that link, or a page listing
// what to correct.
import { createHash } from 'node:crypto';
import type { Config } from '@netlify/functions';
import { t } from '../../src/i18n/index.ts';
import { refuseAs } from '../_shared/form-page.ts';
import { handler } from '../_shared/handler.ts';
import { asRegistrar, noClientAddress, registrationAnswer } from '../_shared/registration.ts';
import { fromForm, registrationSchema, toSubmission } from '../_shared/registration-schema.ts';
import type { Refusal } from '../_shared/respond.ts';

export const config: Config = { path: '/api/register' };

// A registration is a few kilobytes; 64 KB leaves room for a long description in any script.
const MAX_BODY_BYTES = 64 * 1024;
const MAX_IDEMPOTENCY_KEY = 200;

export default handler({
  name: 'register',
  methods: ['POST'],
  body: { schema: registrationSchema, limit: MAX_BODY_BYTES },
  prepare: (raw, kind) => (kind === 'form' ? fromForm(raw as URLSearchParams) : raw),
  // The honeypot first, whatever else is wrong: a bot learns nothing about the other fields.
  screen: (input, locale, req) => {
    const record = input as Record<string, unknown> | null;
    if (record && typeof record === 'object' && record.company != null && record.company !== '') {
      return { reason: 'bot', message: t(locale, 'error.bot') };
    }
    const key = req.headers.get('idempotency-key')?.trim() ?? '';
    if (key.length > MAX_IDEMPOTENCY_KEY) {
      return {
        reason: 'invalid_input',
        message: t(locale, 'error.invalid_input'),
        errors: [{ field: 'Idempotency-Key', message: t(locale, 'input.tooLong', { max: MAX_IDEMPOTENCY_KEY }) }],
      };
    }
    return null;
  },
  refused: (refusal: Refusal, locale, kind) => refuseAs(kind, refusal, locale),
  run: async ({ req, input, claims, locale, context, kind }) => {
    const submission = toSubmission(input, locale);
    const key = req.headers.get('idempotency-key')?.trim() || undefined;
    const result = await asRegistrar(context, claims, 'public.register_merchant($1::jsonb, $2, $3)', (bucket) => [
      JSON.stringify(submission),
      // With the client's own key, scoped to the contact e-mail so that two clients reusing a key
      // (a constant, a bug) never receive each other's status link. Without one, a fingerprint of the
      // cleaned submission and of the client, so that a double click or a resent form lands on the
      // same row while someone else replaying the same content gets a registration of their own,
      // flagged as a duplicate, never this one's link. Hashes both: no client text is stored.
      key ? `key:${sha256(`${submission.email}\n${key}`)}` : `fp:${sha256(`${bucket}\n${canonicalJson(submission)}`)}`,
      bucket,
    ]);
    if (!result) return refuseAs(kind, noClientAddress(locale), locale);
    return registrationAnswer(result, submission.locale, kind === 'form');
  },
});

function sha256(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}

/** JSON with object keys sorted at every level, so equal submissions give equal text. */
function canonicalJson(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) =>
    v && typeof v === 'object' && !Array.isArray(v) ? Object.fromEntries(Object.keys(v).sort().map((k) => [k, (v as Record<string, unknown>)[k]])) : v,
  );
}
