// Runs work for a caller exactly as Supabase's PostgREST would: inside one transaction, with the
// caller's database role and JWT claims set locally, so that row-level security decides.
import { database, type Database, type Queryable, type Row } from './db.ts';

export type ApiRole = 'anon' | 'authenticated' | 'service_role' | 'vitrine_exporter' | 'vitrine_registrar' | 'vitrine_builder' | 'vitrine_mailer';
export type Claims = { sub?: string; role?: string; email?: string; app_metadata?: Row; [claim: string]: unknown };

const ROLES: ReadonlySet<ApiRole> = new Set(['anon', 'authenticated', 'service_role', 'vitrine_exporter', 'vitrine_registrar', 'vitrine_builder', 'vitrine_mailer']);

/**
 * asRole(db, 'anon', {}, (tx) => tx.query('select * from catalogue'))
 * The role comes from the verified token's `role` claim, never from the request itself.
 */
export async function asRole<T>(db: Database, role: ApiRole, claims: Claims, work: (tx: Queryable) => Promise<T>): Promise<T> {
  // `set role` takes no parameter, so the role name is checked against a fixed list.
  if (!ROLES.has(role)) throw new Error(`Unknown database role ${role}`);
  return db.transaction(work, { 'request.jwt.claims': JSON.stringify({ ...claims, role }), role });
}

/** asUser(db, claimsFromToken, work): anonymous when there are no claims. */
export function asUser<T>(db: Database, claims: Claims | null, work: (tx: Queryable) => Promise<T>): Promise<T> {
  const role: ApiRole = claims?.role === 'authenticated' || claims?.role === 'service_role' ? claims.role : 'anon';
  return asRole(db, role, claims ?? {}, work);
}

/**
 * One SQL function call for the caller, its value returned: the one job of most handlers.
 * call(claims, 'public.moderation_backlog()') → {pending, …}; call(null, 'public.registration_status($1, $2)', [id, token])
 */
export async function call<T>(claims: Claims | null, expression: string, params: unknown[] = [], role?: ApiRole): Promise<T> {
  const db = await database();
  const run = (tx: Queryable) => tx.query<{ result: T }>(`select ${expression} as result`, params);
  const [row] = await (role ? asRole(db, role, claims ?? {}, run) : asUser(db, claims, run));
  return row!.result;
}
