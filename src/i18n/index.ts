// One dictionary per locale with dotted keys; a key missing from a dictionary falls back to French.
import { en } from './en.ts';
import { fr, type MessageKey } from './fr.ts';

export type { MessageKey };
export const LOCALES = ['fr', 'en'] as const;
export type Locale = (typeof LOCALES)[number];
export const DEFAULT_LOCALE: Locale = 'fr';

const dictionaries: Record<Locale, Partial<Record<MessageKey, string>>> = { fr, en };

/** The BCP 47 tag that Intl formatters and Open Graph use for a site locale: intlLocale('fr') === 'fr-CA'. */
export function intlLocale(locale: Locale): 'fr-CA' | 'en-CA' {
  return locale === 'en' ? 'en-CA' : 'fr-CA';
}

/**
 * The message for a key, with {name} placeholders filled in; French when the locale lacks the key.
 * t('en', 'search.none', { q: 'pain' }) === 'No business matches “pain”.'
 */
export function t(locale: Locale, key: MessageKey, vars: Record<string, string | number> = {}): string {
  const template = dictionaries[locale][key] ?? fr[key];
  // Most messages have no placeholder, and every merchant page asks for over a hundred of them.
  if (!template.includes('{')) return template;
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => (name in vars ? String(vars[name]) : whole));
}

type PluralBase<K = MessageKey> = K extends `${infer B}.one` ? B : never;

/**
 * A counted message: picks `<key>.one` or `<key>.other` with Intl.PluralRules and formats {count}.
 * tCount('fr', 'count.merchants', 1200) === '1 200 commerces' (with a no-break space)
 */
export function tCount(locale: Locale, base: PluralBase, count: number): string {
  const rule = pluralRules[locale].select(count) === 'one' ? 'one' : 'other';
  return t(locale, `${base}.${rule}` as MessageKey, { count: numberFormats[locale].format(count) });
}

// Created once: Intl objects are slow to build and tCount runs on every list page.
const pluralRules = { fr: new Intl.PluralRules('fr-CA'), en: new Intl.PluralRules('en-CA') };
const numberFormats = { fr: new Intl.NumberFormat('fr-CA'), en: new Intl.NumberFormat('en-CA') };
