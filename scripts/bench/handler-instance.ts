// One handler instance for serve-handlers.ts, in its worker thread: imports the handler modules,
// serves them over HTTP on a free loopback port, and says which. 'close' ends it, database pool too.
import { createServer, type IncomingMessage } from 'node:http';
import { parentPort, workerData } from 'node:worker_threads';
import { database } from '../../functions/_shared/db.ts';
import type { HandlerModules } from './serve-handlers.ts';

type Handler = (req: Request) => Response | Promise<Response>;

const routes: Record<string, Handler> = {};
for (const [path, file] of Object.entries((workerData as { routes: HandlerModules }).routes)) {
  routes[path] = ((await import(file)) as { default: Handler }).default;
}

const server = createServer(async (req, res) => {
  try {
    const url = new URL(req.url ?? '/', `http://${req.headers.host ?? '127.0.0.1'}`);
    const handler = routes[url.pathname];
    const response = handler ? await handler(await toRequest(req, url)) : new Response('Not found', { status: 404 });
    // Answers here are small JSON documents: sent whole, with their length, in one write (as
    // Netlify sends a buffered function response), not streamed in chunks.
    const body = req.method === 'HEAD' ? Buffer.alloc(0) : Buffer.from(await response.arrayBuffer());
    const headers = Object.fromEntries(response.headers);
    delete headers['transfer-encoding'];
    res.writeHead(response.status, { ...headers, 'content-length': String(body.byteLength) });
    res.end(body);
  } catch (error) {
    console.error('[handler-instance]', error);
    if (!res.headersSent) res.writeHead(500, { 'content-type': 'text/plain; charset=utf-8' });
    res.end('Internal error');
  }
});
// Keep-alive connections from the load generator must not be cut between two requests.
server.keepAliveTimeout = 60_000;
server.listen(0, '127.0.0.1', () => {
  const { port } = server.address() as { port: number };
  parentPort!.postMessage({ url: `http://127.0.0.1:${port}` });
});

parentPort!.on('message', async (message) => {
  if (message !== 'close') return;
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
  await (await database().catch(() => null))?.close();
  process.exit(0);
});

/** The request as a handler receives it; the body is read first (requests here are a few KB). */
async function toRequest(req: IncomingMessage, url: URL): Promise<Request> {
  const headers = new Headers();
  for (const [name, value] of Object.entries(req.headers)) {
    if (Array.isArray(value)) for (const v of value) headers.append(name, v);
    else if (value !== undefined) headers.set(name, value);
  }
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  const hasBody = req.method !== 'GET' && req.method !== 'HEAD';
  return new Request(url, { method: req.method, headers, body: hasBody ? Buffer.concat(chunks) : undefined });
}
