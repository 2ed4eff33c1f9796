// Pre-check results as people read them. The database stores each result as a code with the values
// its sentence quotes ({check, outcome, code, params}); this renders it in the reader's language
// with the dictionary's "check.<code>". A parameter given in both languages ({fr, en}: a region's
// name) is read in the reader's.
import { hasMessage, t, type Locale } from '../i18n/index.ts';

export type Outcome = 'pass' | 'warn' | 'fail';
export type StoredCheck = { check: string; outcome: Outcome; code: string; params?: Record<string, unknown> };
/** A check as the API shows it: one message, in the reader's language. */
export type CheckResult = { check: string; outcome: Outcome; message: string };

/** renderChecks([{check: 'neq', outcome: 'pass', code: 'neq.valid', params: {neq: '1161234567'}}], 'en') → [{…, message: 'NEQ 1161234567 is well formed.'}] */
export function renderChecks(checks: unknown, locale: Locale): CheckResult[] {
  if (!Array.isArray(checks)) return [];
  return (checks as StoredCheck[]).map((c) => ({ check: c.check, outcome: c.outcome, message: renderCheck(c, locale) }));
}

function renderCheck({ code, params = {} }: StoredCheck, locale: Locale): string {
  const key = `check.${code}`;
  if (!hasMessage(key)) return code;
  const values = Object.fromEntries(Object.entries(params).map(([name, value]) => [name, localised(value, locale)]));
  return t(locale, key, values);
}

function localised(value: unknown, locale: Locale): string | number {
  if (typeof value === 'number') return value;
  if (value && typeof value === 'object' && locale in value) return String((value as Record<string, unknown>)[locale]);
  return String(value ?? '');
}
