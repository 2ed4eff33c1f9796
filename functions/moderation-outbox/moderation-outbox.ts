// GET /api/moderation/outbox: the latest 100 notices to merchants, sent or waiting, newest first,
// each written out in the merchant's language with the configured site address. Read as the
// moderator: the outbox's row-level security lets moderators, and no one else, read it.
import type { Config } from '@netlify/functions';
import { renderNotice, type StoredNotice } from '../../src/lib/notices.ts';
import { asUser } from '../_shared/as-user.ts';
import { database } from '../_shared/db.ts';
import { handler } from '../_shared/handler.ts';
import type { Notice } from '../_shared/moderation-answers.ts';
import { json } from '../_shared/respond.ts';
import { emptyQuery } from '../_shared/schema-parts.ts';
import { siteUrl } from '../_shared/site-url.ts';

export const config: Config = { path: '/api/moderation/outbox' };

const LATEST = 100;

type Row = StoredNotice & { id: number | string; proposalId: string; recipient: string; createdAt: string; sentAt: string | null };

export default handler({
  name: 'moderation-outbox',
  methods: ['GET'],
  auth: 'moderator',
  query: emptyQuery,
  run: async ({ claims }) => {
    const site = siteUrl();
    const rows = await asUser(await database(), claims, (tx) =>
      tx.query<Row>(
        `select id, proposal_id as "proposalId", recipient, locale, kind, params, subject, body,
                created_at as "createdAt", sent_at as "sentAt"
         from public.outbox order by created_at desc, id desc limit $1`,
        [LATEST],
      ),
    );
    const items: Notice[] = rows.map(({ params: _params, ...row }) => ({
      ...row,
      // A bigint: node-postgres reads it as text, PGlite as a number; the API says a number on both.
      id: Number(row.id),
      merchantId: row.proposalId,
      ...renderNotice({ ...row, params: _params }, site),
    }));
    return json({ items });
  },
});
