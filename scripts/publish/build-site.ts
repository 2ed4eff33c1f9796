// Builds the static site for a content folder into an output folder: `astro build` renders the pages
// while the search indexes, French then English, are built from the same content
// (scripts/publish/search-index.ts) on the other core (the English one after Astro for a large
// catalogue, for memory); the indexes are moved into the site once all are done.
import { spawn } from 'node:child_process';
import { copyFileSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { headersFile, supabaseOrigin } from '../../functions/_shared/security-headers.ts';
import { CONTENT_FILES, readReference } from '../../src/lib/catalogue-files.ts';
import { redirectsFile } from './redirects.ts';
import { robotsTxt, sitemapFiles, sitemapUrls, type SitemapMerchant } from './sitemap.ts';
import { pageSize } from '../../src/lib/page-size.ts';
import { LOCAL_SITE_URL } from '../../functions/_shared/site-url.ts';
import { writeSearchIndex } from './search-index.ts';
import { MAP_FOLDER, MAP_MANIFEST, writeMapData } from './map-data.ts';
import { MAP_MANIFEST_CONTENT } from '../../src/lib/map-manifest.ts';
import { tilesOrigin } from '../../src/lib/map-settings.ts';
import { progress } from '../lib/progress.ts';

export type BuildOptions = { contentDir: string; outDir: string; quiet?: boolean; env?: NodeJS.ProcessEnv };
export type BuildTimes = { astroSeconds: number; searchSeconds: number; englishSearchSeconds: number };

// A large catalogue is indexed for memory, a smaller one for time. Up to this many merchants the
// records reach Pagefind as a folder and the English index follows the French one beside Astro;
// beyond, one message each, and the English index waits for Astro. At 100,000 merchants the first
// way took the build to 7.4–7.5 GB, past the 6 GiB a build may use (docs/benchmarks.md).
const LARGE_CATALOGUE = 50_000;

const ROOT = new URL('../../', import.meta.url).pathname;
const bin = (name: string) => `${ROOT}node_modules/.bin/${name}`;

export async function buildSite({ contentDir, outDir, quiet = false, env = process.env }: BuildOptions): Promise<BuildTimes> {
  const site = resolve(outDir);
  // Beside the site, not in it: astro build empties its output folder when it starts.
  const work = `${site}.building-${process.pid}`;
  const searchDir = join(work, 'pagefind');
  // Both sides read one copy of the export: `astro build` may wait for the build lock while the
  // running server exports again, and the index and the pages must come from the same export.
  const content = join(work, 'content');
  mkdirSync(content, { recursive: true });
  for (const file of Object.values(CONTENT_FILES)) copyFileSync(join(resolve(contentDir), file), join(content, file));
  // The map's data first (a second or two at 100,000 merchants): the map page names its files.
  const mapFiles = join(work, 'map');
  const map = writeMapData(content, mapFiles);
  writeFileSync(join(content, MAP_MANIFEST_CONTENT), JSON.stringify(map));
  const small = map.count + map.withoutPoint <= LARGE_CATALOGUE;
  const through = small ? 'folder' : 'messages';
  // A larger young generation for Astro, which allocates each page's strings and drops them: with V8's
  // default, garbage collection was 37 s of a 215 s profile at 100,000 merchants; with 64 MB, 27 s and
  // 23 s less CPU, but 1 GB more memory; 32 MB keeps the whole build's peak at 5.0 GB (docs/benchmarks.md).
  const nodeOptions = [env.NODE_OPTIONS, '--max-semi-space-size=32'].filter(Boolean).join(' ');
  const buildEnv = { ...env, NODE_OPTIONS: nodeOptions, VITRINE_CONTENT_DIR: content, VITRINE_OUT_DIR: site };
  // When one side fails, the other stops: a refused configuration must not wait for minutes of indexing.
  const stop = new AbortController();
  const orStop = (side: Promise<number>) => side.catch((error: unknown) => (stop.abort(), Promise.reject(error)));
  try {
    const english = () => timed(() => writeSearchIndex({
      contentDir: content, outputPath: `${searchDir}-en`, locale: 'en', through, signal: stop.signal, onProgress: quiet ? undefined : progress('Search index (en)'),
    }));
    let englishSeconds = 0;
    const [astro, search] = await Promise.allSettled([
      orStop(timed(() => run(bin('astro'), ['build', '--silent'], buildEnv, quiet, 'astro build', stop.signal))),
      orStop(timed(async () => {
        await writeSearchIndex({ contentDir: content, outputPath: searchDir, through, signal: stop.signal, onProgress: quiet ? undefined : progress('Search index (fr)') });
        if (small) englishSeconds = await english();
      })),
    ]);
    // Errors name the content folder given, not the copy; the side that was stopped is not the cause.
    const named = (error: unknown) => String((error as Error)?.message ?? error).replaceAll(content, resolve(contentDir));
    const stopped = (error: unknown) => (error as Error)?.name === 'AbortError';
    if (astro.status === 'rejected' && !stopped(astro.reason)) throw new Error(named(astro.reason), { cause: astro.reason });
    if (search.status === 'rejected') throw new Error(`Search index failed: ${named(search.reason)}`, { cause: search.reason });
    if (astro.status === 'rejected') throw astro.reason;
    if (!small) englishSeconds = await english();
    renameSync(searchDir, join(site, 'pagefind'));
    mkdirSync(join(site, MAP_FOLDER, '..'), { recursive: true });
    renameSync(join(mapFiles, MAP_FOLDER), join(site, MAP_FOLDER));
    renameSync(join(mapFiles, MAP_MANIFEST), join(site, MAP_MANIFEST));
    renameSync(`${searchDir}-en`, join(site, 'pagefind-en'));
    // Netlify applies the headers of _headers to the files it serves (functions add their own).
    writeFileSync(join(site, '_headers'), headersFile(supabaseOrigin(env), tilesOrigin(env)));
    writeFileSync(join(site, '_redirects'), redirectsFile((await readReference(content)).townRedirects));
    writeSitemap(content, site, env);
    return { astroSeconds: astro.value, searchSeconds: search.value - (small ? englishSeconds : 0), englishSearchSeconds: englishSeconds };
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

/** sitemap.xml (or its index and parts) and robots.txt, from the export, on the configured site address. */
function writeSitemap(content: string, site: string, env: NodeJS.ProcessEnv): void {
  const address = env.SITE_URL ?? LOCAL_SITE_URL;
  // Only the fields the sitemap names: 100,000 merchants are read without their schema's checks,
  // which the pages' build already makes.
  const merchants = JSON.parse(readFileSync(join(content, CONTENT_FILES.merchants), 'utf8')) as SitemapMerchant[];
  for (const file of sitemapFiles(address, sitemapUrls(merchants, pageSize(env)))) writeFileSync(join(site, file.name), file.xml);
  writeFileSync(join(site, 'robots.txt'), robotsTxt(address));
}

async function timed(work: () => Promise<unknown>): Promise<number> {
  const started = performance.now();
  await work();
  return (performance.now() - started) / 1000;
}

function run(command: string, args: string[], env: NodeJS.ProcessEnv, quiet: boolean, label: string, signal: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    // On abort, Node ends the child and rejects with an AbortError.
    const child = spawn(command, args, { cwd: ROOT, env, signal, stdio: quiet ? ['ignore', 'pipe', 'pipe'] : 'inherit' });
    let output = '';
    child.stdout?.on('data', (chunk) => (output += chunk));
    child.stderr?.on('data', (chunk) => (output += chunk));
    child.on('error', reject);
    child.on('exit', (code) =>
      code === 0 ? resolve() : reject(new Error(`${label} failed (exit ${code})${output ? `:\n${output.slice(-4000)}` : ''}`)),
    );
  });
}
