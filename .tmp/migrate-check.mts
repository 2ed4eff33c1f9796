import { createTestDatabase } from '../tests/support/test-database.ts';
const db = await createTestDatabase('pglite');
console.log(await db.query(`select count(*) from public.listing_members`));
await db.drop();
