// Scheduled on Netlify every minute: publishes approvals in production. Approvals ask for a rebuild
// (public.rebuild_requests); once a burst of them has settled, one POST to the site's build hook
// (NETLIFY_BUILD_HOOK_URL) starts one build for all of them. When the hook refuses or does not
// answer, the requests stay open with the error and the next run tries again: no approval is lost.
// Without NETLIFY_BUILD_HOOK_URL it does nothing (locally, `npm start` rebuilds by itself).
import type { Config } from '@netlify/functions';
import { asRole } from '../_shared/as-user.ts';
import { database } from '../_shared/db.ts';
import { internalError, json } from '../_shared/respond.ts';

export const config: Config = { schedule: '* * * * *' };

// Scheduled functions get 30 s in all; the hook answers in well under a second when it is up.
const HOOK_TIMEOUT_MS = 10_000;

type Claimed = { ids: number[]; count: number; firstRequestedAt: string; lastRequestedAt: string };

export default async (): Promise<Response> => {
  const hook = buildHookUrl(process.env.NETLIFY_BUILD_HOOK_URL);
  if (hook === 'unset') {
    console.log('[rebuild-hook] NETLIFY_BUILD_HOOK_URL is not set: no build requested.');
    return json({ status: 'disabled' });
  }
  if (hook === 'invalid') {
    console.error('[rebuild-hook] NETLIFY_BUILD_HOOK_URL is not an http(s) URL: no build requested.');
    return json({ status: 'misconfigured' }, 500);
  }
  try {
    const db = await database();
    // One transaction: the claimed requests stay locked while the hook is called, then are settled.
    const outcome = await asRole(db, 'vitrine_builder', {}, async (tx) => {
      const [{ open }] = await tx.query<{ open: Claimed | null }>('select public.claim_rebuild_requests() as open');
      if (!open) return { status: 'idle' as const };
      const error = await callBuildHook(hook, open.count);
      await tx.query('select public.settle_rebuild_requests($1::bigint[], $2)', [open.ids, error]);
      return error ? { status: 'failed' as const, requests: open.count, error } : { status: 'requested' as const, requests: open.count };
    });
    if (outcome.status === 'requested') console.log(`[rebuild-hook] Build requested for ${outcome.requests} rebuild request(s).`);
    if (outcome.status === 'failed') console.error(`[rebuild-hook] ${outcome.error}; ${outcome.requests} request(s) stay open for the next run.`);
    return json(outcome, outcome.status === 'failed' ? 502 : 200);
  } catch (error) {
    return internalError('rebuild-hook', error);
  }
};

/** The hook's URL, or why there is none. The URL is a secret (it starts builds): it is never logged. */
function buildHookUrl(value: string | undefined): URL | 'unset' | 'invalid' {
  if (!value?.trim()) return 'unset';
  try {
    const url = new URL(value.trim());
    return url.protocol === 'https:' || url.protocol === 'http:' ? url : 'invalid';
  } catch {
    return 'invalid';
  }
}

/** POSTs to the build hook (Netlify's form: an empty JSON body); null when it accepted, else what went wrong. */
async function callBuildHook(hook: URL, requests: number): Promise<string | null> {
  const url = new URL(hook);
  // The title Netlify shows for the deploy.
  url.searchParams.set('trigger_title', `Vitrine: publish approvals (${requests} rebuild request(s))`);
  try {
    const response = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{}',
      signal: AbortSignal.timeout(HOOK_TIMEOUT_MS),
    });
    await response.body?.cancel();
    return response.ok ? null : `Build hook answered ${response.status}`;
  } catch (error) {
    // The error code (ECONNREFUSED, ENOTFOUND, TimeoutError…), never the URL, which holds the secret.
    const cause = (error as { cause?: { code?: string; message?: string } }).cause;
    return `Build hook unreachable (${cause?.code ?? cause?.message ?? (error as Error).name})`;
  }
}
