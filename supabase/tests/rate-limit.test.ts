// The registration rate limit counts per client without keeping who the client is: the handler
// hashes the socket's address with a random salt of the day that the database keeps, and the salt
// goes with the counts after 48 hours. Checked on each database.
import { createHash, createHmac } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { asRole } from '../../functions/_shared/as-user.ts';
import { clientAddress, clientBucket } from '../../functions/_shared/client-bucket.ts';
import { createTestDatabase, databaseKinds, type TestDatabase } from '../../tests/support/test-database.ts';

describe.each(databaseKinds())('the rate limit’s salts and buckets on %s', (kind) => {
  let db: TestDatabase;
  beforeAll(async () => {
    db = await createTestDatabase(kind);
  });
  afterAll(() => db?.drop());

  const salt = () => asRole(db, 'vitrine_registrar', {}, async (tx) => (await tx.query<{ s: string }>('select private.rate_limit_salt() as s'))[0]!.s);

  it('makes one random salt a day, readable by the registrar role and nobody else', async () => {
    const first = await salt();
    expect(first).toMatch(/^[0-9a-f]{64}$/);
    expect(await salt()).toBe(first);
    const other = await createTestDatabase(kind);
    try {
      const theirs = await asRole(other, 'vitrine_registrar', {}, async (tx) => (await tx.query<{ s: string }>('select private.rate_limit_salt() as s'))[0]!.s);
      expect(theirs).not.toBe(first);
    } finally {
      await other.drop();
    }
    for (const role of ['anon', 'authenticated'] as const) {
      await expect(asRole(db, role, {}, (tx) => tx.query('select private.rate_limit_salt()'))).rejects.toMatchObject({ code: '42501' });
      await expect(asRole(db, role, {}, (tx) => tx.query('select * from private.rate_limit_salts'))).rejects.toMatchObject({ code: '42501' });
    }
  });

  it('deletes the salts and the counts older than 48 hours when a new day begins', async () => {
    await db.exec(`
      insert into private.rate_limit_salts (day, salt) values
        ((now() at time zone 'utc')::date - 3, repeat('a', 64)), ((now() at time zone 'utc')::date - 1, repeat('b', 64));
      insert into private.rate_limits (bucket, window_start, hits) values
        (repeat('c', 64), now() - interval '49 hours', 3), (repeat('d', 64), now() - interval '47 hours', 2);
      delete from private.rate_limit_salts where day = (now() at time zone 'utc')::date;
    `);
    await salt();
    const days = await db.query<{ age: number }>(`select (now() at time zone 'utc')::date - day as age from private.rate_limit_salts order by day`);
    expect(days.map((d) => d.age)).toEqual([1, 0]);
    const buckets = await db.query<{ bucket: string }>('select bucket from private.rate_limits order by bucket');
    expect(buckets.map((b) => b.bucket[0])).toEqual(['d']);
  });

  it('hashes the address with the day’s salt: the bucket never holds the address, and differs by address', async () => {
    const bucket = await asRole(db, 'vitrine_registrar', {}, (tx) => clientBucket(tx, '203.0.113.7'));
    // 64 hex digits cannot hold a dotted address; a salted hash is not the plain digest anyone could recompute.
    expect(bucket).toMatch(/^[0-9a-f]{64}$/);
    expect(bucket).not.toBe(createHash('sha256').update('203.0.113.7').digest('hex'));
    expect(bucket).toBe(createHmac('sha256', await salt()).update('203.0.113.7').digest('hex'));
    expect(await asRole(db, 'vitrine_registrar', {}, (tx) => clientBucket(tx, '203.0.113.8'))).not.toBe(bucket);
  });

  it('reads the day’s salt once a day for a database, and again when this process’s day changes', async () => {
    const cache = {};
    const bucket = (key: object) => asRole(db, 'vitrine_registrar', {}, (tx) => clientBucket(tx, '203.0.113.9', key));
    const first = await bucket(cache);
    expect(first).toBe(createHmac('sha256', await salt()).update('203.0.113.9').digest('hex'));
    // The stored salt changes behind the process's back: the cached one is still used today…
    await db.exec(`update private.rate_limit_salts set salt = repeat('e', 64) where day = (now() at time zone 'utc')::date`);
    expect(await bucket(cache)).toBe(first);
    // …while another database (another cache) reads it, and so does the next day's first call.
    const fresh = createHmac('sha256', 'e'.repeat(64)).update('203.0.113.9').digest('hex');
    expect(await bucket({})).toBe(fresh);
    vi.useFakeTimers({ toFake: ['Date'] });
    try {
      // (PGlite's clock is this process's, so there the database's day moves too, with a new salt.)
      vi.setSystemTime(Date.now() + 86_400_000);
      const next = await bucket(cache);
      expect(next).not.toBe(first);
      expect(next).toBe(createHmac('sha256', await salt()).update('203.0.113.9').digest('hex'));
    } finally {
      vi.useRealTimers();
    }
  });

  it('refuses a registration without a bucket (VT428) rather than counting it with everyone else’s', async () => {
    await expect(
      asRole(db, 'vitrine_registrar', {}, (tx) => tx.query(`select public.register_merchant('{}'::jsonb, 'k', null)`)),
    ).rejects.toMatchObject({ code: 'VT428' });
  });

  it('takes the client’s address from the platform alone, never from a header', () => {
    expect(clientAddress({ ip: '203.0.113.7' })).toBe('203.0.113.7');
    expect(clientAddress({ ip: '' })).toBeNull();
    expect(clientAddress(undefined)).toBeNull();
  });
});
