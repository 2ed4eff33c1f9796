// @ts-check
import { staticNetlify } from './src/integrations/static-netlify.ts';
import { defineConfig } from 'astro/config';
import { acquireBuildLock } from './src/integrations/build-lock.ts';

// Canonical, hreflang and Open Graph URLs must be absolute, so the site's public address is needed.
// A production deploy without it would publish links to localhost: stop instead.
if (process.env.CONTEXT === 'production' && !process.env.SITE_URL) {
  throw new Error('SITE_URL must be set for a production build (the public address of the site, e.g. https://vitrine.quebec), because canonical and Open Graph URLs are absolute.');
}
const site = process.env.SITE_URL ?? 'http://localhost:8888';
if (!URL.canParse(site) || !/^https?:$/.test(new URL(site).protocol)) {
  throw new Error(`SITE_URL must be an absolute http(s) address such as https://vitrine.quebec, not "${site}".`);
}
const outDir = process.env.VITRINE_OUT_DIR ?? 'dist';

// Builds in one checkout share .netlify/build/ and node_modules/.astro/, so they take turns
// (see src/integrations/build-lock.ts). `astro dev`, `check` and `sync` do not wait.
if (process.argv.slice(2).includes('build')) {
  await acquireBuildLock(new URL('./node_modules/.astro/build-lock', import.meta.url).pathname);
}

export default defineConfig({
  site,
  outDir,
  // Every page is prerendered, and the adapter is declared static (src/integrations/static-netlify.ts):
  // no catch-all SSR function competes with the functions in functions/ for /api/*.
  output: 'static',
  adapter: staticNetlify(),
  trailingSlash: 'always',
  build: {
    format: 'directory',
    // The CSP (netlify.toml) has style-src 'self' and script-src 'self': no inline <style> or <script>.
    inlineStylesheets: 'never',
    // Four pages in flight let rendering overlap the file writes: 20,000 merchants (42,000 pages) built
    // in 39–57 s instead of 62–65 s with Astro's default of 1 on a 2-core machine.
    concurrency: 4,
  },
  vite: {
    // Astro inlines a small bundled <script> when it is under this limit; 0 keeps every script a file.
    build: { assetsInlineLimit: 0 },
  },
  i18n: {
    defaultLocale: 'fr',
    locales: ['fr', 'en'],
    routing: { prefixDefaultLocale: false },
  },
  devToolbar: { enabled: false },
});
