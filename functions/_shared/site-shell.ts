// Pages a function renders (a registration's status, a refused form) in the site's own look: the
// build writes an empty page per language (src/pages/gabarit.astro and the status page's
// template), with the site's header, footer, styles and scripts; the function fetches it from the
// configured site (SITE_URL: the CDN in production, `npm start`'s server locally; never the
// request's Host, which the caller writes), keeps it a few minutes, and puts its content in the
// slot. If the template cannot be had, the content still goes out in a plain page.
import { t, type Locale } from '../../src/i18n/index.ts';
import { escapeHtml, page } from './respond.ts';
import { siteUrl } from './site-url.ts';

export type ShellKind = 'page' | 'status';

export const SHELL_PATHS: Record<ShellKind, Record<Locale, string>> = {
  page: { fr: '/gabarit/', en: '/en/template/' },
  status: { fr: '/statut/gabarit/', en: '/en/status/template/' },
};
/** What the template's title says, and the element its content replaces. */
export const SHELL_TITLE = 'VITRINE_SHELL_TITLE';
const SLOT = /<div data-shell-main[^>]*><\/div>/;

const KEEP_MS = 5 * 60_000;
const cache = new Map<string, { html: string; until: number }>();

async function template(kind: ShellKind, locale: Locale): Promise<string | null> {
  const html = await sitePage(SHELL_PATHS[kind][locale]);
  return html && SLOT.test(html) ? html : null;
}

/** A page of the built site (its path), kept a few minutes; null when it cannot be had. */
export async function sitePage(path: string): Promise<string | null> {
  const url = `${siteUrl()}${path}`;
  const kept = cache.get(url);
  if (kept && kept.until > Date.now()) return kept.html;
  try {
    const response = await fetch(url, { signal: AbortSignal.timeout(3000) });
    if (!response.ok) return null;
    const html = await response.text();
    cache.set(url, { html, until: Date.now() + KEEP_MS });
    return html;
  } catch {
    return null;
  }
}

/**
 * The page: `main` (HTML, already escaped) in the template of `kind` for `locale`, titled `title`.
 * `links` rewrites addresses of the template (the language switch keeps a private link's query).
 */
export async function inShell(
  kind: ShellKind, locale: Locale, { title, main, links = {} }: { title: string; main: string; links?: Record<string, string> },
): Promise<string> {
  const shell = await template(kind, locale);
  if (!shell) return plainPage(locale, title, main);
  let page = shell.replaceAll(SHELL_TITLE, escapeHtml(title)).replace(SLOT, () => main);
  for (const [from, to] of Object.entries(links)) page = page.replaceAll(`href="${from}"`, `href="${escapeHtml(to)}"`);
  return page;
}

/**
 * A page of the site's template as an answer: `main` (HTML, already escaped) titled `name`, then the
 * site's name. shellPage('fr', 'Mon espace marchand', '<h1>…</h1>', 202)
 */
export async function shellPage(locale: Locale, name: string, main: string, status = 200): Promise<Response> {
  return page(await inShell('page', locale, { title: `${name} | ${t(locale, 'site.name')}`, main }), status);
}

function plainPage(locale: Locale, title: string, main: string): string {
  return `<!doctype html>
<html lang="${locale}">
<head>
  <meta charset="utf-8">
  <meta name="viewport" content="width=device-width, initial-scale=1">
  <meta name="robots" content="noindex">
  <title>${escapeHtml(title)}</title>
</head>
<body>
  <main>
${main}
  </main>
</body>
</html>
`;
}
