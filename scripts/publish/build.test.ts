// npm run build while npm start serves dist/ (a link into .data/builds/): the served site must not
// change file by file under a running server; a new one is built beside it and the link switched.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, readlinkSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { buildSite } from './build-site.ts';

const ROOT = new URL('../../', import.meta.url).pathname;
const work = mkdtempSync(join(tmpdir(), 'vitrine-build-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

// npm start's builds live in .data/builds/; here, in the test's own folder.
const build = (out: string) =>
  spawnSync(process.execPath, ['node_modules/tsx/dist/cli.mjs', 'scripts/publish/build.ts', '--content', 'tests/fixtures/content', '--out', out], {
    cwd: ROOT, encoding: 'utf8', env: { ...process.env, SITE_URL: 'https://vitrine.example', VITRINE_BUILDS_DIR: join(work, 'builds') },
  });

describe('npm run build into the site npm start serves', () => {
  it('builds a new site beside the served one and switches the link, leaving the served files alone', () => {
    const served = join(work, 'builds/served/site');
    mkdirSync(served, { recursive: true });
    writeFileSync(join(served, 'index.html'), 'the site being served');
    const link = join(work, 'dist');
    symlinkSync(served, link);

    const result = build(link);
    expect(result.status, result.stderr).toBe(0);
    expect(result.stdout).toMatch(/now points to it/);
    expect(readFileSync(join(served, 'index.html'), 'utf8')).toBe('the site being served');
    const target = readlinkSync(link);
    expect(target).not.toBe(served);
    expect(existsSync(join(target, 'commerces/cafe-chez-ginette/index.html'))).toBe(true);
    expect(existsSync(join(target, 'pagefind/pagefind.js'))).toBe(true);
    expect(readdirSync(work).filter((name) => name.includes('.building-'))).toEqual([]);
  }, 120_000);

  it('builds into any other link’s folder as into a folder, and touches nothing beside it', () => {
    const elsewhere = join(work, 'www/vitrine');
    mkdirSync(elsewhere, { recursive: true });
    writeFileSync(join(work, 'www/keep.txt'), 'a neighbour');
    const link = join(work, 'public-site');
    symlinkSync(elsewhere, link);
    const result = build(link);
    expect(result.status, result.stderr).toBe(0);
    expect(readlinkSync(link)).toBe(elsewhere);
    expect(existsSync(join(elsewhere, 'commerces/cafe-chez-ginette/index.html'))).toBe(true);
    expect(readdirSync(join(work, 'www')).sort()).toEqual(['keep.txt', 'vitrine']);
  }, 120_000);
});

describe('a build that fails on one side', () => {
  it('reports that side’s error, not the other side it stopped, and leaves no working folder', async () => {
    const out = join(work, 'refused');
    // A production build without SITE_URL is refused by the site's configuration.
    const env = { ...process.env, CONTEXT: 'production', SITE_URL: '' };
    await expect(buildSite({ contentDir: join(ROOT, 'tests/fixtures/content'), outDir: out, quiet: true, env })).rejects.toThrow(/SITE_URL must be set/);
    expect(readdirSync(work).filter((name) => name.startsWith('refused'))).toEqual([]);
  }, 120_000);
});
