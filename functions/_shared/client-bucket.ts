// Rate limits count attempts per client without keeping who the client is: the database receives a
// keyed hash of the address that changes every day, never the address (Quebec's Law 25). The
// address is not logged either.
import { createHmac } from 'node:crypto';
import { isProduction, localDevSecret } from './auth.ts';
import { ConfigurationError } from './db.ts';

type Env = Record<string, string | undefined>;

/**
 * The client's address as Netlify reports it: `context.ip` in functions, else the header Netlify's
 * edge sets, else the first hop of X-Forwarded-For; 'unknown' when none is there (every such
 * client then shares one allowance).
 */
export function clientAddress(req: Request, context?: { ip?: string } | null): string {
  const forwarded = req.headers.get('x-forwarded-for')?.split(',')[0]?.trim();
  return context?.ip || req.headers.get('x-nf-client-connection-ip') || forwarded || 'unknown';
}

/** VITRINE_RATE_LIMIT_SALT, else a value derived from the JWT secret (or the local development one). */
function salt(env: Env): string {
  if (env.VITRINE_RATE_LIMIT_SALT) return env.VITRINE_RATE_LIMIT_SALT;
  const secret = env.SUPABASE_JWT_SECRET || (isProduction(env) ? undefined : localDevSecret(env));
  if (!secret) throw new ConfigurationError('VITRINE_RATE_LIMIT_SALT must be set in production (any long random string).');
  // Derived, not the secret itself: the bucket must never help anyone guess the signing secret.
  return createHmac('sha256', secret).update('vitrine: rate-limit salt').digest('hex');
}

/**
 * clientBucket('203.0.113.7') → 64 hex digits, the same all day for that address, unrelated to it
 * the next day and without the salt.
 */
export function clientBucket(address: string, { env = process.env, now = new Date() }: { env?: Env; now?: Date } = {}): string {
  const day = now.toISOString().slice(0, 10);
  return createHmac('sha256', salt(env)).update(`${day}|${address}`).digest('hex');
}
