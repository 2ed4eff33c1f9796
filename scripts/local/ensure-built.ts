// Builds the site only when something it is made from changed since the last build: the exported
// content, the pages, or the dependencies. A restart with nothing new serves at once.
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { CONTENT_FILES } from '../../src/lib/catalogue-files.ts';
import { buildAndSwap, currentSiteTarget } from './site-link.ts';

const ROOT = new URL('../../', import.meta.url).pathname;
// The site also reads code under functions/: the signup page uses the registration schema and its
// messages, the search index the HTML escaping of functions/_shared/respond.ts.
const INPUTS = ['src', 'public', 'functions', 'astro.config.mjs', 'package-lock.json', 'scripts/publish/build-site.ts', 'scripts/publish/search-index.ts'];
// Settings the build reads: a site built for another address or sign-in is another site.
const BUILD_SETTINGS = ['SITE_URL', 'PUBLIC_SUPABASE_URL', 'PUBLIC_SUPABASE_ANON_KEY'];

export async function ensureBuilt({ contentDir, buildsDir, siteLink }: { contentDir: string; buildsDir: string; siteLink: string }): Promise<boolean> {
  const digest = siteFingerprint(contentDir);
  const current = currentSiteTarget(siteLink);
  if (current && existsSync(join(current, '.vitrine-build')) && readFileSync(join(current, '.vitrine-build'), 'utf8') === digest) {
    console.log('Site unchanged since the last build.');
    return false;
  }
  const started = performance.now();
  console.log('Building the site (astro build, and the Pagefind search index beside it)…');
  await buildAndSwap({ contentDir, buildsDir, siteLink, stamp: digest });
  console.log(`Built in ${((performance.now() - started) / 1000).toFixed(1)} s.`);
  return true;
}

/** What the site is made from: the pages, the dependencies, the exported content and the build settings. */
export function siteFingerprint(contentDir: string, env: NodeJS.ProcessEnv = process.env): string {
  const hash = createHash('sha256');
  const visit = (base: string, name: string) => {
    const path = join(base, name);
    if (!existsSync(path)) return;
    if (statSync(path).isDirectory()) for (const entry of readdirSync(path).sort()) visit(base, join(name, entry));
    else hash.update(name).update(contentOf(path));
  };
  for (const input of INPUTS) visit(ROOT, input);
  for (const file of Object.values(CONTENT_FILES)) visit(contentDir, file);
  for (const name of BUILD_SETTINGS) hash.update(`${name}=${env[name] ?? ''}\n`);
  return hash.digest('hex');
}

/** A file as the build sees it: the export's timestamp changes on every export, the site does not. */
function contentOf(path: string): Buffer | string {
  if (!path.endsWith(CONTENT_FILES.reference)) return readFileSync(path);
  const { exportedAt: _, ...reference } = JSON.parse(readFileSync(path, 'utf8'));
  return JSON.stringify(reference);
}
