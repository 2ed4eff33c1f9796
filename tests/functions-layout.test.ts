// Netlify deploys every function it finds in functions/: only handlers may look like one.
import { readFileSync } from 'node:fs';
import { listFunctions } from '@netlify/zip-it-and-ship-it';
import { describe, expect, it } from 'vitest';

const FUNCTIONS = new URL('../functions/', import.meta.url).pathname;

describe('functions folder', () => {
  it('holds only endpoints, each routed under /api/, and no test or helper is deployed as a function', async () => {
    const found = await listFunctions([FUNCTIONS]);
    expect(found.length).toBeGreaterThan(0);
    for (const fn of found) {
      expect(fn.mainFile, fn.name).not.toMatch(/\.test\.ts$|_shared/);
      expect(readFileSync(fn.mainFile, 'utf8'), fn.name).toMatch(/export const config[^=]*=\s*\{\s*path:\s*'\/api\//);
    }
    expect(found.map((f) => f.name)).toContain('health');
  });
});
