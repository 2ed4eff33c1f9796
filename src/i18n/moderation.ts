// The moderators' pages read the one dictionary (./fr/moderation.ts, ./en/moderation.ts): their own
// strings under "console.", the field labels, and the names of checks, outcomes and states the
// status page uses too. Their scripts get them as JSON (data-messages), keyed without "console.".
import { fr } from './fr.ts';
import { t, type Locale, type MessageKey } from './index.ts';

type ConsoleKey = MessageKey extends infer K ? (K extends `console.${infer Rest}` ? Rest : never) : never;

/** A console string with {name} placeholders filled: tm('en', 'queue.page', { page: 2 }) === 'Page 2'. */
export function tm(locale: Locale, key: ConsoleKey, vars: Record<string, string | number> = {}): string {
  return t(locale, `console.${key}` as MessageKey, vars);
}

// Besides its own strings, what a console script shows: field labels, decisions, languages, the
// names of checks, outcomes and states, and the words of opening hours (src/lib/hours-text.ts).
const SHARED_PREFIXES = ['field.', 'decision.', 'language.', 'check.', 'outcome.', 'state.', 'merchant.hours.'];

/** Every string a moderation page's script shows, in one language, for its data-messages attribute. */
export function moderationMessages(locale: Locale): Record<string, string> {
  const messages: Record<string, string> = {};
  for (const key of Object.keys(fr) as MessageKey[]) {
    if (key.startsWith('console.') && !key.startsWith('console.template.')) messages[key.slice('console.'.length)] = t(locale, key);
    // Check names only ("check.neq"), not the sentences of each result ("check.neq.valid").
    else if (SHARED_PREFIXES.some((p) => key.startsWith(p)) && !(key.startsWith('check.') && key.split('.').length > 2)) messages[key] = t(locale, key);
  }
  return messages;
}

export type ReasonKind = 'reject' | 'request_changes';
export type ReasonTemplate = { id: string; label: string; text: Record<Locale, string> };

/** The reason templates, labelled in the moderator's language, each with its text in both languages (the merchant's is sent). */
export function reasonTemplates(locale: Locale): Record<ReasonKind, ReasonTemplate[]> {
  const of = (kind: ReasonKind): ReasonTemplate[] =>
    (Object.keys(fr) as MessageKey[])
      .filter((key) => key.startsWith(`console.template.${kind}.`))
      .map((key) => ({ id: key.split('.').pop()!, label: t(locale, key), text: { fr: t('fr', key), en: t('en', key) } }));
  return { reject: of('reject'), request_changes: of('request_changes') };
}

/** The console's and outbox's paths; French at the root, English under /en/ like the rest of the site. */
export type ModerationPageName = 'console' | 'outbox' | 'transfers';

export function moderationPath(locale: Locale, page: ModerationPageName): string {
  const base = locale === 'en' ? '/en/moderation/' : '/moderation/';
  return page === 'console' ? base : `${base}${page === 'outbox' ? 'outbox' : locale === 'en' ? 'transfers' : 'transferts'}/`;
}
