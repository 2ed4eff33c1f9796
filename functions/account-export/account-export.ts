// GET /api/account/export: everything stored about the signed-in account and its listings, as one
// JSON file to download (Law 25's right of access; public.export_my_data).
import type { Config } from '@netlify/functions';
import { call } from '../_shared/as-user.ts';
import { handler } from '../_shared/handler.ts';
import { json } from '../_shared/respond.ts';
import { emptyQuery } from '../_shared/schema-parts.ts';

export const config: Config = { path: '/api/account/export' };

export default handler({
  name: 'account-export',
  methods: ['GET'],
  auth: 'user',
  query: emptyQuery,
  run: async ({ claims }) =>
    json(await call(claims, 'public.export_my_data()'), 200, { 'content-disposition': 'attachment; filename="vitrine-mes-donnees.json"' }),
});
