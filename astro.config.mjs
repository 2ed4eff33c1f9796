// @ts-check
import netlify from '@astrojs/netlify';
import { defineConfig } from 'astro/config';

// Canonical, hreflang and Open Graph URLs must be absolute, so the site's public address is needed.
// A production deploy without it would publish links to localhost: stop instead.
if (process.env.CONTEXT === 'production' && !process.env.SITE_URL) {
  throw new Error('SITE_URL must be set for a production build (the public address of the site, e.g. https://vitrine.quebec), because canonical and Open Graph URLs are absolute.');
}
const site = process.env.SITE_URL ?? 'http://localhost:8888';
const outDir = process.env.VITRINE_OUT_DIR ?? 'dist';

export default defineConfig({
  site,
  outDir,
  // Every page is prerendered: the adapter only writes _redirects and .netlify/v1/config.json, no server
  // function, so /api/* stays with the functions in functions/.
  output: 'static',
  adapter: netlify(),
  trailingSlash: 'always',
  build: {
    format: 'directory',
    // The CSP (netlify.toml) has style-src 'self' and script-src 'self': no inline <style> or <script>.
    inlineStylesheets: 'never',
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
