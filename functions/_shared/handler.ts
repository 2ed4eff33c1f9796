// What every endpoint repeats, once, in the order a reader expects: the method, the caller's
// language, who is calling (moderators' endpoints refuse anonymous callers and others before looking
// at their input), the input parsed with the endpoint's zod schema, the one job, and every error
// mapped to a named refusal (a 500 says nothing more). Every answer carries the security headers.
// Handlers keep Netlify's Functions v2 contract: `export default handler({…})` is (req, context) → Response.
//
//   export default handler({
//     name: 'moderation-decide', methods: ['POST'], auth: 'moderator',
//     body: { schema: decideSchema, limit: 256 * 1024, accept: ['json'] },
//     run: async ({ input, claims }) => json(await callDatabase(…)),
//   });
import type { z } from 'zod';
import { isLocale, negotiateLocale, t, type Locale } from '../../src/i18n/index.ts';
import type { Claims } from './as-user.ts';
import { claimsFromRequest, moderatorRefusal, userRefusal } from './auth.ts';
import { fromTheSite, sessionToken } from './session-cookie.ts';
import { ClientGone, readBody, type BodyKind } from './body.ts';
import { refusalForError, type ErrorWording } from './db-errors.ts';
import { internalError, methodNotAllowed, refuse, type Refusal } from './respond.ts';
import { API_HEADERS, withHeaders } from './security-headers.ts';
import { invalidInput, validate } from './validation.ts';

/** The part of Netlify's Context the handlers read: the client's address as the platform saw it. */
export type PlatformContext = { ip?: string } | undefined;

type SchemaFor = (locale: Locale) => z.ZodType;

export type HandlerSpec<S extends SchemaFor> = {
  /** The endpoint's name, for the server's log. */
  name: string;
  methods: ReadonlyArray<'GET' | 'POST'>;
  /**
   * 'moderator': 401 without a token, 403 for anyone but a moderator (or the service role);
   * 'user': 401 without a signed-in user's token (the database decides the rest).
   */
  auth?: 'moderator' | 'user' | 'optional';
  /** Validates the query string… */
  query?: S;
  /** …or the body, read with a size limit while it arrives. */
  body?: { schema: S; limit: number; accept?: BodyKind[]; emptyJson?: unknown };
  /** The input as the schema takes it (a browser form's fields → the JSON shape). */
  prepare?: (raw: unknown, kind: BodyKind | 'query') => unknown;
  /** A refusal decided on the raw input before the schema runs (register's honeypot). */
  screen?: (input: unknown, locale: Locale, req: Request) => Refusal | null;
  /**
   * How a refusal is answered: JSON by default (register answers a browser form with a page; the
   * merchant space's editor shows the form again with what was sent, `input` as prepared, for the
   * caller, `claims`, once verified).
   */
  refused?: (
    refusal: Refusal, locale: Locale, kind: BodyKind | 'query' | null, req: Request, input?: unknown, claims?: Claims | null,
  ) => Response | Promise<Response>;
  wording?: ErrorWording;
  run: (call: Call<z.output<ReturnType<S>>>) => Promise<Response>;
};

export type Call<Input> = {
  req: Request;
  input: Input;
  claims: Claims | null;
  locale: Locale;
  context: PlatformContext;
  kind: BodyKind | 'query';
};

/** The Netlify Functions v2 handler for a spec. */
export function handler<S extends SchemaFor>(spec: HandlerSpec<S>): (req: Request, context?: PlatformContext) => Promise<Response> {
  return async (req, context) => withHeaders(await answer(spec, req, context), API_HEADERS);
}

async function answer<S extends SchemaFor>(spec: HandlerSpec<S>, req: Request, context: PlatformContext): Promise<Response> {
  const allowed = spec.methods.includes(req.method as 'GET') || (req.method === 'HEAD' && spec.methods.includes('GET'));
  if (!allowed) return methodNotAllowed([...spec.methods]);
  let locale = negotiateLocale(req.headers.get('accept-language'));
  let kind: BodyKind | 'query' | null = spec.body ? null : 'query';
  let input: unknown;
  let claims: Claims | null = null;
  const refused = (refusal: Refusal) => (spec.refused ?? defaultRefusal)(refusal, locale, kind, req, input, claims);
  try {
    claims = await claimsFromRequest(req, process.env, { cookie: spec.auth === 'user' });
    // A POST carried by the session cookie alone must come from the site's own pages.
    if (spec.auth === 'user' && req.method === 'POST' && !req.headers.get('authorization') && sessionToken(req) && !fromTheSite(req)) {
      return refused({ reason: 'forbidden', message: t(locale, 'error.forbidden') });
    }
    if (spec.auth === 'moderator') {
      const refusal = moderatorRefusal(claims, locale);
      if (refusal) return refused(refusal);
    }
    if (spec.auth === 'user' && claims?.role !== 'authenticated') return refused(userRefusal(locale));
    let raw: unknown;
    if (spec.body) {
      const body = await readBody(req, { limit: spec.body.limit, locale, accept: spec.body.accept, emptyJson: spec.body.emptyJson });
      kind = body.ok ? body.kind : null;
      if (!body.ok) return refused(body.refusal);
      raw = body.value;
    } else {
      raw = Object.fromEntries(new URL(req.url).searchParams);
    }
    input = spec.prepare ? spec.prepare(raw, kind ?? 'query') : raw;
    // A form says which language it was filled in; the answer follows it.
    const chosen = (input as { locale?: unknown } | null)?.locale;
    if (isLocale(chosen)) locale = chosen;
    const screened = spec.screen?.(input, locale, req);
    if (screened) return refused(screened);
    const schema = (spec.query ?? spec.body!.schema)(locale);
    const parsed = validate(schema, input, locale);
    if (!parsed.success) return refused(invalidInput(parsed.error, locale));
    return await spec.run({ req, input: parsed.data as z.output<ReturnType<S>>, claims, locale, context, kind: kind ?? 'query' });
  } catch (error) {
    // 400 to a client that is no longer there, unlogged: a closed tab is not an error of ours.
    if (error instanceof ClientGone) return new Response(null, { status: 400 });
    const refusal = refusalForError(error, locale, spec.wording);
    if (refusal) return refused(refusal);
    if (spec.refused) {
      console.error(`[${spec.name}]`, error);
      return spec.refused({ reason: 'internal', message: t(locale, 'error.internal') }, locale, kind, req, input, claims);
    }
    return internalError(spec.name, error);
  }
}

function defaultRefusal(refusal: Refusal): Response {
  return refuse(refusal);
}
