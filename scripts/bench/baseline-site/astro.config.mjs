// The benchmark's baseline: the same merchants, each on a page with one paragraph, nothing else.
import { defineConfig } from 'astro/config';

export default defineConfig({
  outDir: process.env.VITRINE_OUT_DIR ?? './dist',
  build: { format: 'directory' },
  logLevel: 'warn',
});
