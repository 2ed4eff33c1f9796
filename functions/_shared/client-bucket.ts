// Rate limits count attempts per client without keeping who the client is: the database receives an
// HMAC of the address keyed with a random salt of the day, which it deletes with the counts after
// 48 hours; never the address (Quebec's Law 25). The address is not logged either.
import { createHmac } from 'node:crypto';
import type { Queryable } from './db.ts';
import type { PlatformContext } from './handler.ts';

/**
 * The client's address as the platform saw it: Netlify's `context.ip`, and locally the socket's
 * (scripts/local/http-server.ts passes it the same way). Never a header: X-Forwarded-For and its
 * kin are the client's to write, and rotating them would reset the count. null without one.
 */
export function clientAddress(context: PlatformContext): string | null {
  const ip = context?.ip?.trim();
  return ip ? ip : null;
}

/**
 * clientBucket(tx, '203.0.113.7') → 64 hex digits, the same all day for that address, unrelated to it
 * the next day and once the salt is gone. `tx` runs as a role that may read the salt (the registrar).
 * With `cache` (the database `tx` belongs to), the day's salt is read once per day instead of once per
 * registration: a round trip of its own, one in four of a registration's. It is kept for the day the
 * database named (its UTC date), and read again as soon as this process's UTC date differs.
 */
export async function clientBucket(tx: Queryable, address: string, cache?: object): Promise<string> {
  const today = new Date().toISOString().slice(0, 10);
  let known = cache && salts.get(cache);
  if (!known || known.day !== today) {
    const [row] = await tx.query<{ salt: string; day: string }>(
      "select private.rate_limit_salt() as salt, ((now() at time zone 'utc')::date)::text as day",
    );
    known = row!;
    if (cache) salts.set(cache, known);
  }
  return createHmac('sha256', known.salt).update(address).digest('hex');
}

const salts = new WeakMap<object, { day: string; salt: string }>();
