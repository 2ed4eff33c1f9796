// Builds the static site for a content folder into an output folder: `astro build` renders the pages
// while the search index is built from the same content (scripts/lib/search-index.ts). The two run
// side by side, on separate cores, and the index is moved into the site once both are done.
import { spawn } from 'node:child_process';
import { renameSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { writeSearchIndex } from './search-index.ts';
import { progress } from './progress.ts';

export type BuildOptions = { contentDir: string; outDir: string; quiet?: boolean; env?: NodeJS.ProcessEnv };
export type BuildTimes = { astroSeconds: number; searchSeconds: number };

const ROOT = new URL('../../', import.meta.url).pathname;
const bin = (name: string) => `${ROOT}node_modules/.bin/${name}`;

export async function buildSite({ contentDir, outDir, quiet = false, env = process.env }: BuildOptions): Promise<BuildTimes> {
  const content = resolve(contentDir);
  const site = resolve(outDir);
  const buildEnv = { ...env, VITRINE_CONTENT_DIR: content, VITRINE_OUT_DIR: site };
  // Beside the site, not in it: astro build empties its output folder when it starts.
  const searchDir = `${site}.pagefind-${process.pid}`;
  try {
    const [astro, search] = await Promise.allSettled([
      timed(() => run(bin('astro'), ['build', '--silent'], buildEnv, quiet, 'astro build')),
      timed(() => writeSearchIndex({ contentDir: content, outputPath: searchDir, onProgress: quiet ? undefined : progress('Search index') })),
    ]);
    if (astro.status === 'rejected') throw astro.reason;
    if (search.status === 'rejected') throw new Error(`Search index failed: ${(search.reason as Error).message}`, { cause: search.reason });
    renameSync(searchDir, join(site, 'pagefind'));
    return { astroSeconds: astro.value, searchSeconds: search.value };
  } finally {
    rmSync(searchDir, { recursive: true, force: true });
  }
}

async function timed(work: () => Promise<unknown>): Promise<number> {
  const started = performance.now();
  await work();
  return (performance.now() - started) / 1000;
}

function run(command: string, args: string[], env: NodeJS.ProcessEnv, quiet: boolean, label: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd: ROOT, env, stdio: quiet ? ['ignore', 'pipe', 'pipe'] : 'inherit' });
    let output = '';
    child.stdout?.on('data', (chunk) => (output += chunk));
    child.stderr?.on('data', (chunk) => (output += chunk));
    child.on('error', reject);
    child.on('exit', (code) =>
      code === 0 ? resolve() : reject(new Error(`${label} failed (exit ${code})${output ? `:\n${output.slice(-4000)}` : ''}`)),
    );
  });
}
