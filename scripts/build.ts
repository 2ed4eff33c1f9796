// npm run build — the static site from content/ into dist/: pages by Astro, the search index by
// Pagefind, side by side (scripts/lib/build-site.ts). --content and --out choose other folders
// (the benchmark uses them). Last line: key=value timings.
import { parseArgs } from 'node:util';
import { buildSite } from './lib/build-site.ts';
import { runCommand } from './lib/run-command.ts';

runCommand(async () => {
  const { values } = parseArgs({ options: { content: { type: 'string', default: 'content' }, out: { type: 'string', default: 'dist' } } });
  const { astroSeconds, searchSeconds } = await buildSite({ contentDir: values.content, outDir: values.out });
  console.log(`Built ${values.out}/ from ${values.content}/: astro build ${astroSeconds.toFixed(1)} s, search index ${searchSeconds.toFixed(1)} s, side by side.`);
  console.log(`astro_s=${astroSeconds.toFixed(1)} search_s=${searchSeconds.toFixed(1)}`);
});
