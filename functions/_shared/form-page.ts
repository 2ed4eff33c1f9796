// The answer a browser gets when the registration form was posted without JavaScript and refused:
// a page in the form's language and the site's look (site-shell.ts) that lists each field to correct
// and leads back to the form. Everything from the request is escaped.
import { fieldLabel, t, type Locale } from '../../src/i18n/index.ts';
import type { BodyKind } from './body.ts';
import { escapeHtml, refuse, statusOf, type Refusal } from '../_shared/respond.ts';
import { withHeaders } from './security-headers.ts';
import { shellPage } from './site-shell.ts';

export const FORM_PATH: Record<Locale, string> = { fr: '/inscription/', en: '/en/register/' };

export async function formRefusalPage(refusal: Refusal, locale: Locale): Promise<Response> {
  const title = t(locale, refusal.reason === 'invalid_input' ? 'form.title' : 'form.titleRefused');
  // French puts a (non-breaking) space before a colon.
  const colon = locale === 'fr' ? '\u00a0: ' : ': ';
  const items = (refusal.errors ?? []).map(
    (e) => `<li><strong>${escapeHtml(fieldLabel(locale, e.field))}</strong>${colon}${escapeHtml(e.message)}</li>`,
  );
  const list = items.length
    ? `<h2 id="to-correct">${escapeHtml(t(locale, 'form.fieldsHeading'))}</h2><ul class="form-errors" aria-labelledby="to-correct">${items.join('')}</ul>`
    : '';
  const main = `<h1>${escapeHtml(title)}</h1>`
    + `<p role="alert">${escapeHtml(refusal.message)}</p>${list}`
    + `<p><a href="${FORM_PATH[locale]}">${escapeHtml(t(locale, 'form.back'))}</a></p>`
    + `<p>${escapeHtml(t(locale, 'form.backHint'))}</p>`;
  return withHeaders(await shellPage(locale, title, main, statusOf(refusal.reason)), refusal.headers ?? {});
}

/** A refusal as the request came: a page for a browser's plain form, JSON for a script. */
export function refuseAs(kind: BodyKind | 'query' | null, refusal: Refusal, locale: Locale): Response | Promise<Response> {
  return kind === 'form' ? formRefusalPage(refusal, locale) : refuse(refusal);
}
