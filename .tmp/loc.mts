import { createTestDatabase } from '../tests/support/test-database.ts';
const kind = (process.argv[2] ?? 'pglite') as 'pglite' | 'postgres';
const db = await createTestDatabase(kind);
const q = async (sql: string, p: unknown[] = []) => console.log(JSON.stringify(await db.query(sql, p)));
for (const [n, lat, lng] of [['Ottawa PH', 45.4236, -75.7009], ['Ottawa south', 45.35, -75.75], ['Gatineau', 45.4765, -75.7013], ['Hull', 45.4285, -75.713], ['Stanstead', 45.0064, -72.0981], ['Edmundston', 47.3737, -68.3251], ['Gaspé', 48.83, -64.48]] as const)
  await q(`select $1::text as n, round(private.km_outside_quebec($2, $3)::numeric, 2) as km`, [n, lat, lng]);
await q(`select round(private.distance_km(46.35, -72.55, 46.81, -71.21)::numeric) as tr_qc`);
const t0 = performance.now();
await q(`select count(*) from generate_series(1, 1000) i, lateral (select private.km_outside_quebec(45 + (i % 10) * 0.3, -74 + (i % 7) * 0.5)) x`);
console.log('1000 calls', Math.round(performance.now() - t0), 'ms');
await db.drop();
