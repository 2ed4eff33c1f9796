// Town pages that moved (a renamed town, a name two towns now share, an alias's own address) answer
// 301 to the current page. Netlify reads the rules from the site's _redirects file; `npm start`'s
// server reads the same file with matchRedirect(), so both answer alike.
import type { Reference } from '../../src/lib/catalogue-schema.ts';
import { pathFor } from '../../src/lib/routes.ts';
import { LOCALES } from '../../src/i18n/index.ts';

export type RedirectRule = { from: string; to: string; status: number };

/** The _redirects file: for each move and language, the page and its numbered pages ("/villes/luceville/*"). */
export function redirectsFile(moves: Reference['townRedirects']): string {
  const lines = ['# Town pages that moved (scripts/publish/redirects.ts).'];
  for (const { from, to } of moves) {
    for (const locale of LOCALES) {
      const [old, current] = [pathFor(locale, { kind: 'city', slug: from }), pathFor(locale, { kind: 'city', slug: to })];
      lines.push(`${old.slice(0, -1)} ${current} 301`, `${old}* ${current}:splat 301`);
    }
  }
  return `${lines.join('\n')}\n`;
}

/** The rules of a _redirects file, in order (the first that matches wins, as on Netlify). */
export function parseRedirects(text: string): RedirectRule[] {
  return text.split('\n').flatMap((line) => {
    const [from, to, status] = line.replace(/#.*/, '').trim().split(/\s+/);
    return from && to ? [{ from, to, status: Number(status ?? 301) }] : [];
  });
}

/** Where a path is sent, or null: "/villes/luceville/2/" → "/villes/sainte-luce/2/". */
export function matchRedirect(rules: readonly RedirectRule[], path: string): { location: string; status: number } | null {
  for (const rule of rules) {
    if (rule.from.endsWith('*')) {
      const prefix = rule.from.slice(0, -1);
      if (path.startsWith(prefix)) return { location: rule.to.replace(':splat', path.slice(prefix.length)), status: rule.status };
    } else if (path === rule.from) {
      return { location: rule.to, status: rule.status };
    }
  }
  return null;
}
