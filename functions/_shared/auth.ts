// Who is calling: the verified claims of the `Authorization: Bearer <jwt>` header, or null for an
// anonymous visitor. Tokens come from Supabase Auth in production (checked against the project's
// published keys), or from `npm run token` in development (signed with a local secret).
import { randomBytes } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { createRemoteJWKSet, errors, jwtVerify, type JWTPayload, type JWTVerifyOptions } from 'jose';
import type { Claims } from './as-user.ts';
import { ConfigurationError } from './db.ts';
import { t, type Locale } from '../../src/i18n/index.ts';
import type { Refusal } from './respond.ts';
import { sessionToken } from './session-cookie.ts';

/** A token that was sent but cannot be trusted: the handler answers 401 'unauthenticated'. */
export class AuthError extends Error {
  override name = 'AuthError';
  constructor(
    readonly kind: 'expired' | 'invalid',
    message: string,
  ) {
    super(message);
  }
}

type Env = Record<string, string | undefined>;

/** Netlify's production deploy: no local secret may ever sign or verify a token there. */
export function isProduction(env: Env = process.env): boolean {
  if (env.CONTEXT === 'production') return true;
  try {
    // Netlify sets CONTEXT at build time only; at run time the deploy context is on the Netlify global.
    const netlify = (globalThis as { Netlify?: { context?: { deploy?: { context?: string } } | null } }).Netlify;
    return netlify?.context?.deploy?.context === 'production';
  } catch {
    return false;
  }
}

export const DEV_SECRET_FILE = '.data/dev-jwt-secret';
let fileSecret: { path: string; value: string } | undefined;

/**
 * The secret that signs development tokens: VITRINE_DEV_JWT_SECRET, else the file .data/dev-jwt-secret,
 * created with 32 random bytes on first use so that every checkout has its own. Never in production.
 */
export function localDevSecret(env: Env = process.env, root = process.cwd()): string {
  if (isProduction(env)) {
    throw new ConfigurationError('SUPABASE_URL (or SUPABASE_JWT_SECRET) must be set in production: local development secrets are refused there.');
  }
  if (env.VITRINE_DEV_JWT_SECRET) return env.VITRINE_DEV_JWT_SECRET;
  const path = join(root, DEV_SECRET_FILE);
  if (fileSecret?.path === path) return fileSecret.value;
  let value: string;
  try {
    value = readFileSync(path, 'utf8').trim();
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
    mkdirSync(dirname(path), { recursive: true });
    try {
      // 'wx': when two processes start at once, the second reads what the first wrote.
      writeFileSync(path, `${randomBytes(32).toString('hex')}\n`, { flag: 'wx', mode: 0o600 });
    } catch (raced) {
      if ((raced as NodeJS.ErrnoException).code !== 'EEXIST') throw raced;
    }
    value = readFileSync(path, 'utf8').trim();
  }
  if (value.length < 32) throw new ConfigurationError(`${DEV_SECRET_FILE} holds less than 32 characters: delete it to get a new one.`);
  fileSecret = { path, value };
  return value;
}

const remoteKeySets = new Map<string, ReturnType<typeof createRemoteJWKSet>>();

/** How tokens are checked, from the environment: Supabase's key set, a shared secret, or the local secret. */
function verification(env: Env): { key: Uint8Array | ReturnType<typeof createRemoteJWKSet>; options: JWTVerifyOptions } {
  if (env.SUPABASE_URL) {
    const base = env.SUPABASE_URL.replace(/\/+$/, '');
    let keys = remoteKeySets.get(base);
    if (!keys) {
      let url: URL;
      try {
        url = new URL(`${base}/auth/v1/.well-known/jwks.json`);
      } catch {
        throw new ConfigurationError('SUPABASE_URL is not a URL (expected https://<project>.supabase.co).');
      }
      // jose caches the key set and fetches it again when a token names a key it does not know.
      keys = createRemoteJWKSet(url);
      remoteKeySets.set(base, keys);
    }
    // Asymmetric algorithms only: a token signed with HS256 and the public key as secret is refused.
    return { key: keys, options: { algorithms: ['ES256', 'RS256'], issuer: `${base}/auth/v1` } };
  }
  const secret = env.SUPABASE_JWT_SECRET || localDevSecret(env);
  return { key: new TextEncoder().encode(secret), options: { algorithms: ['HS256'] } };
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const BEARER = /^Bearer +([A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]*) *$/i;

/**
 * claimsFromRequest(req) → null without an Authorization header; the verified claims of a signed-in
 * user or of the service role; throws AuthError for an expired, tampered or foreign token.
 */
export async function claimsFromRequest(req: Request, env: Env = process.env, { cookie = false } = {}): Promise<Claims | null> {
  const header = req.headers.get('authorization');
  if (header === null) {
    // The merchant space's endpoints also take the session cookie (session-cookie.ts).
    const session = cookie ? sessionToken(req) : null;
    return session ? verifyToken(session, env) : null;
  }
  const token = BEARER.exec(header)?.[1];
  if (!token) throw new AuthError('invalid', 'The Authorization header is not "Bearer <token>".');
  return verifyToken(token, env);
}

/** The verified claims of a token (a signed-in user's or the service role's), or AuthError. */
export async function verifyToken(token: string, env: Env = process.env): Promise<Claims> {
  if (!/^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]*$/.test(token)) throw new AuthError('invalid', 'The token is not a JWT.');
  const { key, options } = verification(env);
  let payload: JWTPayload;
  try {
    ({ payload } = await jwtVerify(token, key, { ...options, requiredClaims: ['exp', 'role'] }));
  } catch (error) {
    if (error instanceof errors.JWTExpired) throw new AuthError('expired', 'The token has expired.');
    // Supabase's key set did not answer: our problem, not the caller's.
    if (error instanceof errors.JWKSTimeout) throw error;
    if (error instanceof errors.JOSEError) throw new AuthError('invalid', `The token was refused (${error.code}).`);
    throw error;
  }
  // Only Supabase's signed-in users and the service role; an anon key is no identity.
  if (payload.role !== 'authenticated' && payload.role !== 'service_role') throw new AuthError('invalid', 'The token has no user role.');
  if (payload.role === 'authenticated') {
    const audiences = Array.isArray(payload.aud) ? payload.aud : [payload.aud];
    if (!audiences.includes('authenticated') || typeof payload.sub !== 'string') throw new AuthError('invalid', 'The token is not a user session.');
    // auth.uid() casts the subject to a uuid: anything else would fail in the database, as a 500.
    if (!UUID.test(payload.sub)) throw new AuthError('invalid', 'The token’s subject is not a user id.');
  }
  return payload as Claims;
}

/**
 * A moderator carries role 'moderator' in app_metadata, which only the server can write;
 * user_metadata is the user's own and never counts.
 */
export function isModerator(claims: Claims | null): boolean {
  const appMetadata = claims?.app_metadata;
  return claims?.role === 'authenticated' && typeof appMetadata === 'object' && appMetadata !== null && appMetadata.role === 'moderator';
}

const CHALLENGE = { 'www-authenticate': 'Bearer' };

/** Moderators' endpoints: 401 for an anonymous caller, 403 for a signed-in non-moderator, null to go on. */
export function moderatorRefusal(claims: Claims | null, locale: Locale): Refusal | null {
  if (!claims) return { reason: 'unauthenticated', message: t(locale, 'error.unauthenticated'), headers: CHALLENGE };
  if (claims.role === 'service_role' || isModerator(claims)) return null;
  return { reason: 'forbidden', message: t(locale, 'error.forbidden') };
}

/** Members' endpoints: 401 unless a signed-in user calls (the service role is no merchant). */
export function userRefusal(locale: Locale): Refusal {
  return { reason: 'unauthenticated', message: t(locale, 'error.unauthenticated'), headers: CHALLENGE };
}

/** The 401 for a token that was refused, saying whether it expired or is not valid. */
export function authRefusal(error: AuthError, locale: Locale): Refusal {
  return {
    reason: 'unauthenticated',
    message: t(locale, error.kind === 'expired' ? 'error.token_expired' : 'error.token_invalid'),
    // RFC 6750's challenge; the description tells a script whether signing in again will help.
    headers: { 'www-authenticate': `Bearer error="invalid_token", error_description="${error.kind === 'expired' ? 'expired' : 'invalid'}"` },
  };
}
