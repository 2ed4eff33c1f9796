// GET /compte/modifier/ (English /en/account/edit/): the merchant space's editor as a page, for a
// merchant without JavaScript (functions/_shared/account-editor.ts). Signed in by the session cookie;
// without one, back to /compte/ to sign in. ?fiche=<id> chooses the listing; after a save, ?publie=
// and ?attente= say what was published and what waits for a moderator.
import type { Config } from '@netlify/functions';
import { z } from 'zod';
import type { Locale } from '../../src/i18n/index.ts';
import { pathFor } from '../../src/lib/routes.ts';
import { editorPage } from '../_shared/account-editor.ts';
import { handler } from '../_shared/handler.ts';
import { refuse, seeOther } from '../_shared/respond.ts';
import { siteUrl } from '../_shared/site-url.ts';

// Literal paths: Netlify reads them without running the module (EDITOR_PATH says the same).
export const config: Config = { path: ['/compte/modifier/', '/en/account/edit/'] };

const fieldList = z.string().max(500).regex(/^[a-z_,]*$/).optional().transform((v) => (v ? v.split(',') : []));
const query = () => z.object({ fiche: z.uuid().optional(), publie: fieldList, attente: fieldList });
/** The page's language is its address's. */
const pageLocale = (req: Request): Locale => (new URL(req.url).pathname.startsWith('/en/') ? 'en' : 'fr');

export default handler({
  name: 'account-page',
  methods: ['GET'],
  auth: 'user',
  query,
  refused: (refusal, _locale, _kind, req) =>
    refusal.reason === 'unauthenticated' ? seeOther(`${siteUrl()}${pathFor(pageLocale(req), { kind: 'account' })}`) : refuse(refusal),
  run: async ({ req, input, claims }) => {
    const saved = new URL(req.url).searchParams.has('publie');
    return editorPage({ locale: pageLocale(req), claims: claims!, listingId: input.fiche,
      done: saved ? { published: input.publie, queued: input.attente } : undefined });
  },
});
