import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['**/*.test.ts'],
    exclude: ['node_modules/**', 'dist/**', '.netlify/**', 'tmp/**'],
    // Builds and browsers are slow on a 2-core machine; no test asserts on time.
    testTimeout: 60_000,
    hookTimeout: 240_000,
    // A browser waits on Pagefind and on searches run one after another: the 1 s default is
    // shorter than a busy CI machine needs (CI once failed on it, the page was right 2 s later).
    expect: { poll: { timeout: 15_000 } },
    pool: 'forks',
    fileParallelism: true,
    maxWorkers: 2,
  },
});
