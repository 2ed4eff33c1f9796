// Local stand-in for Netlify's build hook: watches public.rebuild_requests and, after a burst of
// approvals has settled, exports and builds the site once, then swaps it in. The last good site is
// served meanwhile and kept when a build fails. Requests live in the database, so an approval made
// while no builder runs is published by the next one.
import type { Database } from '../../functions/_shared/db.ts';
import { CONTENT_DIR, exportCatalogue } from '../publish/export-catalogue.ts';
import { siteFingerprint } from './ensure-built.ts';
import { buildAndSwap } from './site-link.ts';

export type RebuilderOptions = {
  db: Database;
  buildsDir: string;
  siteLink: string;
  contentDir?: string;
  /** Wait this long after the last request before building, so a burst makes one build (ms). */
  quietMs?: number;
  /** …but never delay the first request of a burst longer than this (ms). */
  maxDelayMs?: number;
  pollMs?: number;
  /** After a failed build, wait this long before trying again (ms). */
  retryMs?: number;
  env?: NodeJS.ProcessEnv;
  log?: (line: string) => void;
};

export type Rebuilder = { stop: () => Promise<void>; builds: () => number };

type OpenRequests = { last_id: string | null; first_at: Date | null; last_at: Date | null; failed_at: Date | null };

export function startRebuilder(options: RebuilderOptions): Rebuilder {
  const { db, buildsDir, siteLink, contentDir = CONTENT_DIR, quietMs = 2000, maxDelayMs = 20_000, pollMs = 500, retryMs = 60_000, env = process.env, log = console.log } = options;
  let running = true;
  let builds = 0;
  let wake: () => void = () => {};

  const loop = (async () => {
    while (running) {
      try {
        const [open] = await db.query<OpenRequests>(
          `select max(id)::text as last_id, min(requested_at) as first_at, max(requested_at) as last_at, max(failed_at) as failed_at
           from public.rebuild_requests where built_at is null`,
        );
        if (open.last_id && isDue(open, Date.now(), { quietMs, maxDelayMs, retryMs })) {
          await rebuild(open.last_id);
          continue;
        }
      } catch (error) {
        log(`Rebuild watcher: ${(error as Error).message}`);
      }
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, pollMs);
        wake = () => (clearTimeout(timer), resolve());
      });
    }
  })();

  async function rebuild(lastId: string): Promise<void> {
    const started = performance.now();
    log(`Rebuilding the site for publications (approvals, members’ edits) up to request #${lastId}…`);
    try {
      const exported = await exportCatalogue(db, { outDir: contentDir });
      // Stamped like a start-up build, so that the next `npm start` serves this site at once.
      await buildAndSwap({ contentDir, buildsDir, siteLink, quiet: true, env, stamp: siteFingerprint(contentDir, env) });
      await db.query(
        'update public.rebuild_requests set built_at = now(), failed_at = null, last_error = null where id <= $1 and built_at is null',
        [lastId],
      );
      builds += 1;
      log(`Site rebuilt with ${exported.written} merchants in ${((performance.now() - started) / 1000).toFixed(1)} s.`);
    } catch (error) {
      const message = (error as Error).message.slice(0, 4000);
      log(`Rebuild failed; still serving the last good site. ${message}`);
      await db.query('update public.rebuild_requests set failed_at = now(), last_error = $2 where id <= $1 and built_at is null', [lastId, message]);
    }
  }

  return {
    builds: () => builds,
    stop: async () => {
      running = false;
      wake();
      await loop;
    },
  };
}

/** A burst is due once it has been quiet for quietMs, or has waited maxDelayMs; a failure waits retryMs. */
export function isDue(open: OpenRequests, now: number, { quietMs, maxDelayMs, retryMs }: { quietMs: number; maxDelayMs: number; retryMs: number }): boolean {
  if (open.failed_at && now - new Date(open.failed_at).getTime() < retryMs && new Date(open.last_at!).getTime() <= new Date(open.failed_at).getTime()) return false;
  return now - new Date(open.last_at!).getTime() >= quietMs || now - new Date(open.first_at!).getTime() >= maxDelayMs;
}
