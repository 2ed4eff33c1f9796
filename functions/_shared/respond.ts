// Every answer a function gives goes through here: one JSON error shape, named reasons that can be
// counted, and 500s that log the detail on the server and tell the client nothing more.
import { pageHeaders, supabaseOrigin, withHeaders } from './security-headers.ts';

/** A named reason a request was refused, so each kind can be counted. */
export type Rejection =
  | 'method_not_allowed'
  | 'invalid_input'
  | 'invalid_json'
  | 'bot'
  | 'unsupported_media_type'
  | 'payload_too_large'
  | 'unauthenticated'
  | 'forbidden'
  | 'not_found'
  | 'rate_limited'
  | 'duplicate'
  | 'ineligible'
  | 'changed'
  | 'not_editable'
  | 'conflict'
  | 'no_client_address'
  | 'unavailable'
  | 'internal';

export type FieldError = { field: string; message: string };

const STATUS: Record<Rejection, number> = {
  method_not_allowed: 405,
  invalid_input: 400,
  invalid_json: 400,
  bot: 400,
  unsupported_media_type: 415,
  payload_too_large: 413,
  unauthenticated: 401,
  forbidden: 403,
  not_found: 404,
  rate_limited: 429,
  duplicate: 409,
  ineligible: 409,
  // What a moderator confirmed changed before it was carried out (approve-passing).
  changed: 409,
  // A registration resubmitted when it is not awaiting changes.
  not_editable: 409,
  // A member's edit of a field someone else changed since the edit started (the answer carries the current values).
  conflict: 409,
  // No client address to count a registration's attempts by (never expected on Netlify).
  no_client_address: 400,
  unavailable: 503,
  internal: 500,
};

const JSON_HEADERS = { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' };

/** The HTTP status of each named rejection. */
export function statusOf(reason: Rejection): number {
  return STATUS[reason];
}

export function json(body: unknown, status = 200, headers: Record<string, string> = {}): Response {
  return new Response(JSON.stringify(body), { status, headers: { ...JSON_HEADERS, ...headers } });
}

/** reject('invalid_input', 'Some fields are invalid.', { errors }) */
export function reject(reason: Rejection, message: string, extra: Record<string, unknown> = {}, headers: Record<string, string> = {}): Response {
  return json({ error: reason, message, ...extra }, STATUS[reason], headers);
}

/** A refusal before it becomes a response: JSON for scripts, or a page for a browser's form (register). */
export type Refusal = {
  reason: Rejection;
  message: string;
  errors?: FieldError[];
  headers?: Record<string, string>;
  extra?: Record<string, unknown>;
};

/** refuse({ reason: 'not_found', message: 'Introuvable.' }) */
export function refuse({ reason, message, errors, headers = {}, extra = {} }: Refusal): Response {
  return reject(reason, message, { ...(errors ? { errors } : {}), ...extra }, headers);
}

/** The client learns only that something failed; the log gets the detail. */
export function internalError(where: string, error: unknown): Response {
  console.error(`[${where}]`, error);
  return reject('internal', 'Unexpected error. / Erreur inattendue.');
}

export function methodNotAllowed(allowed: string[]): Response {
  return reject('method_not_allowed', `Use ${allowed.join(' or ')}.`, {}, { allow: allowed.join(', ') });
}

/** A page of the site rendered by a function: the site's own headers, which let it load its styles and scripts. */
export function page(body: string, status = 200): Response {
  return withHeaders(new Response(body, { status, headers: { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' } }), pageHeaders(supabaseOrigin()));
}

/** 303 See Other: after a form POST, the browser GETs `location` (a reload does not post again). */
export function seeOther(location: string): Response {
  return new Response(null, { status: 303, headers: { location, 'cache-control': 'no-store' } });
}

/** `&`, `<`, `>`, `"` and `'` as entities, for text and attribute values alike. */
export function escapeHtml(value: string): string {
  return value.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}
