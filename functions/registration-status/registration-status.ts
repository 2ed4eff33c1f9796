// GET /api/registration-status?id=…&token=…: where an applicant's registration stands, for whoever
// holds its private link; while changes are requested, the submission itself, to correct. An
// unknown id and a wrong token get the same 404, so links cannot be found by trying ids.
import type { Config } from '@netlify/functions';
import { renderChecks } from '../../src/lib/checks.ts';
import { call } from '../_shared/as-user.ts';
import { handler } from '../_shared/handler.ts';
import { json } from '../_shared/respond.ts';
import { registrationStatusQuery } from './schema.ts';

export const config: Config = { path: '/api/registration-status' };

export default handler({
  name: 'registration-status',
  methods: ['GET'],
  query: registrationStatusQuery,
  wording: { notFound: 'error.registration_not_found' },
  run: async ({ input, locale }) => {
    // The link is the capability: the call runs as an anonymous visitor, whoever is signed in.
    const status = await call<{ checks: unknown }>(null, 'public.registration_status($1, $2)', [input.id, input.token]);
    return json({ ...status, checks: renderChecks(status.checks, locale) });
  },
});
