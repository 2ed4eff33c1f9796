import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { useDatabase } from '../_shared/db.ts';
import { startTestPlatform, type TestPlatform } from '../../tests/support/platform.ts';
import { insertMerchants, merchantRow } from '../../tests/support/merchants.ts';
import { createTestDatabase, databaseKinds, type TestDatabase } from '../../tests/support/test-database.ts';

describe.each(databaseKinds())('GET /api/health on %s', (kind) => {
  let db: TestDatabase;
  let platform: TestPlatform;

  beforeAll(async () => {
    db = await createTestDatabase(kind);
    await insertMerchants(db, [merchantRow(), merchantRow({ status: 'pending' })]);
    const outDir = mkdtempSync(join(tmpdir(), 'vitrine-health-'));
    writeFileSync(join(outDir, 'index.html'), '<!doctype html><title>Vitrine</title>');
    platform = await startTestPlatform(db, { outDir });
  });
  afterAll(async () => {
    await platform?.stop();
    await db?.drop();
  });

  it('says the database is reachable and counts published merchants only', async () => {
    const response = await fetch(`${platform.url}/api/health`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/application\/json/);
    expect(await response.json()).toMatchObject({ status: 'ok', database: { reachable: true }, approvedMerchants: 1 });
  });

  it('refuses other methods with 405 and an Allow header', async () => {
    const response = await fetch(`${platform.url}/api/health`, { method: 'POST', body: '{}' });
    expect(response.status).toBe(405);
    expect(response.headers.get('allow')).toBe('GET');
    expect(await response.json()).toMatchObject({ error: 'method_not_allowed' });
  });

  it('answers 503, not 500, when the database does not answer', async () => {
    // The handlers open the database DATABASE_URL names when none is given to them: here, nothing listens.
    const reachable = process.env.DATABASE_URL;
    useDatabase(undefined);
    process.env.DATABASE_URL = 'postgres://postgres@127.0.0.1:1/nothing';
    try {
      const response = await fetch(`${platform.url}/api/health`);
      expect(response.status).toBe(503);
      expect(await response.json()).toMatchObject({ error: 'unavailable', database: { reachable: false } });
    } finally {
      process.env.DATABASE_URL = reachable;
      useDatabase(db);
    }
  });

  it('serves the static site with the security headers of every page', async () => {
    const response = await fetch(`${platform.url}/`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-security-policy')).toContain("script-src 'self'");
    expect(response.headers.get('strict-transport-security')).toMatch(/max-age=\d+/);
    expect(response.headers.get('referrer-policy')).toBe('strict-origin-when-cross-origin');
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
  });
});
