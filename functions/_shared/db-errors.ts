// Errors from the database as HTTP answers. The SQL functions raise stable codes (SQLSTATE class
// VT, below); PostgreSQL's own 42501 means a role or a row-level security policy said no. Anything
// else is a fault of ours: a 500 that says nothing more.
import { AuthError, authRefusal } from './auth.ts';
import { hasMessage, t, type Locale, type MessageKey } from '../../src/i18n/index.ts';
import { internalError, refuse, type Refusal, type Rejection } from './respond.ts';

type DatabaseError = { code?: unknown; constraint?: unknown; detail?: unknown };

/** What each code the SQL functions raise means, and the sentence that says it. */
export const SQL_REFUSALS = {
  // detail {field, message, params} when one field is refused (submission_fields: an ambiguous town).
  VT400: { reason: 'invalid_input', message: 'error.invalid_input' },
  VT401: { reason: 'unauthenticated', message: 'error.unauthenticated' },
  VT403: { reason: 'forbidden', message: 'error.forbidden' },
  VT404: { reason: 'not_found', message: 'error.not_found' },
  // resubmit_registration: the registration is not awaiting changes.
  VT409: { reason: 'not_editable', message: 'error.not_editable' },
  // propose_listing_change, revert_change: a field changed since; detail {conflicts: {field: current}, version}.
  VT40C: { reason: 'conflict', message: 'error.conflict' },
  // approve_passing: the confirmed submissions changed; detail {expected, stillPassing}.
  VT412: { reason: 'changed', message: 'error.changed' },
  // decide_proposals: an ineligible listing in an approval; detail {id, name}.
  VT422: { reason: 'ineligible', message: 'error.ineligible' },
  // register_merchant, resubmit_registration: no client address to count attempts by.
  VT428: { reason: 'no_client_address', message: 'error.no_client_address' },
  VT429: { reason: 'rate_limited', message: 'error.rate_limited' },
} as const satisfies Record<string, { reason: Rejection; message: MessageKey }>;

// The listings' constraint that keeps ineligible businesses out of the catalogue (its migration).
const ELIGIBILITY_CONSTRAINT = 'published_listings_are_quebec_businesses';

export type ErrorWording = {
  /** What VT404 means for this endpoint ('error.not_found' when not given). */
  notFound?: MessageKey;
};

/** The refusal an error stands for, or null when it is a fault (a 500). */
export function refusalForError(error: unknown, locale: Locale, wording: ErrorWording = {}): Refusal | null {
  if (error instanceof AuthError) return authRefusal(error, locale);
  const { code, constraint, detail } = (error ?? {}) as DatabaseError;
  if (code === '42501') return { reason: 'forbidden', message: t(locale, 'error.forbidden') };
  if (code === '23514') {
    return constraint === ELIGIBILITY_CONSTRAINT
      ? { reason: 'ineligible', message: t(locale, 'error.ineligible') }
      : { reason: 'invalid_input', message: t(locale, 'error.invalid_input') };
  }
  if (typeof code !== 'string' || !(code in SQL_REFUSALS)) return null;
  const known = SQL_REFUSALS[code as keyof typeof SQL_REFUSALS];
  const params = parseDetail(detail);
  switch (known.reason) {
    case 'not_found':
      return { reason: 'not_found', message: t(locale, wording.notFound ?? 'error.not_found') };
    case 'unauthenticated':
      return { reason: 'unauthenticated', message: t(locale, known.message), headers: { 'www-authenticate': 'Bearer' } };
    case 'rate_limited':
      return { reason: 'rate_limited', message: t(locale, known.message), headers: { 'retry-after': '60' } };
    case 'ineligible':
      return typeof params.name === 'string'
        ? { reason: 'ineligible', message: t(locale, 'error.ineligible_named', { name: params.name }) }
        : { reason: 'ineligible', message: t(locale, known.message) };
    case 'conflict': {
      // decide_proposals names the stale change (detail {message, params}); a member's edit is told its fields.
      const message = typeof params.message === 'string' && hasMessage(params.message)
        ? t(locale, params.message, (params.params ?? {}) as Record<string, string>) : t(locale, known.message);
      return { reason: 'conflict', message, extra: { conflicts: params.conflicts ?? {}, version: params.version } };
    }
    case 'changed': {
      const counts = { expected: Number(params.expected), stillPassing: Number(params.stillPassing) };
      return { reason: 'changed', message: t(locale, known.message, counts), extra: counts };
    }
    case 'invalid_input': {
      // A function that refuses one field names it and the sentence that says why (detail
      // {field, message, params}), as the handlers' schemas do.
      const { field, message } = params;
      if (typeof field !== 'string' || typeof message !== 'string' || !hasMessage(message)) return { reason: 'invalid_input', message: t(locale, known.message) };
      const words = (params.params ?? {}) as Record<string, string | number>;
      return { reason: 'invalid_input', message: t(locale, known.message), errors: [{ field, message: t(locale, message, words) }] };
    }
    default: {
      // A function may name the sentence that says why (detail {message, params}): "the last owner…".
      const { message } = params;
      const words = (params.params ?? {}) as Record<string, string | number>;
      return { reason: known.reason, message: typeof message === 'string' && hasMessage(message) ? t(locale, message, words) : t(locale, known.message) };
    }
  }
}

/** errorResponse('register', error, 'fr'): the mapped refusal as JSON, or a 500 that logs the detail. */
export function errorResponse(where: string, error: unknown, locale: Locale, wording: ErrorWording = {}): Response {
  const refusal = refusalForError(error, locale, wording);
  return refusal ? refuse(refusal) : internalError(where, error);
}

/** The JSON object a SQL function put in an error's DETAIL, or {}. */
function parseDetail(detail: unknown): Record<string, unknown> {
  if (typeof detail !== 'string') return {};
  try {
    const parsed: unknown = JSON.parse(detail);
    return parsed && typeof parsed === 'object' ? (parsed as Record<string, unknown>) : {};
  } catch {
    return {};
  }
}
