// An applicant's registration status as HTML, rendered on the server (functions/registration-status-page):
// the page works without JavaScript, right after a plain form post and from the link in an e-mail.
// Everything the applicant typed is escaped. The classes are the status page's (StatusPage.astro).
import { escapeHtml } from '../../functions/_shared/respond.ts';
import { intlLocale, t, tCount, type Locale, type MessageKey } from '../i18n/index.ts';
import { renderChecks } from './checks.ts';
import { pathFor } from './routes.ts';

/** What public.registration_status() answers. */
export type RegistrationStatus = {
  name: string; slug: string | null; status: 'pending' | 'approved' | 'rejected' | 'changes_requested'; checks: unknown;
  checksOutcome: 'pass' | 'warn' | 'fail' | null; reason: string | null; submittedAt: string | null; resubmittedAt: string | null;
  queuePosition: number | null; expectedWaitDays: number | null;
  /** The live listing of the same business (same NEQ), published from another registration. */
  liveSlug?: string | null;
};

export function statusHtml(locale: Locale, s: RegistrationStatus, origin: string): string {
  const intl = intlLocale(locale);
  const date = (iso: string | null) => (iso ? new Intl.DateTimeFormat(intl, { dateStyle: 'long' }).format(new Date(iso)) : null);
  const numbers = new Intl.NumberFormat(intl);
  const checks = renderChecks(s.checks, locale);
  // The business is already live from another registration of the same applicant: that is what
  // they need to know first; a moderator's reason still shows.
  const live = Boolean(s.liveSlug);
  const pending = s.status === 'pending' && !live;
  // A registration that fails eligibility (outside Quebec, malformed NEQ…) will most likely be
  // refused: the applicant is told why now, instead of being given a wait.
  const failed = pending ? checks.filter((c) => c.outcome === 'fail') : [];
  const wait = !pending || failed.length || s.queuePosition == null ? null
    : s.expectedWaitDays == null ? t(locale, 'status.wait.unknown') : tCount(locale, 'status.wait', s.expectedWaitDays);
  const row = (name: string, label: MessageKey, value: string | null, raw = false) =>
    value == null ? '' : `<div data-row="${name}"><dt>${escapeHtml(t(locale, label))}</dt><dd>${raw ? value : escapeHtml(value)}</dd></div>`;
  const slug = s.status === 'approved' ? s.slug : s.liveSlug;
  const listing = slug ? new URL(pathFor(locale, { kind: 'merchant', slug }), origin).href : null;
  const rows = [
    row('name', 'status.business', s.name),
    row('state', 'status.state', `<span class="state state-${s.status}">${escapeHtml(t(locale, live ? 'state.live' : `state.${s.status}`))}</span>`, true),
    row('submitted', 'status.submittedAt', date(s.submittedAt)),
    row('resubmitted', 'status.resubmittedAt', date(s.resubmittedAt)),
    row('reason', 'status.reason', (s.status === 'rejected' || s.status === 'changes_requested') && s.reason ? s.reason : null),
    row('queue', 'status.queue', pending && s.queuePosition != null ? numbers.format(s.queuePosition) : null),
    row('wait', 'status.wait', wait),
    row('listing', 'status.listing', listing && `<a href="${escapeHtml(listing)}">${escapeHtml(listing)}</a> <span class="muted">${escapeHtml(t(locale, 'status.listingHint'))}</span>`, true),
  ].join('');
  const warning = failed.length
    ? `<div class="likely-refused" role="alert"><p><strong>${escapeHtml(t(locale, 'status.likelyRefused'))}</strong></p><ul>${failed.map((c) => `<li>${escapeHtml(c.message)}</li>`).join('')}</ul><p>${escapeHtml(t(locale, 'status.likelyRefused.hint'))}</p></div>`
    : '';
  const items = checks.length
    ? checks.map((c) => `<li class="check check-${c.outcome}"><p class="check-head"><strong>${escapeHtml(t(locale, `check.${c.check}` as MessageKey))}</strong> — <span class="outcome">${escapeHtml(t(locale, `outcome.${c.outcome}`))}</span></p><p class="check-message">${escapeHtml(c.message)}</p></li>`).join('')
    : `<li>${escapeHtml(t(locale, 'status.checks.none'))}</li>`;
  return `<div class="status-result" data-result data-status="${s.status}"${live ? ' data-live' : ''}>`
    + `<p class="keep-link">${escapeHtml(t(locale, 'status.keepLink'))}</p>`
    + warning
    + `<dl class="facts">${rows}</dl>`
    + `<h2 id="status-checks-heading">${escapeHtml(t(locale, 'status.checks'))}</h2>`
    + `<ul class="checks check-list" aria-labelledby="status-checks-heading" data-checks>${items}</ul>`
    + '</div>';
}

/** For a link that is wrong or incomplete: the same answer whatever is wrong with it. */
export function invalidLinkHtml(locale: Locale): string {
  const lost = `${pathFor(locale, { kind: 'register' })}#lost-link`;
  return `<div class="status-result"><p class="invalid">${escapeHtml(t(locale, 'status.invalidLink'))}</p><p>${escapeHtml(t(locale, 'status.invalidLinkHint'))}</p>`
    + `<p><a href="${lost}">${escapeHtml(t(locale, 'status.lostLink.go'))}</a></p></div>`;
}
