// POST /api/account/edit {listingId, baseVersion, fields}: a member's edit of its listing
// (public.propose_listing_change). Low-risk fields publish at once, sensitive ones wait for a
// moderator; a field someone else changed since baseVersion answers 409 with its current value,
// and nothing is written. The editor page's form posts here without JavaScript: it is answered
// with a 303 back to the page saying what was done, or, refused, with the page again holding what
// the merchant sent, each problem beside it (functions/_shared/account-editor.ts).
import type { Config } from '@netlify/functions';
import { call } from '../_shared/as-user.ts';
import { EDITOR_PATH, editFromPostedForm, editorPage } from '../_shared/account-editor.ts';
import { handler } from '../_shared/handler.ts';
import { t } from '../../src/i18n/index.ts';
import { listingEditSchema, toListingEdit } from '../_shared/registration-schema.ts';
import { json, refuse, seeOther, type Refusal } from '../_shared/respond.ts';
import { siteUrl } from '../_shared/site-url.ts';

export const config: Config = { path: '/api/account/edit' };

// What a form sent, kept beside the edit it stands for, to show it again if it is refused.
const sentForms = new WeakMap<object, URLSearchParams>();

export default handler({
  name: 'account-edit',
  methods: ['POST'],
  auth: 'user',
  body: { schema: listingEditSchema, limit: 64 * 1024 },
  prepare: (raw, kind) => {
    if (kind !== 'form') return raw;
    const edit = editFromPostedForm(raw as URLSearchParams);
    sentForms.set(edit, raw as URLSearchParams);
    return edit;
  },
  // A special day that cannot be read, said beside the special days.
  screen: (input, locale) => {
    const bad = (input as { badLine?: number }).badLine;
    return bad === undefined ? null : { reason: 'invalid_input', message: t(locale, 'error.invalid_input'),
      errors: [{ field: 'fields.hours.exceptions', message: t(locale, 'account.hours.exceptionsFormat', { line: bad }) }] };
  },
  refused: (refusal: Refusal, locale, kind, _req, input, claims) => {
    const posted = input && typeof input === 'object' ? sentForms.get(input) : undefined;
    if (kind !== 'form' || !posted || !claims || refusal.reason === 'unauthenticated' || refusal.reason === 'forbidden') return refuse(refusal);
    return editorPage({ locale, claims, listingId: posted.get('listingId') ?? undefined, posted, refusal }, refusal.reason === 'conflict' ? 409 : 400);
  },
  run: async ({ input, claims, locale, kind }) => {
    const result = await call<{ published: string[]; queued: string[] }>(claims, 'public.propose_listing_change($1, $2::jsonb, $3)',
      [input.listingId, JSON.stringify(toListingEdit(input.fields)), input.baseVersion]);
    if (kind !== 'form') return json(result);
    const query = new URLSearchParams({ fiche: input.listingId, publie: result.published.join(','), attente: result.queued.join(',') });
    return seeOther(`${siteUrl()}${EDITOR_PATH[locale]}?${query}`);
  },
});
