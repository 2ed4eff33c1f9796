// The scheduled rebuild-hook function, run by Netlify's local runtime as Netlify runs it, on each
// database. A node:http server stands in for Netlify's build hook endpoint: the function makes real
// HTTP calls to it, and it records them.
import { createServer, type Server } from 'node:http';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { postJson, registerDirectly, startApi, type Api } from '../../tests/support/api.ts';
import { databaseKinds } from '../../tests/support/test-database.ts';

type HookCall = { method: string; path: string; title: string | null; body: string };

/** A stand-in for https://api.netlify.com/build_hooks/<id>: records each call, answers `status`. */
async function startBuildHook(): Promise<{ url: string; calls: HookCall[]; answer: (status: number) => void; close: () => Promise<void> }> {
  const calls: HookCall[] = [];
  let status = 200;
  const server: Server = createServer((req, res) => {
    let body = '';
    req.on('data', (chunk) => (body += chunk));
    req.on('end', () => {
      const url = new URL(req.url ?? '/', 'http://hook');
      calls.push({ method: req.method ?? '', path: url.pathname, title: url.searchParams.get('trigger_title'), body });
      res.writeHead(status).end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  return {
    url: `http://127.0.0.1:${port}/build_hooks/5c23354f454e1350f8543e78`,
    calls,
    answer: (next) => (status = next),
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

/** A port nothing listens on: one the system just gave out and took back. */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise((resolve) => server.close(resolve));
  return port;
}

describe.each(databaseKinds())('rebuild-hook (scheduled) on %s', (kind) => {
  let api: Api;
  let hook: Awaited<ReturnType<typeof startBuildHook>>;
  let moderator: string;
  const saved = process.env.NETLIFY_BUILD_HOOK_URL;

  /** What Netlify does every minute: invoke the function with the next run in the body. */
  const runSchedule = async () => {
    const response = await fetch(`${api.url}/.netlify/functions/rebuild-hook`, {
      method: 'POST',
      body: JSON.stringify({ next_run: new Date(Date.now() + 60_000).toISOString() }),
    });
    return { status: response.status, body: await response.json() };
  };
  const requests = () =>
    api.db.query<{ id: number; built_at: Date | null; failed_at: Date | null; last_error: string | null }>(
      'select id::int, built_at, failed_at, last_error from public.rebuild_requests order by id',
    );
  /** One approval through the moderation API: one rebuild request. */
  const approveOne = async () => {
    const { id } = await registerDirectly(api.db);
    const response = await postJson(`${api.url}/api/moderation/decide`, { ids: [id], decision: 'approve' }, { authorization: `Bearer ${moderator}` });
    expect(response.status).toBe(200);
  };
  /** Time passes: the burst of approvals has settled (no request in the last 30 seconds). */
  const burstSettles = () => api.db.query(`update public.rebuild_requests set requested_at = requested_at - interval '1 minute'`);

  beforeAll(async () => {
    api = await startApi(kind);
    hook = await startBuildHook();
    moderator = await api.token({ role: 'moderator' });
  });
  afterAll(async () => {
    await hook?.close();
    await api?.stop();
  });
  beforeEach(async () => {
    hook.calls.length = 0;
    hook.answer(200);
    await api.db.query('delete from public.rebuild_requests');
  });
  afterEach(() => {
    if (saved === undefined) delete process.env.NETLIFY_BUILD_HOOK_URL;
    else process.env.NETLIFY_BUILD_HOOK_URL = saved;
  });

  it('does nothing without NETLIFY_BUILD_HOOK_URL, and leaves the requests open', async () => {
    delete process.env.NETLIFY_BUILD_HOOK_URL;
    await approveOne();
    await burstSettles();
    expect(await runSchedule()).toEqual({ status: 200, body: { status: 'disabled' } });
    expect(hook.calls).toEqual([]);
    expect((await requests()).map((r) => r.built_at)).toEqual([null]);
  });

  it('waits while a burst of approvals goes on, then calls the build hook once for the whole burst', async () => {
    process.env.NETLIFY_BUILD_HOOK_URL = hook.url;
    for (let i = 0; i < 3; i++) await approveOne();
    expect(await runSchedule()).toEqual({ status: 200, body: { status: 'idle' } });
    expect(hook.calls).toEqual([]);

    await burstSettles();
    expect(await runSchedule()).toEqual({ status: 200, body: { status: 'requested', requests: 3 } });
    expect(hook.calls).toEqual([
      { method: 'POST', path: '/build_hooks/5c23354f454e1350f8543e78', title: 'Vitrine: publish approvals (3 rebuild request(s))', body: '{}' },
    ]);
    const done = await requests();
    expect(done).toHaveLength(3);
    for (const r of done) expect(r).toMatchObject({ built_at: expect.any(Date), failed_at: null, last_error: null });

    // Nothing open: the next minute calls nobody.
    expect(await runSchedule()).toEqual({ status: 200, body: { status: 'idle' } });
    expect(hook.calls).toHaveLength(1);
  });

  it('keeps the requests open with the error when the hook fails, and a later run publishes them', async () => {
    process.env.NETLIFY_BUILD_HOOK_URL = hook.url;
    await approveOne();
    await approveOne();
    await burstSettles();
    hook.answer(500);
    expect(await runSchedule()).toEqual({
      status: 502,
      body: { status: 'failed', requests: 2, error: 'Build hook answered 500' },
    });
    for (const r of await requests()) expect(r).toMatchObject({ built_at: null, failed_at: expect.any(Date), last_error: 'Build hook answered 500' });

    hook.answer(200);
    expect(await runSchedule()).toEqual({ status: 200, body: { status: 'requested', requests: 2 } });
    expect(hook.calls).toHaveLength(2);
    for (const r of await requests()) expect(r).toMatchObject({ built_at: expect.any(Date), failed_at: null, last_error: null });
  });

  it('records an unreachable hook the same way, without its secret URL', async () => {
    await approveOne();
    await burstSettles();
    process.env.NETLIFY_BUILD_HOOK_URL = `http://127.0.0.1:${await closedPort()}/build_hooks/5c23354f454e1350f8543e78`;
    const { status, body } = await runSchedule();
    expect(status).toBe(502);
    expect(body.error).toBe('Build hook unreachable (ECONNREFUSED)');
    const [open] = await requests();
    expect(open).toMatchObject({ built_at: null, last_error: body.error });
    expect(open!.last_error).not.toContain('5c23354f');
  });
});
