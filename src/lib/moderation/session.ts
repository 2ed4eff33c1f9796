// Who the moderator is, for the moderation pages: a Supabase Auth session (magic link) when the site
// was built with PUBLIC_SUPABASE_URL and PUBLIC_SUPABASE_ANON_KEY, else a development token taken
// from the address (#token=…) or pasted, kept in sessionStorage for this tab only.

/** A JWT's three base64url parts; only its shape is checked here, the API verifies its signature. */
const JWT = /^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]*$/;

export function looksLikeToken(value: string): boolean {
  return JWT.test(value.trim());
}

/** tokenFromFragment('#token=eyJ…') === 'eyJ…'; null when the fragment carries no token. */
export function tokenFromFragment(hash: string): string | null {
  const token = new URLSearchParams(hash.replace(/^#/, '')).get('token')?.trim();
  return token && looksLikeToken(token) ? token : null;
}

export type TokenClaims = { exp?: number; email?: string };

/** The claims a token carries, read without checking its signature (for display and expiry only). */
export function readClaims(token: string): TokenClaims | null {
  try {
    const payload = token.split('.')[1]!.replace(/-/g, '+').replace(/_/g, '/');
    const json = decodeURIComponent(
      [...atob(payload.padEnd(payload.length + ((4 - (payload.length % 4)) % 4), '='))].map((c) => `%${c.charCodeAt(0).toString(16).padStart(2, '0')}`).join(''),
    );
    const claims = JSON.parse(json) as Record<string, unknown>;
    return { exp: typeof claims.exp === 'number' ? claims.exp : undefined, email: typeof claims.email === 'string' ? claims.email : undefined };
  } catch {
    return null;
  }
}

/** isExpired(token) — true once its exp (seconds) has passed. A token without exp never is, here. */
export function isExpired(token: string, now: number = Date.now()): boolean {
  const exp = readClaims(token)?.exp;
  return exp !== undefined && exp * 1000 <= now;
}

export type AuthConfig = { supabaseUrl: string; supabaseAnonKey: string };

export interface Auth {
  readonly kind: 'supabase' | 'dev';
  /** The access token to send, or null when nobody is signed in (or the session expired). */
  token(): Promise<string | null>;
  signOut(): Promise<void>;
}

const STORAGE_KEY = 'vitrine.moderation.token';

/** Development sign-in: a token from the URL fragment or a pasted one, for this tab only. */
export class DevAuth implements Auth {
  readonly kind = 'dev';

  /** Takes #token=… from the address, then removes it so it is neither bookmarked nor shared. */
  adoptFragment(): boolean {
    const token = tokenFromFragment(location.hash);
    if (!token) return false;
    this.use(token);
    history.replaceState(history.state, '', `${location.pathname}${location.search}`);
    return true;
  }

  use(token: string): void {
    sessionStorage.setItem(STORAGE_KEY, token.trim());
  }

  async token(): Promise<string | null> {
    return sessionStorage.getItem(STORAGE_KEY);
  }

  async signOut(): Promise<void> {
    sessionStorage.removeItem(STORAGE_KEY);
  }
}

type SupabaseAuthApi = {
  getSession(): Promise<{ data: { session: { access_token: string } | null } }>;
  signInWithOtp(credentials: { email: string; options?: { emailRedirectTo?: string; shouldCreateUser?: boolean } }): Promise<{ error: { message: string } | null }>;
  signOut(): Promise<unknown>;
};

/** Supabase Auth's magic link; supabase-js is loaded only on sites configured for it. */
export class SupabaseAuth implements Auth {
  readonly kind = 'supabase';
  #auth: Promise<SupabaseAuthApi>;

  constructor(config: AuthConfig) {
    this.#auth = import('@supabase/supabase-js').then(({ createClient }) =>
      createClient(config.supabaseUrl, config.supabaseAnonKey, {
        // The link lands back on this page with the session in its fragment, which supabase-js reads.
        auth: { detectSessionInUrl: true, persistSession: true, autoRefreshToken: true, storage: sessionStorage },
      }).auth as unknown as SupabaseAuthApi,
    );
  }

  /** Sends the magic link; only existing accounts get one (moderators are invited, never self-made). */
  async sendLink(email: string, redirectTo: string): Promise<string | null> {
    const { error } = await (await this.#auth).signInWithOtp({ email, options: { emailRedirectTo: redirectTo, shouldCreateUser: false } });
    return error?.message ?? null;
  }

  async token(): Promise<string | null> {
    const { data } = await (await this.#auth).getSession();
    return data.session?.access_token ?? null;
  }

  async signOut(): Promise<void> {
    await (await this.#auth).signOut();
  }
}

/** Supabase when the page was built with its public settings, else development tokens. */
export function authFor(config: Partial<AuthConfig>): Auth {
  return config.supabaseUrl && config.supabaseAnonKey ? new SupabaseAuth(config as AuthConfig) : new DevAuth();
}
