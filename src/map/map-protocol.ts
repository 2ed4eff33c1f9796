// The messages between the map's page and its worker (map-worker.ts). Every request has an id its
// answer repeats, so the page can drop answers to requests a newer one replaced.

/**
 * What the map shows: one category or all, one way to buy or all (`way`: its index in WAYS of
 * src/lib/ways-to-buy.ts), and only the shops open at `openAt` (ms since 1970) when set.
 */
export type Filter = { category?: string; way?: number; openAt?: number };

export type Place = { lat: number; lng: number };

/**
 * A cluster, shops that share one point (a town's reference point: listed from it, never stacked
 * out of reach), or a single shop to draw. A point's id is its index in the data file.
 */
export type Marker =
  | { kind: 'cluster'; id: number; count: number; lat: number; lng: number }
  | { kind: 'stack'; ids: number[]; count: number; lat: number; lng: number; approximate: boolean }
  | { kind: 'point'; id: number; count: 1; lat: number; lng: number; approximate: boolean; category: string };

/** A shop in the list or a popup; `km` from the shopper or the map's centre. */
export type ListEntry = {
  id: number; name: string; slug: string; town: string; category: string; approximate: boolean; lat: number; lng: number; km?: number;
};

export type MapRequest =
  | { type: 'load'; id: number; url: string }
  | { type: 'clusters'; id: number; bbox: [west: number, south: number, east: number, north: number]; zoom: number; filter: Filter }
  /** `index`: the one the cluster came from (the clusters answer's). */
  | { type: 'leaves'; id: number; cluster: number; index: number; from?: Place }
  | { type: 'expand'; id: number; cluster: number; index: number }
  | { type: 'entries'; id: number; ids: number[]; from?: Place }
  | { type: 'nearest'; id: number; bbox: [number, number, number, number]; from: Place; limit: number; filter: Filter };

export type MapResponse =
  | { type: 'loaded'; id: number; count: number; categories: string[] }
  | { type: 'clusters'; id: number; markers: Marker[]; matching: number; index: number }
  | { type: 'leaves'; id: number; entries: ListEntry[] }
  | { type: 'expand'; id: number; zoom: number }
  | { type: 'nearest'; id: number; entries: ListEntry[] }
  | { type: 'entries'; id: number; entries: ListEntry[] }
  | { type: 'error'; id: number; message: string };

/** A promise per request: send(request) resolves with the worker's answer to it. */
export function workerClient(worker: Worker) {
  let next = 1;
  const waiting = new Map<number, { resolve: (r: MapResponse) => void; reject: (e: Error) => void }>();
  worker.onmessage = (event: MessageEvent<MapResponse & { cpuMs?: number }>) => {
    // The worker's own CPU time for the request, for scripts/bench/bench-map.ts (Chromium cannot slow a worker down).
    if (event.data.cpuMs) performance.mark('vitrine:worker', { detail: event.data.cpuMs });
    const pending = waiting.get(event.data.id);
    if (!pending) return;
    waiting.delete(event.data.id);
    if (event.data.type === 'error') pending.reject(new Error(event.data.message));
    else pending.resolve(event.data);
  };
  return function send<T extends MapResponse['type']>(request: DistributiveOmit<MapRequest, 'id'>): Promise<Extract<MapResponse, { type: T }>> {
    const id = next++;
    return new Promise((resolve, reject) => {
      waiting.set(id, { resolve: resolve as (r: MapResponse) => void, reject });
      worker.postMessage({ ...request, id });
    });
  };
}

type DistributiveOmit<T, K extends keyof T> = T extends unknown ? Omit<T, K> : never;
