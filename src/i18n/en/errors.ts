// Why a request was refused, one sentence per named reason (functions/_shared/respond.ts).
import type { MessageKey } from '../fr.ts';

export const errors: Partial<Record<MessageKey, string>> = {
  'error.invalid_input': 'Some fields need correcting.',
  'error.invalid_json': 'The request body is not valid JSON.',
  'error.unsupported_media_type': 'Send application/json or a form (application/x-www-form-urlencoded).',
  'error.unsupported_media_type_json': 'Send the body as application/json.',
  'error.payload_too_large': 'The request is larger than {max} KB.',
  'error.bot': 'This registration was refused.',
  'error.rate_limited': 'Too many requests in a short time. Try again in a minute.',
  'error.unauthenticated': 'Sign in to continue.',
  'error.token_expired': 'Your session has expired: sign in again.',
  'error.token_invalid': 'The access token is not valid: sign in again.',
  'error.forbidden': 'Only moderators may do this.',
  'error.not_found': 'Not found.',
  'error.registration_not_found': 'No registration matches this link.',
  'error.merchant_not_found': 'One of the listings does not exist: nothing was changed.',
  'error.duplicate': 'This request conflicts with another one.',
  'error.ineligible': 'One of the listings cannot be published (Quebec businesses with a valid NEQ only): nothing was changed.',
  'error.ineligible_named': 'The listing "{name}" cannot be published (Quebec businesses with a valid NEQ only): nothing was changed.',
  'error.changed': 'Some listings changed since you confirmed: {stillPassing} of {expected} still pass every check. Nothing was approved; check the new count and confirm again.',
  'error.staleChange': 'The change to "{name}" is stale: its fields changed since (another change was approved). Nothing was approved; refuse it or ask the business to make it again.',
  'error.conflict': 'This field changed since you started: nothing was saved.',
  'error.not_editable': 'This registration is not awaiting changes: it cannot be sent again.',
  'error.no_client_address': 'The client’s address is unknown: the request cannot be counted, so it is refused.',
  'error.method_not_allowed': 'Method not allowed.',
  'error.internal': 'Something unexpected went wrong. Try again later.',
};
