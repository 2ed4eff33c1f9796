// The answer a browser gets when the registration form was posted without JavaScript and refused:
// a small page in the form's language that lists each field to correct and leads back to the form.
// Everything from the request is escaped; the page loads nothing and runs nothing.
import { fieldLabel, t, type Locale } from '../../src/i18n/index.ts';
import { escapeHtml, html, statusOf, type Refusal } from '../_shared/respond.ts';

export const FORM_PATH: Record<Locale, string> = { fr: '/inscription/', en: '/en/register/' };

export function formRefusalPage(refusal: Refusal, locale: Locale): Response {
  const title = t(locale, refusal.reason === 'invalid_input' ? 'form.title' : 'form.titleRefused');
  // French puts a (non-breaking) space before a colon.
  const colon = locale === 'fr' ? '\u00a0: ' : ': ';
  const items = (refusal.errors ?? []).map(
    (e) => `      <li><strong>${escapeHtml(fieldLabel(locale, e.field))}</strong>${colon}${escapeHtml(e.message)}</li>`,
  );
  const list = items.length
    ? `\n    <h2 id="to-correct">${escapeHtml(t(locale, 'form.fieldsHeading'))}</h2>\n    <ul aria-labelledby="to-correct">\n${items.join('\n')}\n    </ul>`
    : '';
  const page = `<!doctype html>
<html lang="${locale}">
<head>
  <meta charset="utf-8">
  <meta name="viewport" content="width=device-width, initial-scale=1">
  <meta name="robots" content="noindex">
  <title>${escapeHtml(title)} — Vitrine</title>
</head>
<body>
  <main>
    <h1>${escapeHtml(title)}</h1>
    <p role="alert">${escapeHtml(refusal.message)}</p>${list}
    <p><a href="${FORM_PATH[locale]}">${escapeHtml(t(locale, 'form.back'))}</a></p>
    <p>${escapeHtml(t(locale, 'form.backHint'))}</p>
  </main>
</body>
</html>
`;
  return html(page, statusOf(refusal.reason), refusal.headers);
}
