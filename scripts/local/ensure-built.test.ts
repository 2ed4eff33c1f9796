import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { siteFingerprint } from './ensure-built.ts';

function content(merchants: unknown[], exportedAt: string): string {
  const dir = mkdtempSync(join(tmpdir(), 'vitrine-fingerprint-'));
  writeFileSync(join(dir, 'merchants.json'), JSON.stringify(merchants));
  writeFileSync(join(dir, 'reference.json'), JSON.stringify({ exportedAt, categories: [], regions: [], cities: [] }));
  return dir;
}

describe('siteFingerprint', () => {
  const env = { SITE_URL: 'http://localhost:8888' };

  it('is the same for a new export of the same merchants, so a restart serves at once', () => {
    const first = content([{ slug: 'cafe-chez-ginette' }], '2026-11-27T08:00:00.000Z');
    const again = content([{ slug: 'cafe-chez-ginette' }], '2026-11-27T09:30:00.000Z');
    expect(siteFingerprint(again, env)).toBe(siteFingerprint(first, env));
  });

  it('changes with the merchants and with the address the site is built for', () => {
    const dir = content([{ slug: 'cafe-chez-ginette' }], '2026-11-27T08:00:00.000Z');
    const other = content([{ slug: 'cafe-chez-ginette' }, { slug: 'zinc-bar' }], '2026-11-27T08:00:00.000Z');
    expect(siteFingerprint(other, env)).not.toBe(siteFingerprint(dir, env));
    expect(siteFingerprint(dir, { SITE_URL: 'http://localhost:8899' })).not.toBe(siteFingerprint(dir, env));
  });
});
