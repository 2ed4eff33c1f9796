// Netlify's own local runtime (@netlify/dev) serving the functions, as `npm start` did before it had
// its own server: each call built into a worker, one call per function at a time. Kept for two
// comparisons with scripts/local/http-server.ts: that a handler answers the same through both
// (functions/_shared/local-runtime.test.ts), and how much faster the local server is
// (npm run bench:api). The handlers run in worker threads that read DATABASE_URL at each call: an
// embedded PGlite is served to them over the Postgres protocol (./embedded-server.ts).
import { cpSync, mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';

const ROOT = resolve(new URL('../../', import.meta.url).pathname);

export type NetlifyRuntime = { url: string; close: () => Promise<void> };

/** Netlify's runtime on a free port, serving functions/ and an empty site, with the functions' env as it is now. */
export async function startNetlifyRuntime(): Promise<NetlifyRuntime> {
  const { NetlifyDev } = await import('@netlify/dev');
  const project = projectOfFunctions();
  const netlify = new NetlifyDev({
    projectRoot: project,
    skipGitignore: true,
    // Offline: nothing that calls Netlify's cloud.
    edgeFunctions: { enabled: false },
    geolocation: { enabled: false },
    environmentVariables: { enabled: false },
    blobs: { enabled: false },
    images: { enabled: false },
    aiGateway: { enabled: false },
    database: { enabled: false },
    functions: { enabled: true },
    headers: { enabled: true },
    redirects: { enabled: true },
    staticFiles: { enabled: true },
  } as never);
  await netlify.start();
  // @netlify/dev builds a function into a folder per request and deletes it when that request ends;
  // two concurrent calls to one function can then run a deleted build: calls to one function wait
  // for each other, as `npm start` made them.
  const queues = new Map<string, Promise<unknown>>();
  const oneAtATime = <T>(key: string, work: () => Promise<T>): Promise<T> => {
    const run = (queues.get(key) ?? Promise.resolve()).then(work, work);
    const settled = run.catch(() => {});
    queues.set(key, settled);
    void settled.then(() => queues.get(key) === settled && queues.delete(key));
    return run;
  };
  const respond = async (req: IncomingMessage, res: ServerResponse) => {
    const match = await netlify.handleAndIntrospectNodeRequest(req, {});
    const response = match?.response ?? new Response('Not found', { status: 404 });
    res.writeHead(response.status, Object.fromEntries(response.headers));
    if (response.body && req.method !== 'HEAD') await pipeline(Readable.fromWeb(response.body as never), res);
    else res.end();
  };
  const server = createServer((req, res) => {
    const path = (req.url ?? '/').split('?')[0]!;
    oneAtATime(path, () => respond(req, res)).catch((error: unknown) => {
      console.error('[netlify-runtime]', error);
      if (!res.headersSent) res.writeHead(500);
      res.end();
    });
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', () => done()));
  const { port } = server.address() as { port: number };
  return {
    url: `http://127.0.0.1:${port}`,
    close: async () => {
      server.closeAllConnections();
      await new Promise((done) => server.close(done));
      await netlify.stop();
      // The copy and Netlify's builds in it: about 20 MB a start.
      rmSync(project, { recursive: true, force: true });
    },
  };
}

// Netlify's tooling insists that the functions lie inside the project and writes into it: a
// project of its own, with copies of our netlify.toml and functions (its bundler cannot follow a
// linked functions folder), our node_modules, and an empty site.
function projectOfFunctions(): string {
  const root = mkdtempSync(join(tmpdir(), 'vitrine-netlify-'));
  cpSync(join(ROOT, 'netlify.toml'), join(root, 'netlify.toml'));
  cpSync(join(ROOT, 'functions'), join(root, 'functions'), { recursive: true, filter: (path) => !path.endsWith('.test.ts') });
  cpSync(join(ROOT, 'src/i18n'), join(root, 'src/i18n'), { recursive: true });
  cpSync(join(ROOT, 'src/lib'), join(root, 'src/lib'), { recursive: true });
  symlinkSync(join(ROOT, 'node_modules'), join(root, 'node_modules'));
  mkdirSync(join(root, 'dist'));
  writeFileSync(join(root, 'dist/index.html'), '<!doctype html><title>Vitrine</title>');
  return root;
}
