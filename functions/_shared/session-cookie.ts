// The merchant space's session: the access token in an HttpOnly cookie, so that the space works
// without JavaScript (a form posts with it) and no script can read the token. Set by
// /api/account/session when a sign-in link is followed, sent back by the browser to the merchant
// endpoints only as a fallback to an Authorization header. SameSite=Lax keeps other sites' forms
// from posting with it; cookie-authenticated POSTs must also come from the site itself (sameSite).
import { siteUrl } from './site-url.ts';

export const SESSION_COOKIE = 'vitrine_session';

/** The Set-Cookie header that keeps `token` for `seconds` (Secure on an https site). */
export function sessionCookie(token: string, seconds: number): string {
  const secure = siteUrl().startsWith('https:') ? '; Secure' : '';
  return `${SESSION_COOKIE}=${token}; Path=/; HttpOnly; SameSite=Lax; Max-Age=${Math.max(0, Math.floor(seconds))}${secure}`;
}

/** The Set-Cookie header that ends the session. */
export function endedSessionCookie(): string {
  return sessionCookie('', 0);
}

/** The token of the session cookie a request carries, or null. */
export function sessionToken(req: Request): string | null {
  const header = req.headers.get('cookie');
  if (!header) return null;
  for (const part of header.split(';')) {
    const [name, ...value] = part.trim().split('=');
    if (name === SESSION_COOKIE) return value.join('=') || null;
  }
  return null;
}

/**
 * Whether a request comes from the site's own pages: its Origin (or, without one, its Referer) is the
 * configured site's or the address the request was sent to (a browser sets both; another site's
 * page cannot). A cookie-authenticated POST from anywhere else is refused (cross-site request
 * forgery), whatever the browser's SameSite support.
 */
export function fromTheSite(req: Request): boolean {
  const ours = new Set([new URL(siteUrl()).origin, new URL(req.url).origin]);
  let origin = req.headers.get('origin');
  if (!origin || origin === 'null') {
    try {
      origin = new URL(req.headers.get('referer') ?? '').origin;
    } catch {
      return false;
    }
  }
  return ours.has(origin);
}
