// GET /api/health: is the site up, and does the database answer? 503 `unavailable` when it does not.
import type { Config } from '@netlify/functions';
import { asUser } from '../_shared/as-user.ts';
import { database } from '../_shared/db.ts';
import { handler } from '../_shared/handler.ts';
import { json, reject } from '../_shared/respond.ts';
import { emptyQuery } from '../_shared/schema-parts.ts';

export const config: Config = { path: '/api/health' };

export default handler({
  name: 'health',
  methods: ['GET'],
  query: emptyQuery,
  run: async () => {
    const started = performance.now();
    try {
      const db = await database();
      const [row] = await asUser(db, null, (tx) => tx.query<{ approved: number }>('select count(*)::int as approved from public.catalogue'));
      const latencyMs = Math.round(performance.now() - started);
      return json({ status: 'ok', database: { kind: db.kind, reachable: true, latencyMs }, approvedMerchants: row!.approved });
    } catch (error) {
      console.error('[health]', error);
      return reject('unavailable', 'Database unreachable.', { status: 'degraded', database: { reachable: false } });
    }
  },
});
