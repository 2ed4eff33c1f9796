// npm run build — the static site from content/ into dist/: pages by Astro, the search index by
// Pagefind, side by side (scripts/publish/build-site.ts). --content and --out choose other folders
// (the benchmark uses them). Last line: key=value timings.
import { lstatSync, realpathSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { buildSite } from './build-site.ts';
import { siteFingerprint } from '../local/ensure-built.ts';
import { runCommand } from '../lib/run-command.ts';
import { buildAndSwap, startBuildsDir } from '../local/site-link.ts';

runCommand(async () => {
  const { values } = parseArgs({ options: { content: { type: 'string', default: 'content' }, out: { type: 'string', default: 'dist' } } });
  const out = resolve(values.out);
  if (servedByStart(out)) {
    // dist/ is the site `npm start` serves, a link into .data/builds/. Building into it would change
    // the served site file by file; build a new one beside it and switch the link in one rename.
    const started = performance.now();
    const site = await buildAndSwap({ contentDir: values.content, buildsDir: startBuildsDir(), siteLink: out, stamp: siteFingerprint(values.content) });
    console.log(`Built ${site} from ${values.content}/ in ${((performance.now() - started) / 1000).toFixed(1)} s; ${values.out}/ now points to it.`);
    return;
  }
  const { astroSeconds, searchSeconds, englishSearchSeconds } = await buildSite({ contentDir: values.content, outDir: out });
  console.log(`Built ${values.out}/ from ${values.content}/: astro build ${astroSeconds.toFixed(1)} s, the French search index ${searchSeconds.toFixed(1)} s beside it, the English one ${englishSearchSeconds.toFixed(1)} s.`);
  console.log(`astro_s=${astroSeconds.toFixed(1)} search_s=${searchSeconds.toFixed(1)} search_en_s=${englishSearchSeconds.toFixed(1)}`);
});

/** True when `path` is a link to one of npm start's builds (.data/builds/<id>/site), the only links replaced. */
function servedByStart(path: string): boolean {
  try {
    return lstatSync(path).isSymbolicLink() && realpathSync(path).startsWith(`${realpathSync(startBuildsDir())}/`);
  } catch {
    return false;
  }
}
