// The public address of the site, for the links people are sent (status links, notices). It is
// configuration, never taken from a request: a Host or X-Forwarded-Host header is the caller's to
// write, and a notice must not point anywhere the caller chooses.
import { isProduction } from './auth.ts';
import { ConfigurationError } from './db.ts';

/** Where `npm start` serves when PORT is not set; it sets SITE_URL to the port it serves. */
export const LOCAL_SITE_URL = 'http://localhost:8888';

/** siteUrl() === 'https://vitrine.example' (no trailing slash): SITE_URL, required in production. */
export function siteUrl(env: Record<string, string | undefined> = process.env): string {
  const configured = env.SITE_URL?.trim();
  if (!configured) {
    if (isProduction(env)) throw new ConfigurationError('SITE_URL must be set in production (https://your-site.example).');
    return LOCAL_SITE_URL;
  }
  let url: URL;
  try {
    url = new URL(configured);
  } catch {
    throw new ConfigurationError('SITE_URL is not a URL (expected https://your-site.example).');
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') throw new ConfigurationError('SITE_URL must start with https://.');
  return `${url.origin}${url.pathname}`.replace(/\/+$/, '');
}
