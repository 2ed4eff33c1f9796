// GET /statut/?id=…&token=… (English: /en/status/): an applicant's private status page, rendered
// here on the server so that it works without JavaScript, right after the form's plain post and
// from the link in an e-mail; the site's template gives it the site's look (site-shell.ts). A wrong
// or incomplete link gets the same 404 page whatever is wrong with it.
import type { Config } from '@netlify/functions';
import { t, type Locale } from '../../src/i18n/index.ts';
import { otherLocale, pathFor } from '../../src/lib/routes.ts';
import { invalidLinkHtml, statusHtml, type RegistrationStatus } from '../../src/lib/status-html.ts';
import { call } from '../_shared/as-user.ts';
import { handler } from '../_shared/handler.ts';
import { escapeHtml, page, statusOf } from '../_shared/respond.ts';
import { inShell } from '../_shared/site-shell.ts';
import { siteUrl } from '../_shared/site-url.ts';
import { registrationStatusQuery } from '../registration-status/schema.ts';
import type { StoredSubmission } from '../../src/lib/registration-form.ts';
import { withCorrectionForm } from './correction-form.ts';

export const config: Config = { path: ['/statut/', '/en/status/'] };

const localeOf = (req: Request): Locale => (new URL(req.url).pathname.startsWith('/en/') ? 'en' : 'fr');

async function render(req: Request, main: string, status: number, correct?: (page: string) => string): Promise<Response> {
  const locale = localeOf(req);
  const url = new URL(req.url);
  // The language switch keeps the private link.
  const other = otherLocale(locale);
  const links = { [pathFor(other, { kind: 'status' })]: `${pathFor(other, { kind: 'status' })}${url.search}` };
  const title = `${t(locale, 'status.title')} | ${t(locale, 'site.name')}`;
  const html = await inShell('status', locale, { title, main, links });
  return page(correct ? correct(html) : html, status);
}

export default handler({
  name: 'registration-status-page',
  methods: ['GET'],
  query: registrationStatusQuery,
  wording: { notFound: 'error.registration_not_found' },
  refused: (refusal, _locale, _kind, req) =>
    refusal.reason === 'invalid_input' || refusal.reason === 'not_found'
      ? render(req, invalidLinkHtml(localeOf(req)), 404)
      : render(req, `<p class="invalid">${escapeHtml(t(localeOf(req), 'status.failed'))}</p>`, statusOf(refusal.reason)),
  run: async ({ req, input }) => {
    // The link is the capability: the call runs as an anonymous visitor, whoever is signed in.
    const status = await call<RegistrationStatus & { submission: StoredSubmission | null }>(null, 'public.registration_status($1, $2)', [input.id, input.token]);
    // Changes requested: the correction form, filled in, works without JavaScript too.
    const correct = status.submission
      ? (html: string) => withCorrectionForm(html, status.submission!, { id: input.id, token: input.token, locale: localeOf(req) })
      : undefined;
    return render(req, statusHtml(localeOf(req), status, siteUrl()), 200, correct);
  },
});
