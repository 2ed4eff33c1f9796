// The merchant space's editor as a page a function renders (/compte/modifier/, /en/account/edit/),
// so that a merchant edits its listing without JavaScript: the site's own form (the one /compte/
// shows, taken from the built page) filled with the listing's values, or with what the merchant sent
// when it was refused (400 beside each field, 409 with each field's current value: nothing is lost).
// The form posts to /api/account/edit with the listing's version and the values it showed, so that
// only what the merchant changed is sent (src/lib/account-form.ts, as the page's script does).
import { fieldLabel, t, type Locale, type MessageKey } from '../../src/i18n/index.ts';
import { changedFields, editFromValues, FORM_NAMES, listingFormValues, type ListingFields } from '../../src/lib/account-form.ts';
import { pathFor } from '../../src/lib/routes.ts';
import { call, type Claims } from './as-user.ts';
import { fillFormHtml } from './fill-form.ts';
import { escapeHtml, type Refusal } from './respond.ts';
import { shellPage, sitePage } from './site-shell.ts';

type Listing = { id: string; slug: string; name: string; status: string; role: string; version: number; fields: ListingFields;
  proposals: Array<{ fields: Record<string, unknown>; status: string; reason: string | null }> };
type Account = { email: string; listings: Listing[]; invitations: Array<{ id: string; name: string | null; role: string }> };

export const EDITOR_PATH = { fr: '/compte/modifier/', en: '/en/account/edit/' } as const satisfies Record<Locale, `/${string}`>;

const labels = (locale: Locale, fields: string[]) => [...new Set(fields.map((f) => fieldLabel(locale, FORM_NAMES[f] ?? f)))].join(', ');
const closedWord = (locale: Locale) => (locale === 'en' ? 'closed' : 'fermé');

/**
 * The edit a form posted without a script stands for: what differs between the values it showed
 * (its hidden "shown" field) and the values it sent; with `badLine`, the special days' line that
 * cannot be read (the handler refuses it, beside the special days).
 */
export function editFromPostedForm(form: URLSearchParams): Record<string, unknown> {
  const shown = shownValues(form);
  const before = editFromValues({ get: (name) => shown[name] ?? null });
  const now = editFromValues(form);
  const edit = { listingId: form.get('listingId') ?? '', baseVersion: Number(form.get('baseVersion')), locale: form.get('locale') ?? undefined };
  if ('badLine' in now) return { ...edit, fields: {}, badLine: now.badLine };
  return { ...edit, fields: changedFields('fields' in before ? before.fields : {}, now.fields) };
}

/** The values a posted editor form showed (its hidden "shown" field); {} for a tampered one, so everything counts as changed and the database sorts it out. */
function shownValues(form: URLSearchParams): Record<string, string> {
  try {
    return JSON.parse(form.get('shown') ?? '{}') as Record<string, string>;
  } catch {
    return {};
  }
}

export type EditorState = {
  locale: Locale;
  claims: Claims;
  listingId?: string;
  /** What the merchant sent, when it was refused. */
  posted?: URLSearchParams;
  refusal?: Refusal;
  /** What the last save did (from the address after a save). */
  done?: { published: string[]; queued: string[] };
};

/** The editor page, as a Response (200, or the refusal's status with the merchant's values). */
export async function editorPage({ locale, claims, listingId, posted, refusal, done }: EditorState, status = 200): Promise<Response> {
  const account = await call<Account>(claims, 'public.my_account()');
  const listing = account.listings.find((l) => l.id === listingId) ?? account.listings[0];
  const parts: string[] = [`<h1>${escapeHtml(t(locale, 'account.title'))}</h1>`,
    `<form method="post" action="/api/account/sign-out"><input type="hidden" name="locale" value="${locale}">`
    + `<p>${escapeHtml(t(locale, 'account.signin.signedInAs', { email: account.email }))} <button type="submit">${escapeHtml(t(locale, 'account.signin.signOut'))}</button></p></form>`];
  if (done) {
    const said = [done.published.length ? t(locale, 'account.edit.published', { fields: labels(locale, done.published) }) : '',
      done.queued.length ? t(locale, 'account.edit.queued', { fields: labels(locale, done.queued) }) : ''].filter(Boolean).join(' ');
    parts.push(`<p role="status">${escapeHtml(said || t(locale, 'account.edit.nothing'))}</p>`);
  }
  for (const invitation of account.invitations) {
    parts.push(`<form method="post" action="/api/account/accept"><input type="hidden" name="invitationId" value="${escapeHtml(invitation.id)}">`
      + `<input type="hidden" name="locale" value="${locale}"><p>${escapeHtml(t(locale, 'account.invitations.item', { name: invitation.name ?? '', role: t(locale, `account.role.${invitation.role}` as MessageKey) }))} `
      + `<button type="submit">${escapeHtml(t(locale, 'account.invitations.accept'))}</button></p></form>`);
  }
  if (account.listings.length > 1) {
    parts.push(`<h2>${escapeHtml(t(locale, 'account.listings.title'))}</h2><ul>${account.listings.map((l) =>
      `<li><a href="${EDITOR_PATH[locale]}?fiche=${l.id}"${l.id === listing?.id ? ' aria-current="page"' : ''}>${escapeHtml(l.name)}</a></li>`).join('')}</ul>`);
  }
  if (!listing) {
    parts.push(`<p>${escapeHtml(t(locale, 'account.listings.none'))}</p>`);
    return shellPage(locale, t(locale, 'account.title'), parts.join(''), status);
  }
  parts.push(`<h2>${escapeHtml(t(locale, 'account.edit.title', { name: listing.name }))}</h2><p>${escapeHtml(t(locale, 'account.edit.sensitive'))}</p>`);
  if (refusal) parts.push(refusalHtml(locale, refusal));
  const current = listingFormValues(listing.fields, closedWord(locale));
  parts.push(await formHtml(locale, listing, current, posted, refusal));
  const waiting = listing.proposals.map((p) => `<li>${escapeHtml(labels(locale, Object.keys(p.fields)))} : ${escapeHtml(t(locale, `account.proposals.status.${p.status}` as MessageKey))}${p.reason ? ` (${escapeHtml(p.reason)})` : ''}</li>`);
  parts.push(`<h3>${escapeHtml(t(locale, 'account.proposals.title'))}</h3><ul>${waiting.join('') || `<li>${escapeHtml(t(locale, 'account.proposals.none'))}</li>`}</ul>`);
  return shellPage(locale, t(locale, 'account.edit.title', { name: listing.name }), parts.join(''), status);
}

/** What was refused: the sentence, each field's message, and for a conflict each field's current value. */
function refusalHtml(locale: Locale, refusal: Refusal): string {
  const conflicts = (refusal.extra?.conflicts ?? null) as Record<string, unknown> | null;
  const items = conflicts
    ? Object.entries(conflicts).map(([field, value]) => `<li><strong>${escapeHtml(fieldLabel(locale, FORM_NAMES[field] ?? field))}</strong> : ${escapeHtml(t(locale, 'account.edit.current', { value: typeof value === 'string' ? value : JSON.stringify(value) }))}</li>`)
    : (refusal.errors ?? []).map((e) => `<li><strong>${escapeHtml(fieldLabel(locale, e.field.replace(/^fields\./, '')))}</strong> : ${escapeHtml(e.message)}</li>`);
  const sentence = conflicts ? t(locale, 'account.edit.conflict', { fields: labels(locale, Object.keys(conflicts)) }) : refusal.message;
  return `<div class="alert" role="alert"><p>${escapeHtml(sentence)}</p>${items.length ? `<ul>${items.join('')}</ul>` : ''}</div>`;
}

/**
 * Each field's message in its place in the form (the element RegistrationFields keeps for it), and
 * its inputs marked invalid: `fields.postalCode` → #acc-postalCode-error, `fields.waysToBuy.delivery_area`
 * → #acc-ways-delivery_area-error, `fields.hours.exceptions` → #acc-hours-exceptions-error.
 */
function withErrors(html: string, errors: Array<{ field: string; message: string }>): string {
  let out = html;
  for (const { field, message } of errors) {
    const path = field.replace(/^fields\./, '').split('.');
    const name = path[0] === 'waysToBuy' && path[1] ? `ways-${path[1]}` : path[0] === 'hours' && path[1] === 'exceptions' ? 'hours-exceptions' : path[0]!;
    const id = `acc-${name}-error`;
    out = out.replace(new RegExp(`(<p[^>]*\\sid="${id}"[^>]*?)\\s+hidden([^>]*>)</p>`), (_m, open: string, rest: string) => `${open}${rest}${escapeHtml(message)}</p>`);
    out = out.replace(new RegExp(`<(input|textarea|select)([^>]*\\sid="acc-${name}"[^>]*)>`), (_m, tag: string, attrs: string) => `<${tag}${attrs} aria-invalid="true">`);
  }
  return out;
}

/**
 * The site's editor form, filled: the listing's current values, except the fields the merchant
 * changed in what it sent (kept as sent), so that saving again applies its changes and nobody
 * else's is undone. The hidden fields say which listing, from which version, and what was shown.
 */
async function formHtml(locale: Locale, listing: Listing, current: Record<string, string>, posted?: URLSearchParams, refusal?: Refusal): Promise<string> {
  const values = { ...current };
  if (posted) {
    const shown = shownValues(posted);
    const names = new Set([...Object.keys(current), ...posted.keys()]);
    for (const name of names) {
      const sent = posted.get(name) ?? '';
      if (sent !== (shown[name] ?? '')) values[name] = sent;
    }
  }
  const site = await sitePage(pathFor(locale, { kind: 'account' }));
  const form = site && /<form\b[^>]*data-edit-form[^>]*>([\s\S]*?)<\/form>/.exec(site);
  if (!form) return `<p>${escapeHtml(t(locale, 'account.error.network'))}</p>`;
  let inner = withErrors(fillFormHtml(form[1]!, values), refusal?.errors ?? []);
  // A merchant's pin is kept as it is: its choice, which the page's script enables, is enabled here.
  if (values.location === 'pin') inner = inner.replace(/(<div class="choice" data-pin-choice) hidden/, '$1').replace(/(value="pin") disabled/, '$1');
  const hidden = { listingId: listing.id, baseVersion: String(listing.version), shown: JSON.stringify(current), locale };
  const inputs = Object.entries(hidden).map(([name, value]) => `<input type="hidden" name="${name}" value="${escapeHtml(value)}">`).join('');
  return `<form class="register" method="post" action="/api/account/edit">${inputs}${inner}</form>`;
}
