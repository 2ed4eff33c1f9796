// Who the functions believe a caller is: tokens from `npm run token` (local secret), from Supabase
// with a shared secret, or from Supabase's published keys, and every way a token can be wrong.
import { existsSync, mkdtempSync, readFileSync, statSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { exportJWK, generateKeyPair, SignJWT } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signDevToken } from '../../scripts/local/dev-token.ts';
import { AuthError, claimsFromRequest, isModerator, localDevSecret, moderatorRefusal } from './auth.ts';
import { ConfigurationError } from './db.ts';
import { negotiateLocale } from '../../src/i18n/index.ts';

const SECRET = 'a-local-development-secret-of-at-least-32-chars';
const DEV = { VITRINE_DEV_JWT_SECRET: SECRET };
const withToken = (token: string) => new Request('http://localhost/api/x', { headers: { authorization: `Bearer ${token}` } });
const refusal = (promise: Promise<unknown>) =>
  promise.then(
    () => 'accepted',
    (error: Error) => (error instanceof AuthError ? `AuthError:${error.kind}` : error.name),
  );

describe('development tokens (no Supabase configured)', () => {
  it('an anonymous request has no claims', async () => {
    expect(await claimsFromRequest(new Request('http://localhost/'), DEV)).toBeNull();
  });

  it('a moderator token from npm run token carries Supabase claims and the server-set moderator role', async () => {
    const claims = await claimsFromRequest(withToken(await signDevToken({ role: 'moderator', email: 'modo@example.org' }, SECRET)), DEV);
    expect(claims).toMatchObject({ role: 'authenticated', aud: 'authenticated', email: 'modo@example.org', app_metadata: { provider: 'email', role: 'moderator' } });
    expect(claims!.sub).toMatch(/^[0-9a-f-]{36}$/);
    expect(isModerator(claims)).toBe(true);
    expect(moderatorRefusal(claims, 'fr')).toBeNull();
  });

  it('a merchant is a plain signed-in user, and claiming the role in user_metadata does not make a moderator', async () => {
    const merchant = await claimsFromRequest(withToken(await signDevToken({ role: 'merchant', email: 'a@example.ca' }, SECRET)), DEV);
    expect(isModerator(merchant)).toBe(false);
    expect(moderatorRefusal(merchant, 'fr')?.reason).toBe('forbidden');
    const sneaky = await claimsFromRequest(
      withToken(await signDevToken({ role: 'merchant', email: 'b@example.ca', extra: { user_metadata: { role: 'moderator' } } }, SECRET)),
      DEV,
    );
    expect(isModerator(sneaky)).toBe(false);
    expect(moderatorRefusal(null, 'en')).toMatchObject({ reason: 'unauthenticated', message: 'Sign in to continue.' });
  });

  it('refuses an expired token, saying it expired', async () => {
    const token = await signDevToken({ role: 'moderator', email: 'modo@example.org', expires: Math.floor(Date.now() / 1000) - 60 }, SECRET);
    expect(await refusal(claimsFromRequest(withToken(token), DEV))).toBe('AuthError:expired');
  });

  it('refuses a tampered token, one signed with another secret, an unsigned one, and a malformed header', async () => {
    const token = await signDevToken({ role: 'merchant', email: 'a@example.ca' }, SECRET);
    const [header, payload, signature] = token.split('.');
    const promoted = Buffer.from(
      JSON.stringify({ ...JSON.parse(Buffer.from(payload!, 'base64url').toString()), app_metadata: { role: 'moderator' } }),
    ).toString('base64url');
    expect(await refusal(claimsFromRequest(withToken(`${header}.${promoted}.${signature}`), DEV))).toBe('AuthError:invalid');

    const foreign = await signDevToken({ role: 'moderator', email: 'modo@example.org' }, 'another-secret-another-secret-another-secret');
    expect(await refusal(claimsFromRequest(withToken(foreign), DEV))).toBe('AuthError:invalid');

    const none = `${Buffer.from('{"alg":"none","typ":"JWT"}').toString('base64url')}.${promoted}.`;
    expect(await refusal(claimsFromRequest(withToken(none), DEV))).toBe('AuthError:invalid');

    for (const value of ['Basic dXNlcjpwYXNz', 'Bearer', 'Bearer not-a-jwt', '']) {
      const req = new Request('http://localhost/', { headers: { authorization: value } });
      expect(await refusal(claimsFromRequest(req, DEV)), value).toBe('AuthError:invalid');
    }
  });

  it('accepts only the authenticated and service roles, with an expiry', async () => {
    const sign = (claims: Record<string, unknown>, exp = true) => {
      const jwt = new SignJWT(claims).setProtectedHeader({ alg: 'HS256' }).setSubject('5b0e9a53-3f5e-4b35-9d8c-2b7a2b9d8e11').setAudience('authenticated');
      return (exp ? jwt.setExpirationTime('1h') : jwt).sign(new TextEncoder().encode(SECRET));
    };
    expect(await refusal(claimsFromRequest(withToken(await sign({ role: 'anon' })), DEV))).toBe('AuthError:invalid');
    expect(await refusal(claimsFromRequest(withToken(await sign({ role: 'postgres' })), DEV))).toBe('AuthError:invalid');
    expect(await refusal(claimsFromRequest(withToken(await sign({ role: 'authenticated' }, false)), DEV))).toBe('AuthError:invalid');
    expect(await refusal(claimsFromRequest(withToken(await sign({ role: 'service_role' })), DEV))).toBe('accepted');
    expect(moderatorRefusal({ role: 'service_role' }, 'fr')).toBeNull();
  });

  it('refuses a signed token whose subject is not a user id, instead of failing in the database', async () => {
    for (const sub of ['not-a-uuid', '1', "'; drop table x; --"]) {
      const token = await signDevToken({ role: 'moderator', email: 'modo@example.org', sub }, SECRET);
      expect(await refusal(claimsFromRequest(withToken(token), DEV)), sub).toBe('AuthError:invalid');
    }
  });

  it('refuses a token signed with HS512 (only HS256 is expected)', async () => {
    const token = await new SignJWT({ role: 'authenticated' })
      .setProtectedHeader({ alg: 'HS512' })
      .setSubject('5b0e9a53-3f5e-4b35-9d8c-2b7a2b9d8e11')
      .setAudience('authenticated')
      .setExpirationTime('1h')
      .sign(new TextEncoder().encode(SECRET.repeat(2)));
    expect(await refusal(claimsFromRequest(withToken(token), { VITRINE_DEV_JWT_SECRET: SECRET.repeat(2) }))).toBe('AuthError:invalid');
  });
});

describe('the local development secret', () => {
  it('is created once, 32 random bytes in .data/dev-jwt-secret readable by its owner only, then reused', () => {
    const root = mkdtempSync(join(tmpdir(), 'vitrine-secret-'));
    const first = localDevSecret({}, root);
    const file = join(root, '.data/dev-jwt-secret');
    expect(existsSync(file)).toBe(true);
    expect(first).toMatch(/^[0-9a-f]{64}$/);
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(localDevSecret({}, root)).toBe(first);
    expect(readFileSync(file, 'utf8').trim()).toBe(first);
  });

  it('VITRINE_DEV_JWT_SECRET takes its place', () => {
    expect(localDevSecret({ VITRINE_DEV_JWT_SECRET: SECRET }, '/nonexistent')).toBe(SECRET);
  });

  it('is never used in production: a token there without Supabase configured is a configuration error', async () => {
    const production = { CONTEXT: 'production', VITRINE_DEV_JWT_SECRET: SECRET };
    expect(() => localDevSecret(production)).toThrow(ConfigurationError);
    const token = await signDevToken({ role: 'moderator', email: 'modo@example.org' }, SECRET);
    expect(await refusal(claimsFromRequest(withToken(token), production))).toBe('ConfigurationError');
    // Anonymous visitors need no key at all.
    expect(await claimsFromRequest(new Request('http://localhost/'), production)).toBeNull();
  });
});

describe('Supabase with a shared JWT secret (SUPABASE_JWT_SECRET)', () => {
  it('verifies with that secret and no longer accepts the local one', async () => {
    const env = { SUPABASE_JWT_SECRET: 'the-supabase-project-secret-the-supabase-project', ...DEV, CONTEXT: 'production' };
    const supabase = await signDevToken({ role: 'moderator', email: 'modo@example.org' }, env.SUPABASE_JWT_SECRET);
    expect(isModerator(await claimsFromRequest(withToken(supabase), env))).toBe(true);
    const local = await signDevToken({ role: 'moderator', email: 'modo@example.org' }, SECRET);
    expect(await refusal(claimsFromRequest(withToken(local), env))).toBe('AuthError:invalid');
  });
});

describe('Supabase with asymmetric signing keys (SUPABASE_URL → JWKS)', () => {
  let server: Server;
  let supabaseUrl: string;
  let privateKey: CryptoKey;
  let requests = 0;

  beforeAll(async () => {
    const pair = await generateKeyPair('ES256');
    privateKey = pair.privateKey;
    const jwk = { ...(await exportJWK(pair.publicKey)), kid: 'key-1', alg: 'ES256', use: 'sig' };
    server = createServer((req, res) => {
      requests++;
      if (req.url !== '/auth/v1/.well-known/jwks.json') return void res.writeHead(404).end();
      res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ keys: [jwk] }));
    });
    await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
    const address = server.address() as { port: number };
    supabaseUrl = `http://127.0.0.1:${address.port}`;
  });
  afterAll(() => new Promise((done) => server?.close(done)));

  const supabaseToken = (claims: Record<string, unknown>, issuer = `${supabaseUrl}/auth/v1`, expires: string | number = '1h') =>
    new SignJWT({ role: 'authenticated', email: 'modo@example.org', app_metadata: { provider: 'email', role: 'moderator' }, ...claims })
      .setProtectedHeader({ alg: 'ES256', kid: 'key-1' })
      .setSubject('5b0e9a53-3f5e-4b35-9d8c-2b7a2b9d8e11')
      .setAudience('authenticated')
      .setIssuer(issuer)
      .setIssuedAt()
      .setExpirationTime(expires)
      .sign(privateKey);

  it('accepts a token signed with a published key, fetching the key set once', async () => {
    const env = { SUPABASE_URL: `${supabaseUrl}/`, CONTEXT: 'production' };
    const claims = await claimsFromRequest(withToken(await supabaseToken({})), env);
    expect(isModerator(claims)).toBe(true);
    await claimsFromRequest(withToken(await supabaseToken({})), env);
    expect(requests).toBe(1);
  });

  it('refuses a token from another issuer, an HS256 token and an expired one', async () => {
    const env = { SUPABASE_URL: supabaseUrl, ...DEV };
    expect(await refusal(claimsFromRequest(withToken(await supabaseToken({}, 'https://evil.example/auth/v1')), env))).toBe('AuthError:invalid');
    const local = await signDevToken({ role: 'moderator', email: 'modo@example.org' }, SECRET);
    expect(await refusal(claimsFromRequest(withToken(local), env))).toBe('AuthError:invalid');
    const expired = await supabaseToken({}, `${supabaseUrl}/auth/v1`, Math.floor(Date.now() / 1000) - 10);
    expect(await refusal(claimsFromRequest(withToken(expired), env))).toBe('AuthError:expired');
  });
});

describe('language of the answers', () => {
  it('is French unless English is preferred', () => {
    expect(negotiateLocale(null)).toBe('fr');
    expect(negotiateLocale('de-DE,de;q=0.9')).toBe('fr');
    expect(negotiateLocale('en-CA,en;q=0.9,fr;q=0.8')).toBe('en');
    expect(negotiateLocale('fr-CA,en;q=0.8')).toBe('fr');
    expect(negotiateLocale('en;q=0.5,fr;q=0.9')).toBe('fr');
    expect(negotiateLocale('de, en;q=0.7')).toBe('en');
    expect(negotiateLocale('en;q=0, fr')).toBe('fr');
  });
});
