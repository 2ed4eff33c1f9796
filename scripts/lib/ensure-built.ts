// Builds the site only when something it is made from changed since the last build: the exported
// content, the pages, or the dependencies. A restart with nothing new serves at once.
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { buildAndSwap, currentSiteTarget } from './site-link.ts';

const ROOT = new URL('../../', import.meta.url).pathname;
const INPUTS = ['src', 'public', 'astro.config.mjs', 'package-lock.json', 'pagefind.yml'];

export async function ensureBuilt({ contentDir, buildsDir, siteLink }: { contentDir: string; buildsDir: string; siteLink: string }): Promise<boolean> {
  const digest = fingerprint([...INPUTS.map((p) => join(ROOT, p)), join(contentDir, 'merchants.json'), join(contentDir, 'reference.json')]);
  const current = currentSiteTarget(siteLink);
  if (current && existsSync(join(current, '.vitrine-build')) && readFileSync(join(current, '.vitrine-build'), 'utf8') === digest) {
    console.log('Site unchanged since the last build.');
    return false;
  }
  const started = performance.now();
  console.log('Building the site (astro build, then the Pagefind search index)…');
  await buildAndSwap({ contentDir, buildsDir, siteLink, stamp: digest });
  console.log(`Built in ${((performance.now() - started) / 1000).toFixed(1)} s.`);
  return true;
}

function fingerprint(paths: string[]): string {
  const hash = createHash('sha256');
  const visit = (path: string) => {
    if (!existsSync(path)) return;
    const stat = statSync(path);
    if (stat.isDirectory()) for (const entry of readdirSync(path).sort()) visit(join(path, entry));
    else hash.update(path).update(readFileSync(path));
  };
  paths.forEach(visit);
  return hash.digest('hex');
}
