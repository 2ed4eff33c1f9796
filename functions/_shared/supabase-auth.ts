// The merchant space's sign-in through Supabase Auth, from the functions (so that it works without
// JavaScript): ask for a magic link, and turn the link's token hash into a session. Configured by
// SUPABASE_URL and SUPABASE_ANON_KEY (the project's public key); the message's template
// (supabase/templates/magic_link.html) leads to /api/account/session?token_hash=…&type=email.
import { createClient } from '@supabase/supabase-js';
import { AuthError } from './auth.ts';
import { ConfigurationError } from './db.ts';

type Env = Record<string, string | undefined>;

/** Whether the merchant space signs in with Supabase Auth (else development links). */
export function supabaseSignIn(env: Env = process.env): boolean {
  return Boolean(env.SUPABASE_URL && env.SUPABASE_ANON_KEY);
}

function client(env: Env) {
  if (!supabaseSignIn(env)) throw new ConfigurationError('SUPABASE_URL and SUPABASE_ANON_KEY must both be set to sign merchants in with Supabase Auth.');
  return createClient(env.SUPABASE_URL!, env.SUPABASE_ANON_KEY!, { auth: { persistSession: false, autoRefreshToken: false, detectSessionInUrl: false } });
}

/** Asks Supabase Auth to mail a sign-in link; an account is created on first use. 'rate_limited' when Supabase says so. */
export async function sendSupabaseLink(email: string, locale: 'fr' | 'en', env: Env = process.env): Promise<'sent' | 'rate_limited'> {
  const { error } = await client(env).auth.signInWithOtp({ email, options: { shouldCreateUser: true, data: { locale } } });
  if (!error) return 'sent';
  if (error.status === 429) return 'rate_limited';
  throw error;
}

/** The session a link's token hash stands for, or AuthError when it expired or was used. */
export async function verifySupabaseLink(tokenHash: string, type: 'email' | 'magiclink', env: Env = process.env): Promise<{ token: string; expiresAt: number }> {
  const { data, error } = await client(env).auth.verifyOtp({ token_hash: tokenHash, type });
  if (error || !data.session) throw new AuthError('expired', error?.message ?? 'no session');
  return { token: data.session.access_token, expiresAt: data.session.expires_at ?? Math.floor(Date.now() / 1000) + 3600 };
}
