// The local web server of `npm start` and of the tests: the static site from the publish folder and
// the functions under /api/*, on one port, as Netlify serves them in production.
// - Functions are the real handler modules (functions/<name>/<name>.ts), called in this process with
//   Netlify's Functions v2 contract: a web Request, a context whose `ip` is the socket's address,
//   a web Response. Calls run concurrently (on PostgreSQL, in parallel; PGlite runs one query at a
//   time), and a request body is streamed to the handler, which stops reading at its size limit: a
//   200 MB body costs no memory, and a slow client holds up nobody else.
//   (Netlify's own local runtime, @netlify/dev, builds a worker per call and runs one call per
//   function at a time: 1 to 8 s a call; functions/_shared/local-runtime.test.ts checks that a
//   handler answers the same through both.)
// - Static files come from the publish folder with the security headers of every page
//   (functions/_shared/security-headers.ts, also written into the site's _headers for Netlify), a
//   folder's index.html for its path, and the bilingual 404.html for anything unknown.
import { createReadStream, existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { extname, join, normalize, resolve } from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { ConfigurationError } from '../../functions/_shared/db.ts';
import type { PlatformContext } from '../../functions/_shared/handler.ts';
import { API_HEADERS, IMMUTABLE_ASSETS, isImmutableAsset, pageHeaders, supabaseOrigin } from '../../functions/_shared/security-headers.ts';
import { matchRedirect, parseRedirects, type RedirectRule } from '../publish/redirects.ts';

const ROOT = resolve(new URL('../../', import.meta.url).pathname);
const FUNCTIONS_DIR = join(ROOT, 'functions');

type Handler = (req: Request, context?: PlatformContext) => Promise<Response> | Response;
export type RunningServer = { url: string; server: Server; close: () => Promise<void> };

/**
 * The routes of functions/: each folder's main module at its `config.path`, and every one (scheduled
 * ones too, which have no path) at /.netlify/functions/<name>, where Netlify's local tools let a
 * developer invoke it by hand.
 */
export async function loadRoutes(dir = FUNCTIONS_DIR): Promise<Map<string, Handler>> {
  const routes = new Map<string, Handler>();
  for (const name of readdirSync(dir).filter((n) => !n.startsWith('_')).sort()) {
    const file = join(dir, name, `${name}.ts`);
    if (!existsSync(file)) continue;
    const module = (await import(file)) as { default: Handler; config?: { path?: string | string[] } };
    for (const path of [module.config?.path ?? []].flat()) routes.set(path, module.default);
    routes.set(`/.netlify/functions/${name}`, module.default);
  }
  return routes;
}

export type ServerOptions = {
  port: number;
  outDir?: string;
  host?: string;
  /**
   * For load benchmarks only: a request header that names the client's address, as Netlify's edge
   * names it to a function (context.ip), so that one machine can stand for many clients. Without
   * it, as for `npm start` and the tests, the address is the socket's and no header can change it.
   */
  clientAddressHeader?: string;
};

export async function startHttpServer({ port, outDir = join(ROOT, 'dist'), host = '127.0.0.1', clientAddressHeader }: ServerOptions): Promise<RunningServer> {
  const routes = await loadRoutes();
  const site = resolve(outDir);
  const server = createServer((req, res) => {
    const path = new URL(req.url ?? '/', 'http://localhost').pathname;
    const handler = routes.get(path);
    const ip = (clientAddressHeader && req.headers[clientAddressHeader]?.toString()) || socketAddress(req);
    const answer = handler ? callFunction(handler, req, res, ip) : path.startsWith('/api/') ? sendApiNotFound(res) : serveStatic(site, path, req, res);
    answer.catch((error: unknown) => {
      // The browser went away mid-answer (a page left while loading): nothing to report.
      if ((error as NodeJS.ErrnoException).code === 'ERR_STREAM_PREMATURE_CLOSE' || req.destroyed) return;
      console.error('[server]', error);
      if (!res.headersSent) res.writeHead(500, { 'content-type': 'text/plain; charset=utf-8', ...API_HEADERS });
      res.end('Internal error');
    });
  });
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
      server.closeAllConnections();
      await new Promise((done) => server.close(done));
    },
  };
}

/** One function call: the request as a web Request whose body streams from the socket. */
async function callFunction(handler: Handler, req: IncomingMessage, res: ServerResponse, ip: string | undefined): Promise<void> {
  const body = requestBody(req);
  const request = new Request(new URL(req.url ?? '/', `http://${req.headers.host ?? 'localhost'}`), {
    method: req.method,
    headers: headersOf(req),
    body: body?.stream,
    // Node's fetch requires saying that a streamed body is sent while the answer may come.
    ...(body ? { duplex: 'half' } : {}),
  } as RequestInit);
  const response = await handler(request, { ip });
  // A handler that stopped reading at its limit answers before the rest arrives: the connection is
  // closed after the answer, so the rest is never read.
  const unread = body !== undefined && !body.finished();
  const headers = Object.fromEntries(response.headers);
  res.writeHead(response.status, unread ? { ...headers, connection: 'close' } : headers);
  if (response.body && req.method !== 'HEAD') await pipeline(Readable.fromWeb(response.body as never), res);
  else res.end();
  if (unread) req.socket.destroy();
}

/**
 * The request body as a web stream that reads the socket only as fast as the handler does, and stops
 * when the handler cancels it (past its limit): nothing more is buffered. undefined without a body.
 */
function requestBody(req: IncomingMessage): { stream: ReadableStream<Uint8Array>; finished: () => boolean } | undefined {
  if (req.method === 'GET' || req.method === 'HEAD') return undefined;
  let finished = false;
  const stream = new ReadableStream<Uint8Array>({
    start(controller) {
      req.on('data', (chunk: Buffer) => {
        controller.enqueue(new Uint8Array(chunk.buffer, chunk.byteOffset, chunk.byteLength));
        if ((controller.desiredSize ?? 0) <= 0) req.pause();
      });
      req.on('end', () => {
        finished = true;
        controller.close();
      });
      req.on('error', (error) => controller.error(error));
      req.pause();
    },
    pull() {
      req.resume();
    },
    cancel() {
      req.pause();
      req.removeAllListeners('data');
    },
  }, { highWaterMark: 64 * 1024, size: (chunk) => chunk.byteLength });
  return { stream, finished: () => finished };
}

function headersOf(req: IncomingMessage): Headers {
  const headers = new Headers();
  for (const [name, value] of Object.entries(req.headers)) {
    if (Array.isArray(value)) for (const v of value) headers.append(name, v);
    else if (value !== undefined) headers.set(name, value);
  }
  return headers;
}

/** The peer's address as Netlify reports it: 127.0.0.1, not ::ffff:127.0.0.1. */
function socketAddress(req: IncomingMessage): string | undefined {
  return req.socket.remoteAddress?.replace(/^::ffff:/, '');
}

async function sendApiNotFound(res: ServerResponse): Promise<void> {
  res.writeHead(404, { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store', ...API_HEADERS });
  res.end(JSON.stringify({ error: 'not_found', message: 'Introuvable. / Not found.' }));
}

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8', '.css': 'text/css; charset=utf-8', '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8', '.json': 'application/json; charset=utf-8', '.svg': 'image/svg+xml',
  '.png': 'image/png', '.jpg': 'image/jpeg', '.jpeg': 'image/jpeg', '.webp': 'image/webp', '.ico': 'image/x-icon',
  '.woff2': 'font/woff2', '.wasm': 'application/wasm', '.txt': 'text/plain; charset=utf-8', '.xml': 'application/xml',
  '.webmanifest': 'application/manifest+json',
};

/** A file of the site, its folder's index.html, a redirect to the folder's address, or the 404 page. */
async function serveStatic(site: string, path: string, req: IncomingMessage, res: ServerResponse): Promise<void> {
  if (req.method !== 'GET' && req.method !== 'HEAD') {
    res.writeHead(405, { allow: 'GET, HEAD', ...pageHeaders(supabaseOrigin()) });
    return void res.end();
  }
  let decoded: string;
  try {
    decoded = decodeURIComponent(path);
  } catch {
    return sendPage(site, '404.html', 404, req, res);
  }
  const file = normalize(join(site, decoded));
  if (!file.startsWith(site)) return sendPage(site, '404.html', 404, req, res);
  const stat = statSync(file, { throwIfNoEntry: false });
  if (stat?.isDirectory()) {
    // Like Netlify: a folder's address ends with a slash, and serves its index.html.
    if (!path.endsWith('/')) {
      const query = (req.url ?? '').slice(path.length);
      res.writeHead(301, { location: `${path}/${query}`, ...pageHeaders(supabaseOrigin()) });
      return void res.end();
    }
    if (existsSync(join(file, 'index.html'))) return sendPage(site, join(decoded, 'index.html'), 200, req, res);
  } else if (stat?.isFile()) {
    return sendPage(site, decoded, 200, req, res);
  }
  // Like Netlify: a page that moved answers with its _redirects rule.
  const moved = matchRedirect(redirectRules(site), path);
  if (moved) {
    const url = req.url ?? '';
    const query = url.includes('?') ? url.slice(url.indexOf('?')) : '';
    res.writeHead(moved.status, { location: moved.location + query, ...pageHeaders(supabaseOrigin()) });
    return void res.end();
  }
  return sendPage(site, '404.html', 404, req, res);
}

/** The site's _redirects rules, read again when a rebuild changed the file. */
const redirectCache = new Map<string, { mtimeMs: number; rules: RedirectRule[] }>();
function redirectRules(site: string): RedirectRule[] {
  const file = join(site, '_redirects');
  const mtimeMs = statSync(file, { throwIfNoEntry: false })?.mtimeMs ?? 0;
  const cached = redirectCache.get(site);
  if (cached?.mtimeMs === mtimeMs) return cached.rules;
  const rules = mtimeMs ? parseRedirects(readFileSync(file, 'utf8')) : [];
  redirectCache.set(site, { mtimeMs, rules });
  return rules;
}

async function sendPage(site: string, relative: string, status: number, req: IncomingMessage, res: ServerResponse): Promise<void> {
  const file = join(site, relative);
  if (!existsSync(file)) {
    // No site built yet (the handler tests serve an almost empty folder): the 404 in both languages.
    res.writeHead(404, { 'content-type': 'text/html; charset=utf-8', ...pageHeaders(supabaseOrigin()) });
    return void res.end('Page introuvable / Page not found');
  }
  const immutable = isImmutableAsset(`/${relative.replace(/^\/+/, '')}`);
  const cache = immutable ? IMMUTABLE_ASSETS.headers : { 'cache-control': 'public, max-age=0, must-revalidate' };
  res.writeHead(status, {
    'content-type': TYPES[extname(file).toLowerCase()] ?? 'application/octet-stream',
    'content-length': String(statSync(file).size),
    ...cache,
    ...pageHeaders(supabaseOrigin()),
  });
  if (req.method === 'HEAD') return void res.end();
  await pipeline(createReadStream(file), res);
}
