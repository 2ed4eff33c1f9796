// Keeps the deploy fully static. @astrojs/netlify 8 always writes a catch-all SSR function
// (.netlify/v1/functions/ssr, path "/*", preferStatic) because it never tells Astro its output is
// static, even when every page is prerendered. Such a function would answer every URL that has no
// file, /api/* included, in competition with our functions in functions/. This integration fails the
// build if a page is not prerendered, and otherwise deletes that function once the adapter wrote it.
import { rm } from 'node:fs/promises';
import type { AstroIntegration } from 'astro';

export function staticOnly(): AstroIntegration {
  let root: URL;
  let onDemand: string[] = [];
  return {
    name: 'vitrine:static-only',
    hooks: {
      'astro:config:done': ({ config }) => {
        root = config.root;
      },
      'astro:routes:resolved': ({ routes }) => {
        onDemand = routes.filter((r) => r.origin === 'project' && !r.isPrerendered).map((r) => r.pattern);
      },
      // Runs after the adapter's own build:done hook: the adapter is always the first integration.
      'astro:build:done': async ({ logger }) => {
        if (onDemand.length > 0) {
          throw new Error(`Every page must be prerendered, but these are on demand: ${onDemand.join(', ')}.`);
        }
        await rm(new URL('.netlify/v1/functions/ssr/', root), { recursive: true, force: true });
        logger.info('Removed the adapter’s catch-all SSR function: the site is fully static.');
      },
    },
  };
}
