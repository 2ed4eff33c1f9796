// POST /api/account/delete: erases the signed-in account (public.delete_my_account): memberships,
// invitations and notices to its address, transfer requests, the account itself. 409 while it is
// the last owner of a published listing.
import type { Config } from '@netlify/functions';
import { z } from 'zod';
import { call } from '../_shared/as-user.ts';
import { handler } from '../_shared/handler.ts';
import { json } from '../_shared/respond.ts';
import { endedSessionCookie } from '../_shared/session-cookie.ts';

export const config: Config = { path: '/api/account/delete' };

export default handler({
  name: 'account-delete',
  methods: ['POST'],
  auth: 'user',
  body: { schema: () => z.strictObject({}), limit: 1024, emptyJson: {} },
  run: async ({ claims }) => {
    const response = json(await call(claims, 'public.delete_my_account()'));
    // The session of an account that no longer exists ends with it.
    response.headers.append('set-cookie', endedSessionCookie());
    return response;
  },
});
