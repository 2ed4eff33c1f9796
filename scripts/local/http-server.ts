// The local web server: Netlify's own emulator (@netlify/dev) answers every request the way Netlify
// does in production (static files from the publish folder, functions under /api/*, headers and
// redirects from netlify.toml); this file only binds it to a port and adds the 404 page.
import { cpSync, existsSync, mkdtempSync, readFileSync, symlinkSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { pipeline } from 'node:stream/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { Readable } from 'node:stream';
import { ConfigurationError } from '../../functions/_shared/db.ts';

const ROOT = resolve(new URL('../../', import.meta.url).pathname);

export type RunningServer = { url: string; server: Server; close: () => Promise<void> };

export async function startHttpServer({ port, outDir = join(ROOT, 'dist'), host = '127.0.0.1' }: { port: number; outDir?: string; host?: string }): Promise<RunningServer> {
  const { NetlifyDev } = await import('@netlify/dev');
  const netlify = new NetlifyDev({
    projectRoot: projectRootServing(resolve(outDir)),
    skipGitignore: true,
    // Offline: nothing that calls Netlify's cloud (edge functions fetch Deno, geolocation and
    // environment variables call the API).
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
  });
  await netlify.start();

  // @netlify/dev 5.1.3 builds a function into a folder per request and deletes it when that request
  // ends; two concurrent calls to one function can then run a deleted build and fail. Calls to the
  // same function wait for each other; different functions and static files still run in parallel.
  const queues = new Map<string, Promise<unknown>>();
  const oneAtATime = <T>(key: string, work: () => Promise<T>): Promise<T> => {
    const run = (queues.get(key) ?? Promise.resolve()).then(work, work);
    const settled = run.catch(() => {});
    queues.set(key, settled);
    settled.then(() => queues.get(key) === settled && queues.delete(key));
    return run;
  };

  const server = createServer(async (req, res) => {
    const path = (req.url ?? '/').split('?')[0];
    await (path.startsWith('/api/') ? oneAtATime(path, () => respond(req, res)) : respond(req, res));
  });

  async function respond(req: IncomingMessage, res: ServerResponse): Promise<void> {
    try {
      const headers: Array<[string, string]> = [];
      const match = await netlify.handleAndIntrospectNodeRequest(req, { headersCollector: (k: string, v: string) => headers.push([k, v]) });
      const response = match?.response ?? notFound(outDir);
      for (const [key, value] of headers) if (!response.headers.has(key)) response.headers.set(key, value);
      res.writeHead(response.status, Object.fromEntries(response.headers));
      if (response.body && req.method !== 'HEAD') await pipeline(Readable.fromWeb(response.body as never), res);
      else res.end();
    } catch (error) {
      // The browser went away mid-answer (a page left while loading): nothing to report.
      if ((error as NodeJS.ErrnoException).code === 'ERR_STREAM_PREMATURE_CLOSE' || req.destroyed) return;
      console.error('[server]', error);
      if (!res.headersSent) res.writeHead(500, { 'content-type': 'text/plain; charset=utf-8' });
      res.end('Internal error');
    }
  }
  await new Promise<void>((done, fail) => {
    server.once('error', (error: NodeJS.ErrnoException) =>
      fail(error.code === 'EADDRINUSE' ? new ConfigurationError(`Port ${port} is already in use: set PORT to a free port.`) : error),
    );
    server.listen(port, host, () => done());
  });
  const address = server.address();
  const actualPort = typeof address === 'object' && address ? address.port : port;
  return {
    url: `http://localhost:${actualPort}`,
    server,
    close: async () => {
      await new Promise((done) => server.close(done));
      await netlify.stop();
    },
  };
}

function notFound(outDir: string): Response {
  // Like Netlify: one 404.html for every unknown address, which speaks both languages.
  const page = join(outDir, '404.html');
  const body = existsSync(page) ? readFileSync(page) : 'Page introuvable / Page not found';
  return new Response(body, { status: 404, headers: { 'content-type': 'text/html; charset=utf-8' } });
}

// Netlify reads the publish folder from netlify.toml and insists that it and the functions lie
// inside the project. To serve another folder (a test build), make a project of links: our
// netlify.toml and functions (Netlify's bundler cannot follow a linked functions folder), and
// `dist` pointing at that folder.
function projectRootServing(outDir: string): string {
  if (outDir === join(ROOT, 'dist')) return ROOT;
  const root = mkdtempSync(join(tmpdir(), 'vitrine-site-'));
  // Copies, not links: Netlify's tooling writes into the project (it once replaced a linked
  // package.json with its own).
  cpSync(join(ROOT, 'netlify.toml'), join(root, 'netlify.toml'));
  cpSync(join(ROOT, 'functions'), join(root, 'functions'), { recursive: true, filter: (path) => !path.endsWith('.test.ts') });
  symlinkSync(join(ROOT, 'node_modules'), join(root, 'node_modules'));
  symlinkSync(outDir, join(root, 'dist'));
  return root;
}
