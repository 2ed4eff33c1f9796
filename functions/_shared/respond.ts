// Every answer a function gives goes through here: one JSON error shape, named reasons that can be
// counted, and 500s that log the detail on the server and tell the client nothing more.

/** A named reason a request was refused, so each kind can be counted. */
export type Rejection =
  | 'method_not_allowed'
  | 'invalid_input'
  | 'unsupported_media_type'
  | 'payload_too_large'
  | 'unauthenticated'
  | 'forbidden'
  | 'not_found'
  | 'rate_limited'
  | 'duplicate'
  | 'unavailable'
  | 'internal';

export type FieldError = { field: string; message: string };

const STATUS: Record<Rejection, number> = {
  method_not_allowed: 405,
  invalid_input: 400,
  unsupported_media_type: 415,
  payload_too_large: 413,
  unauthenticated: 401,
  forbidden: 403,
  not_found: 404,
  rate_limited: 429,
  duplicate: 409,
  unavailable: 503,
  internal: 500,
};

const JSON_HEADERS = { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' };

export function json(body: unknown, status = 200, headers: Record<string, string> = {}): Response {
  return new Response(JSON.stringify(body), { status, headers: { ...JSON_HEADERS, ...headers } });
}

/** reject('invalid_input', 'Some fields are invalid.', { errors }) */
export function reject(reason: Rejection, message: string, extra: Record<string, unknown> = {}, headers: Record<string, string> = {}): Response {
  return json({ error: reason, message, ...extra }, STATUS[reason], headers);
}

/** The client learns only that something failed; the log gets the detail. */
export function internalError(where: string, error: unknown): Response {
  console.error(`[${where}]`, error);
  return reject('internal', 'Unexpected error. / Erreur inattendue.');
}

export function methodNotAllowed(allowed: string[]): Response {
  return reject('method_not_allowed', `Use ${allowed.join(' or ')}.`, {}, { allow: allowed.join(', ') });
}
