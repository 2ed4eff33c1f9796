// Wording helpers for the moderation pages' scripts: placeholders, plurals, dates and ages. No
// dictionary here (the pages hand theirs over as JSON), so the browser downloads only one language.

export type Messages = Record<string, string>;

/** fill('Page {page}', { page: 2 }) === 'Page 2'; unknown placeholders stay as they are. */
export function fill(template: string, vars: Record<string, string | number> = {}): string {
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => (name in vars ? String(vars[name]) : whole));
}

/** The BCP 47 tag for Intl: intlTag('en') === 'en-CA'. */
export function intlTag(locale: string): 'fr-CA' | 'en-CA' {
  return locale === 'en' ? 'en-CA' : 'fr-CA';
}

/**
 * `<base>.one` or `<base>.other` with {count} formatted for the locale.
 * plural(messages, 'fr', 'queue.loaded', 1200) === '1 200 inscriptions sur cette page.'
 */
export function plural(messages: Messages, locale: string, base: string, count: number, vars: Record<string, string | number> = {}): string {
  const tag = intlTag(locale);
  const form = new Intl.PluralRules(tag).select(count) === 'one' ? 'one' : 'other';
  return fill(messages[`${base}.${form}`] ?? messages[`${base}.other`] ?? base, { ...vars, count: new Intl.NumberFormat(tag).format(count) });
}

/** How long ago `since` was, in the largest whole unit: age(messages, 'fr', then, now) === '3 jours'. */
export function age(messages: Messages, locale: string, since: Date, now: Date = new Date()): string {
  const minutes = Math.max(0, Math.floor((now.getTime() - since.getTime()) / 60_000));
  if (minutes >= 24 * 60) return plural(messages, locale, 'age.days', Math.floor(minutes / (24 * 60)));
  if (minutes >= 60) return plural(messages, locale, 'age.hours', Math.floor(minutes / 60));
  return plural(messages, locale, 'age.minutes', minutes);
}

/** A date and time as people of the locale write it: formatDate('fr', iso) === '27 novembre 2026 à 08 h 15'. */
export function formatDate(locale: string, iso: string, withTime = true): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return new Intl.DateTimeFormat(intlTag(locale), withTime ? { dateStyle: 'long', timeStyle: 'short' } : { dateStyle: 'long' }).format(date);
}

/** One entry of a listing's decision history, as the console's detail reads it. */
export type HistoryEntry = { decision: string; moderator: string | null; decidedAt: string };

/**
 * historyLine(fr, 'fr', { decision: 'reject', moderator: 'modo@example.org', decidedAt }) ===
 * '27 novembre 2026 à 08 h 15 — refus par modo@example.org'. A resubmission is the applicant's, not
 * a moderator's, and says so.
 */
export function historyLine(messages: Messages, locale: string, entry: HistoryEntry): string {
  const date = formatDate(locale, entry.decidedAt);
  if (entry.decision === 'resubmit') return fill(messages['detail.history.resubmitted'] ?? '{date}', { date });
  return fill(messages['detail.history.item'] ?? '{date}', {
    date, decision: messages[`decision.${entry.decision}`] ?? entry.decision, moderator: entry.moderator ?? '—',
  });
}
