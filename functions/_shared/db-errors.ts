// Errors from the database as HTTP answers. The SQL functions raise fixed codes (VT400 … VT429, see
// supabase/migrations/20261127050000_registration.sql); Postgres' own 42501 means a role or a
// row-level security policy said no. Anything else is a fault of ours: a 500 that says nothing more.
import { AuthError, authRefusal } from './auth.ts';
import { t, type Locale, type MessageKey } from './messages.ts';
import { internalError, refuse, type Refusal } from './respond.ts';

type DatabaseError = { code?: unknown; constraint?: unknown; detail?: unknown };

// The table constraint that keeps ineligible businesses out of the catalogue (20261127040200_merchants.sql).
const ELIGIBILITY_CONSTRAINT = 'approved_merchants_are_quebec_businesses';

export type ErrorWording = {
  /** What VT404 means for this endpoint ('error.not_found' when not given). */
  notFound?: MessageKey;
};

/** The refusal an error stands for, or null when it is a fault (a 500). */
export function refusalForError(error: unknown, locale: Locale, wording: ErrorWording = {}): Refusal | null {
  if (error instanceof AuthError) return authRefusal(error, locale);
  const { code, constraint, detail } = (error ?? {}) as DatabaseError;
  switch (code) {
    case 'VT400':
      return { reason: 'invalid_input', message: t(locale, 'error.invalid_input') };
    case 'VT401':
      return { reason: 'unauthenticated', message: t(locale, 'error.unauthenticated'), headers: { 'www-authenticate': 'Bearer' } };
    case 'VT403':
    case '42501':
      return { reason: 'forbidden', message: t(locale, 'error.forbidden') };
    case 'VT404':
      return { reason: 'not_found', message: t(locale, wording.notFound ?? 'error.not_found') };
    case 'VT409':
      return { reason: 'duplicate', message: t(locale, 'error.duplicate') };
    case 'VT422': {
      // Raised by decide_merchants before it changes anything, naming the first ineligible listing
      // in `detail` as {"id", "name"} (the change proposed with this handler; see the moderation tests).
      const named = parseDetail(detail);
      return named
        ? { reason: 'ineligible', message: t(locale, 'error.ineligible_named', { name: named.name }) }
        : { reason: 'ineligible', message: t(locale, 'error.ineligible') };
    }
    case 'VT429':
      return { reason: 'rate_limited', message: t(locale, 'error.rate_limited'), headers: { 'retry-after': '60' } };
    case '23514':
      // Approving a listing the table's eligibility rule refuses: the whole statement was rolled back.
      if (constraint === ELIGIBILITY_CONSTRAINT) return { reason: 'ineligible', message: t(locale, 'error.ineligible') };
      return { reason: 'invalid_input', message: t(locale, 'error.invalid_input') };
    default:
      return null;
  }
}

/** errorResponse('register', error, 'fr'): the mapped refusal as JSON, or a 500 that logs the detail. */
export function errorResponse(where: string, error: unknown, locale: Locale, wording: ErrorWording = {}): Response {
  const refusal = refusalForError(error, locale, wording);
  return refusal ? refuse(refusal) : internalError(where, error);
}

function parseDetail(detail: unknown): { name: string } | null {
  if (typeof detail !== 'string') return null;
  try {
    const parsed = JSON.parse(detail) as { name?: unknown };
    return typeof parsed.name === 'string' ? { name: parsed.name } : null;
  } catch {
    return null;
  }
}
