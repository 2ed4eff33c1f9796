import { describe, expect, it } from 'vitest';
import { isExpired, looksLikeToken, readClaims, tokenFromFragment } from './session.ts';

/** An unsigned token with these claims (the page never checks signatures; the API does). */
const token = (claims: Record<string, unknown>) =>
  `eyJhbGciOiJIUzI1NiJ9.${Buffer.from(JSON.stringify(claims)).toString('base64url')}.c2ln`;

describe('development sign-in tokens', () => {
  it('takes the token from a #token= fragment, and nothing else', () => {
    const t = token({ exp: 1 });
    expect(tokenFromFragment(`#token=${t}`)).toBe(t);
    expect(tokenFromFragment(`#other=1&token=${t}`)).toBe(t);
    expect(tokenFromFragment('#token=')).toBeNull();
    expect(tokenFromFragment('#token=not a token')).toBeNull();
    expect(tokenFromFragment('')).toBeNull();
    expect(tokenFromFragment('#access_token=abc')).toBeNull();
  });

  it('recognises the shape of a JWT, spaces around it allowed', () => {
    expect(looksLikeToken(` ${token({})} `)).toBe(true);
    expect(looksLikeToken('abc.def')).toBe(false);
    expect(looksLikeToken('a.b.c.d')).toBe(false);
  });

  it('reads the e-mail (accents included) and expiry, and knows when it has passed', () => {
    const t = token({ email: 'modé@example.org', exp: 2_000_000_000 });
    expect(readClaims(t)).toEqual({ email: 'modé@example.org', exp: 2_000_000_000 });
    expect(isExpired(t, 1_999_999_999_000)).toBe(false);
    expect(isExpired(t, 2_000_000_000_000)).toBe(true);
    expect(isExpired(token({}))).toBe(false);
    expect(readClaims('x.!!!.y')).toBeNull();
  });
});
