// Runs the static build (astro build, then Pagefind) for a content folder into an output folder.
import { spawn } from 'node:child_process';

export type BuildOptions = { contentDir: string; outDir: string; quiet?: boolean; env?: NodeJS.ProcessEnv };

const ROOT = new URL('../../', import.meta.url).pathname;
const bin = (name: string) => `${ROOT}node_modules/.bin/${name}`;

export async function buildSite({ contentDir, outDir, quiet = false, env = process.env }: BuildOptions): Promise<void> {
  const buildEnv = { ...env, VITRINE_CONTENT_DIR: contentDir, VITRINE_OUT_DIR: outDir };
  await run(bin('astro'), ['build', '--silent'], buildEnv, quiet, 'astro build');
  await run(bin('pagefind'), ['--site', outDir, '--silent'], buildEnv, quiet, 'pagefind');
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
