// npm run build while npm start serves dist/ (a link into .data/builds/): the served site must not
// change file by file under a running server; a new one is built beside it and the link switched.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, readlinkSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

const ROOT = new URL('../', import.meta.url).pathname;
const work = mkdtempSync(join(tmpdir(), 'vitrine-build-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

describe('npm run build into the site npm start serves', () => {
  it('builds a new site beside the served one and switches the link, leaving the served files alone', () => {
    const served = join(work, 'builds/served/site');
    mkdirSync(served, { recursive: true });
    writeFileSync(join(served, 'index.html'), 'the site being served');
    const link = join(work, 'dist');
    symlinkSync(served, link);

    const result = spawnSync(process.execPath, ['node_modules/tsx/dist/cli.mjs', 'scripts/build.ts', '--content', 'tests/fixtures/content', '--out', link], {
      cwd: ROOT, encoding: 'utf8', env: { ...process.env, SITE_URL: 'https://vitrine.example' },
    });
    expect(result.status, result.stderr).toBe(0);
    expect(result.stdout).toMatch(/now points to it/);
    expect(readFileSync(join(served, 'index.html'), 'utf8')).toBe('the site being served');
    const target = readlinkSync(link);
    expect(target).not.toBe(served);
    expect(existsSync(join(target, 'commerces/cafe-chez-ginette/index.html'))).toBe(true);
    expect(existsSync(join(target, 'pagefind/pagefind.js'))).toBe(true);
  }, 120_000);
});
