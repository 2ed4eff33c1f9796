// Development access tokens shaped like Supabase Auth's, signed with HS256 and a local secret, so
// the moderation API can be tried (and tested) without a Supabase project.
import { createHash, randomUUID } from 'node:crypto';
import { SignJWT } from 'jose';

export type DevRole = 'moderator' | 'merchant';

export type DevTokenOptions = {
  role: DevRole;
  email: string;
  /** The user's id; by default derived from the e-mail, so the same person keeps the same id. */
  sub?: string;
  /** How long it lasts, as jose reads it ('8h', '15m', '2d'), or an absolute expiry in seconds since 1970. */
  expires?: string | number;
  /** Claims to add or override (tests: user_metadata, another role, an iat in the past). */
  extra?: Record<string, unknown>;
};

/** A stable UUID for an e-mail address: the same address gives the same user id in every token. */
export function userIdFor(email: string): string {
  const hex = createHash('sha256').update(email.trim().toLowerCase()).digest('hex');
  // Version 4 and RFC 4122 variant bits, so every UUID parser accepts it.
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-${((parseInt(hex[16]!, 16) & 3) | 8).toString(16)}${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

/**
 * signDevToken({ role: 'moderator', email: 'modo@example.org' }, secret) → a JWT with Supabase's
 * claims: sub, email, role 'authenticated', aud 'authenticated', app_metadata {provider, role?}.
 */
export async function signDevToken({ role, email, sub, expires = '8h', extra = {} }: DevTokenOptions, secret: string): Promise<string> {
  const appMetadata: Record<string, unknown> = { provider: 'email', providers: ['email'] };
  if (role === 'moderator') appMetadata.role = 'moderator';
  return new SignJWT({
    email,
    role: 'authenticated',
    aal: 'aal1',
    session_id: randomUUID(),
    is_anonymous: false,
    app_metadata: appMetadata,
    user_metadata: {},
    ...extra,
  })
    .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
    .setSubject(sub ?? userIdFor(email))
    .setAudience('authenticated')
    .setIssuedAt()
    .setExpirationTime(expires)
    .sign(new TextEncoder().encode(secret));
}
