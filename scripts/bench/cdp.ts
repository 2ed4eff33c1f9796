// The DevTools protocol over Chromium's debugging port, for what Playwright does not offer: slowing
// a page's CPU *and its workers'* (Emulation.setCPUThrottlingRate on each target, the workers
// reached by auto-attaching to the page), and their JS heaps. Node's own WebSocket; flat sessions.
type Message = { id?: number; method?: string; params?: Record<string, unknown>; sessionId?: string; result?: unknown; error?: { message: string } };

export async function connectCdp(port: number) {
  const version = (await (await fetch(`http://127.0.0.1:${port}/json/version`)).json()) as { webSocketDebuggerUrl: string };
  const ws = new WebSocket(version.webSocketDebuggerUrl);
  await new Promise((resolve, reject) => ((ws.onopen = resolve), (ws.onerror = reject)));
  let next = 1;
  const waiting = new Map<number, { resolve: (v: unknown) => void; reject: (e: Error) => void }>();
  const listeners = new Set<(m: Message) => void>();
  ws.onmessage = (event) => {
    const message = JSON.parse(String(event.data)) as Message;
    if (message.id !== undefined) {
      const w = waiting.get(message.id);
      waiting.delete(message.id);
      if (message.error) w?.reject(new Error(message.error.message));
      else w?.resolve(message.result);
    } else for (const listener of listeners) listener(message);
  };
  const send = <T = Record<string, unknown>>(method: string, params: Record<string, unknown> = {}, sessionId?: string): Promise<T> => {
    const id = next++;
    ws.send(JSON.stringify({ id, method, params, ...(sessionId ? { sessionId } : {}) }));
    return new Promise((resolve, reject) => waiting.set(id, { resolve: resolve as (v: unknown) => void, reject }));
  };

  return {
    /**
     * Slows the most recently opened page, and every worker it starts from now on, `rate` times,
     * and samples their JS heaps every 200 ms. The page must be open (about:blank) before its navigation.
     */
    async throttlePage(rate: number) {
      const { targetInfos } = await send<{ targetInfos: Array<{ targetId: string; type: string; url: string }> }>('Target.getTargets');
      const page = targetInfos.filter((t) => t.type === 'page' && t.url === 'about:blank').at(-1);
      if (!page) throw new Error('cdp: no blank page to throttle');
      const { sessionId } = await send<{ sessionId: string }>('Target.attachToTarget', { targetId: page.targetId, flatten: true });
      const sessions = new Map<string, 'page' | 'worker'>([[sessionId, 'page']]);
      const peaks = new Map<string, number>();
      const unsupported: string[] = [];
      listeners.add((m) => {
        if (m.method !== 'Target.attachedToTarget' || m.sessionId !== sessionId) return;
        const child = m.params as { sessionId: string; targetInfo: { type: string } };
        void (async () => {
          if (child.targetInfo.type === 'worker') {
            sessions.set(child.sessionId, 'worker');
            await send('Emulation.setCPUThrottlingRate', { rate }, child.sessionId).catch((e: Error) => unsupported.push(e.message));
          }
          await send('Runtime.runIfWaitingForDebugger', {}, child.sessionId).catch(() => {});
        })();
      });
      await send('Emulation.setCPUThrottlingRate', { rate }, sessionId);
      await send('Target.setAutoAttach', { autoAttach: true, waitForDebuggerOnStart: true, flatten: true }, sessionId);
      const sample = async () => {
        for (const id of sessions.keys()) {
          const usage = await send<{ usedSize: number }>('Runtime.getHeapUsage', {}, id).catch(() => null);
          if (usage) peaks.set(id, Math.max(peaks.get(id) ?? 0, usage.usedSize));
        }
      };
      const timer = setInterval(() => void sample(), 200);
      return {
        /** Peak used JS heap (bytes) of the page and of its workers (summed), since throttling began. */
        async heapUsage() {
          await sample();
          clearInterval(timer);
          if (unsupported.length) console.warn(`Worker CPU throttling refused: ${unsupported[0]}`);
          let pageBytes = 0;
          let workers = 0;
          for (const [id, kind] of sessions) if (kind === 'page') pageBytes += peaks.get(id) ?? 0; else workers += peaks.get(id) ?? 0;
          return { page: pageBytes, workers, workerThrottled: unsupported.length === 0 };
        },
      };
    },
    close: () => ws.close(),
  };
}
