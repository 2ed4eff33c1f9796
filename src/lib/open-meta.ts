// A shop's hours and time zone as one search-result metadata value (Pagefind's data-pagefind-meta),
// read back by the search page for "open now": base64url, since Pagefind splits a meta attribute at
// commas and colons end its key. Hours and zones are ASCII, so btoa/atob do, in Node and browsers.
import type { OpeningHours } from './opening-hours.ts';

export function encodeOpenMeta(timeZone: string, hours: OpeningHours): string {
  return btoa(JSON.stringify([timeZone, hours])).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

/** The zone and hours of a result's `open` metadata, or null when it has none or it is unreadable. */
export function readOpenMeta(value: string | undefined): [timeZone: string, hours: OpeningHours] | null {
  if (!value) return null;
  try {
    return JSON.parse(atob(value.replace(/-/g, '+').replace(/_/g, '/'))) as [string, OpeningHours];
  } catch {
    return null;
  }
}
