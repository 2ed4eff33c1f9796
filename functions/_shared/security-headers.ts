// The security headers of every answer: the static site's (written into dist/_headers at build,
// which Netlify applies to the files it serves, and applied by the local server), and the functions'
// (Netlify applies no custom header to a function's answer: the handler helper adds them). One home
// for both, so an API answer, a 404 and a form page carry what a page carries.
import { tilesOrigin } from '../../src/lib/map-settings.ts';

// Pages load their scripts as files: no inline script. 'wasm-unsafe-eval' lets Pagefind's
// WebAssembly search run; nothing else may eval. connect-src 'self' is all the site needs, the
// moderators' console included (it calls /api/*); a deploy whose console signs in with Supabase Auth
// (PUBLIC_SUPABASE_URL set at build) adds that one origin, and only it. Map tiles come from the
// site or from the one origin PUBLIC_MAP_TILES_URL names (pageHeaders).
const PAGE_CSP = [
  "default-src 'self'",
  "script-src 'self' 'wasm-unsafe-eval'",
  "style-src 'self'",
  "img-src 'self' data:",
  "connect-src 'self'",
  "font-src 'self'",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join('; ');

// An API answer is data, never a document to render: it may load nothing at all.
const API_CSP = "default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'";

const COMMON = {
  'strict-transport-security': 'max-age=63072000; includeSubDomains; preload',
  'referrer-policy': 'strict-origin-when-cross-origin',
  'x-content-type-options': 'nosniff',
  'x-frame-options': 'DENY',
  'permissions-policy': 'camera=(), microphone=(), payment=(), geolocation=(self)',
} as const;

export type HeaderSet = Readonly<Record<string, string>>;

/** The Supabase project the moderators' console signs in with (PUBLIC_SUPABASE_URL at build), as an origin. */
export function supabaseOrigin(env: Record<string, string | undefined> = process.env): string | undefined {
  try {
    return env.PUBLIC_SUPABASE_URL ? new URL(env.PUBLIC_SUPABASE_URL).origin : undefined;
  } catch {
    return undefined;
  }
}

/**
 * The headers of a static page, a 404 included; `connectOrigin` is the one other origin pages may
 * call, `tiles` the map tiles' (PUBLIC_MAP_TILES_URL), the one other origin images may come from:
 * none when the site serves its own tiles.
 */
export function pageHeaders(connectOrigin?: string, tiles: string | null = tilesOrigin()): HeaderSet {
  let csp = connectOrigin ? PAGE_CSP.replace("connect-src 'self'", `connect-src 'self' ${connectOrigin}`) : PAGE_CSP;
  if (tiles) csp = csp.replace("img-src 'self' data:", `img-src 'self' data: ${tiles}`);
  return { 'content-security-policy': csp, ...COMMON };
}

export const API_HEADERS: HeaderSet = { 'content-security-policy': API_CSP, ...COMMON };

/**
 * Fingerprinted files never change under a name: browsers and CDNs keep them a year. The build's
 * assets, and the map's data (content-hashed by scripts/publish/map-data.ts).
 */
export const IMMUTABLE_ASSETS = {
  paths: ['/_astro/*', '/carte/donnees/*'], headers: { 'cache-control': 'public, max-age=31536000, immutable' },
} as const;

/** Whether a site path is one of IMMUTABLE_ASSETS's. */
export const isImmutableAsset = (path: string) => IMMUTABLE_ASSETS.paths.some((p) => path.startsWith(p.slice(0, -1)));

/** Sets each header the response does not set itself (a form page keeps its own CSP). */
export function withHeaders(response: Response, headers: HeaderSet): Response {
  for (const [name, value] of Object.entries(headers)) if (!response.headers.has(name)) response.headers.set(name, value);
  return response;
}

/**
 * Netlify's _headers file for the static site: every path gets the page headers, assets their cache.
 * headersFile() === "/*\n  Content-Security-Policy: default-src 'self'; …\n…"
 */
export function headersFile(connectOrigin?: string, tiles: string | null = tilesOrigin()): string {
  const block = (path: string, headers: HeaderSet) =>
    `${path}\n${Object.entries(headers).map(([name, value]) => `  ${name.replace(/(^|-)\w/g, (c) => c.toUpperCase())}: ${value}`).join('\n')}\n`;
  return [block('/*', pageHeaders(connectOrigin, tiles)), ...IMMUTABLE_ASSETS.paths.map((path) => block(path, IMMUTABLE_ASSETS.headers))].join('\n');
}
