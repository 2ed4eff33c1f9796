// @astrojs/netlify, declared as a static adapter. Every Vitrine page is prerendered, but the adapter
// never tells Astro so (its adapterFeatures have no `buildOutput`), and Astro then builds in server
// mode: server entrypoints, then a catch-all SSR function (.netlify/v1/functions/ssr, path "/*")
// bundled with esbuild and traced with nft. That function would answer every URL without a file,
// /api/* included, in competition with the functions in functions/; and it cost about 13 CPU-seconds
// of every build. Declaring `buildOutput: 'static'` is the adapter API's own way to say "this
// deploy has no server": Astro builds statically, the adapter writes its _redirects, headers and
// image settings and no SSR function, and a page that is not prerendered fails the build (Astro's
// own check for static adapters).
import { rmdir } from 'node:fs/promises';
import netlify from '@astrojs/netlify';
import type { AstroIntegration } from 'astro';

type ConfigDone = NonNullable<AstroIntegration['hooks']['astro:config:done']>;
type ConfigDoneParams = Parameters<ConfigDone>[0];

export function staticNetlify(options?: Parameters<typeof netlify>[0]): AstroIntegration {
  const adapter = netlify(options);
  const configDone = adapter.hooks['astro:config:done'];
  if (!configDone) throw new Error('@astrojs/netlify no longer has an astro:config:done hook; review src/integrations/static-netlify.ts.');
  let root: URL;
  adapter.hooks['astro:config:done'] = (params: ConfigDoneParams) => {
    root = params.config.root;
    // A prototype link, not a copy, so that `buildOutput` stays Astro's live getter.
    const staticParams: ConfigDoneParams = Object.create(params, {
      setAdapter: {
        value: (settings: Parameters<ConfigDoneParams['setAdapter']>[0]) =>
          params.setAdapter({ ...settings, adapterFeatures: { ...settings.adapterFeatures, buildOutput: 'static' } }),
      },
    });
    return configDone(staticParams);
  };
  // The adapter empties its function folders when the build starts, which leaves them behind, empty.
  // rmdir, not rm: a folder the adapter did fill is a function that should not exist, and stays there
  // for the test that guards /api/* (tests/site/static-site.test.ts) to find.
  const buildDone = adapter.hooks['astro:build:done'];
  adapter.hooks['astro:build:done'] = async (params) => {
    await buildDone?.(params);
    for (const folder of ['.netlify/v1/functions/ssr/', '.netlify/v1/edge-functions/middleware/']) {
      await rmdir(new URL(folder, root)).catch(() => undefined);
    }
  };
  return adapter;
}
