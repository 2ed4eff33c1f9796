// GET /api/moderation/outbox?q=…&before=…: every notice to merchants and applicants, newest first,
// 50 a page, searched by recipient or business name, each written out in its reader's language with
// the configured site address and with where its delivery stands (waiting, sent, retrying after an
// error, failed). Read as the moderator: the outbox's row-level security lets moderators, and no
// one else, read it.
import type { Config } from '@netlify/functions';
import { renderNotice, type StoredNotice } from '../../src/lib/notices.ts';
import { asUser } from '../_shared/as-user.ts';
import { database } from '../_shared/db.ts';
import { handler } from '../_shared/handler.ts';
import type { Notice } from '../_shared/moderation-answers.ts';
import { json } from '../_shared/respond.ts';
import { siteUrl } from '../_shared/site-url.ts';
import { OUTBOX_PAGE, outboxQuery } from './schema.ts';

export const config: Config = { path: '/api/moderation/outbox' };

type Row = StoredNotice & {
  id: number | string; proposalId: string | null; recipient: string; createdAt: string; sentAt: string | null;
  failedAt: string | null; attempts: number; lastError: string | null; nextAttemptAt: string;
};

export default handler({
  name: 'moderation-outbox',
  methods: ['GET'],
  auth: 'moderator',
  query: outboxQuery,
  run: async ({ claims, input }) => {
    const site = siteUrl();
    // Words are matched literally: % and _ are not wildcards here.
    const pattern = input.q ? `%${input.q.toLowerCase().replace(/[\\%_]/g, (c) => `\\${c}`)}%` : null;
    const rows = await asUser(await database(), claims, (tx) =>
      tx.query<Row>(
        `select id, proposal_id as "proposalId", recipient, locale, kind, params, subject, body, created_at as "createdAt",
                sent_at as "sentAt", failed_at as "failedAt", attempts, last_error as "lastError", next_attempt_at as "nextAttemptAt"
         from public.outbox
         where ($1::bigint is null or id < $1)
           and ($2::text is null or lower(recipient) like $2 or lower(coalesce(params ->> 'name', subject)) like $2)
         order by id desc limit $3`,
        [input.before ?? null, pattern, OUTBOX_PAGE + 1],
      ),
    );
    const page = rows.slice(0, OUTBOX_PAGE);
    const items: Notice[] = page.map(({ params, ...row }) => ({
      ...row,
      // A bigint: node-postgres reads it as text, PGlite as a number; the API says a number on both.
      id: Number(row.id),
      ...renderNotice({ ...row, params }, site),
    }));
    return json({ items, nextBefore: rows.length > OUTBOX_PAGE ? items.at(-1)!.id : null });
  },
});
