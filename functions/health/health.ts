// GET /api/health: is the site up, and does the database answer?
import type { Config } from '@netlify/functions';
import { database } from '../_shared/db.ts';
import { asUser } from '../_shared/as-user.ts';
import { json, methodNotAllowed, reject } from '../_shared/respond.ts';

export const config: Config = { path: '/api/health' };

export default async (req: Request): Promise<Response> => {
  if (req.method !== 'GET' && req.method !== 'HEAD') return methodNotAllowed(['GET']);
  const started = performance.now();
  try {
    const db = await database();
    const [row] = await asUser(db, null, (tx) =>
      tx.query<{ approved: number }>('select count(*)::int as approved from public.catalogue'),
    );
    return json({ status: 'ok', database: { kind: db.kind, reachable: true, latencyMs: Math.round(performance.now() - started) }, approvedMerchants: row.approved });
  } catch (error) {
    console.error('[health]', error);
    return reject('unavailable', 'Database unreachable.', { status: 'degraded', database: { reachable: false } });
  }
};
