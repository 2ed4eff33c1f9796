// Serves function handlers (the default export of functions/*/*.ts, `(req: Request) => Response`)
// from plain node:http servers, for benchmarks. `npm start` serves them through Netlify's local
// runtime, which builds a worker per call and runs one call per function at a time: right for
// checking behaviour, wrong for measuring throughput. Here each instance is a worker thread with
// its own HTTP server and database pool, as Netlify runs concurrent calls in separate instances.
import { Worker } from 'node:worker_threads';

/** Route path → module whose default export handles it: { '/api/register': '/…/functions/register/register.ts' }. */
export type HandlerModules = Record<string, string>;
export type ServedHandlers = { urls: string[]; close: () => Promise<void> };

/**
 * serveHandlers({ '/api/register': registerFile }, { instances: 2 }) → { urls: ['http://127.0.0.1:41235', …], close }
 * Each instance reads process.env as it is when this is called (DATABASE_URL, secrets).
 */
export async function serveHandlers(routes: HandlerModules, { instances = 1 }: { instances?: number } = {}): Promise<ServedHandlers> {
  const workers: Worker[] = [];
  const urls: string[] = [];
  try {
    for (let i = 0; i < instances; i++) {
      const worker = new Worker(new URL('./handler-instance.ts', import.meta.url), { workerData: { routes } });
      workers.push(worker);
      urls.push(await new Promise<string>((resolve, reject) => {
        worker.once('message', (message: { url: string }) => resolve(message.url));
        worker.once('error', reject);
        worker.once('exit', (code) => reject(new Error(`Handler instance exited (code ${code}) before it listened`)));
      }));
    }
  } catch (error) {
    await Promise.all(workers.map((w) => w.terminate()));
    throw error;
  }
  return {
    urls,
    close: async () => {
      await Promise.all(workers.map((worker) => new Promise<void>((resolve) => {
        worker.once('exit', () => resolve());
        worker.postMessage('close');
      })));
    },
  };
}
