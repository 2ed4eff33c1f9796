// The public address of the site, for links sent to people (status links, notices): SITE_URL when
// set, else the address the request came to.
import { ConfigurationError } from './db.ts';

/** siteUrl(req) === 'https://vitrine.example' (no trailing slash). */
export function siteUrl(req: Request, env: Record<string, string | undefined> = process.env): string {
  const configured = env.SITE_URL?.trim();
  if (!configured) return new URL(req.url).origin;
  let url: URL;
  try {
    url = new URL(configured);
  } catch {
    throw new ConfigurationError('SITE_URL is not a URL (expected https://your-site.example).');
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') throw new ConfigurationError('SITE_URL must start with https://.');
  return `${url.origin}${url.pathname}`.replace(/\/+$/, '');
}
