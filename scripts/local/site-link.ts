// The served site is a link (dist → .data/builds/<id>/site) so that a new build replaces the old one
// in a single rename: a request sees the old site or the new one, never half of each.
import { existsSync, lstatSync, mkdirSync, readdirSync, readlinkSync, renameSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { buildSite } from '../publish/build-site.ts';

/** Where `npm start` keeps its builds, .data/builds/ (VITRINE_BUILDS_DIR elsewhere, for tests). */
export function startBuildsDir(): string {
  return process.env.VITRINE_BUILDS_DIR ?? new URL('../../.data/builds', import.meta.url).pathname;
}

/** Points `link` at `target` atomically. A real folder in the way (a manual `npm run build`) is moved aside. */
export function swapSiteLink(link: string, target: string): void {
  if (existsSync(link) && !lstatSync(link).isSymbolicLink()) renameSync(link, `${link}.manual-${Date.now()}`);
  const temporary = join(dirname(link), `.${basename(link)}.next`);
  rmSync(temporary, { force: true });
  symlinkSync(target, temporary);
  renameSync(temporary, link);
}

export function currentSiteTarget(link: string): string | undefined {
  try {
    return lstatSync(link).isSymbolicLink() ? readlinkSync(link) : undefined;
  } catch {
    return undefined;
  }
}

/** Removes old builds, keeping the `keep` newest and the one the link points at. */
export function pruneBuilds(buildsDir: string, link: string, keep = 2): void {
  if (!existsSync(buildsDir)) return;
  const current = currentSiteTarget(link);
  const builds = readdirSync(buildsDir).sort().reverse();
  for (const name of builds.slice(keep)) {
    const dir = join(buildsDir, name);
    if (current?.startsWith(dir)) continue;
    rmSync(dir, { recursive: true, force: true });
  }
}

/**
 * Builds the content into a new folder under buildsDir, then points the link at it and prunes old
 * builds. `stamp`, when given, is written into the build so a later start can tell it is current.
 */
export async function buildAndSwap({ contentDir, buildsDir, siteLink, quiet = false, env, stamp }: {
  contentDir: string; buildsDir: string; siteLink: string; quiet?: boolean; env?: NodeJS.ProcessEnv; stamp?: string;
}): Promise<string> {
  const site = join(buildsDir, new Date().toISOString().replace(/[:.]/g, '-'), 'site');
  mkdirSync(site, { recursive: true });
  await buildSite({ contentDir, outDir: site, quiet, env });
  if (stamp !== undefined) writeFileSync(join(site, '.vitrine-build'), stamp);
  swapSiteLink(siteLink, site);
  pruneBuilds(buildsDir, siteLink);
  return site;
}
