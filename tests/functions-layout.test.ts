// Netlify deploys every function it finds in functions/: only handlers may look like one.
import { listFunctions } from '@netlify/zip-it-and-ship-it';
import { describe, expect, it } from 'vitest';

const FUNCTIONS = new URL('../functions/', import.meta.url).pathname;

describe('functions folder', () => {
  it('holds only endpoints routed under /api/, the status and account editor pages and scheduled functions; no test or helper is deployed as a function', async () => {
    // parseISC: read each file's `config` export the way Netlify's build does.
    const found = await listFunctions([FUNCTIONS], { parseISC: true });
    expect(found.length).toBeGreaterThan(0);
    for (const fn of found) {
      expect(fn.mainFile, fn.name).not.toMatch(/\.test\.ts$|_shared/);
      const paths = (fn.routes ?? []).map((route) => route.pattern);
      if (fn.schedule) expect(paths, `${fn.name} runs on a schedule: no route`).toEqual([]);
      else {
        expect(paths.length, `${fn.name} has config.path or config.schedule`).toBeGreaterThan(0);
        // The one page a function renders: an applicant's status (the site holds only its template).
        if (fn.name === 'registration-status-page') expect(paths.sort()).toEqual(['/en/status/', '/statut/']);
        // And the merchant space's editor, for a merchant without JavaScript.
        else if (fn.name === 'account-page') expect(paths.sort()).toEqual(['/compte/modifier/', '/en/account/edit/']);
        else for (const path of paths) expect(path, fn.name).toMatch(/^\/api\//);
      }
    }
    expect(found.map((f) => f.name)).toContain('health');
    expect(found.find((f) => f.name === 'rebuild-hook')?.schedule).toBe('* * * * *');
    expect(found.find((f) => f.name === 'send-notices')?.schedule).toBe('* * * * *');
  });
});
