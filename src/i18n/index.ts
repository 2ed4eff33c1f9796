// The one dictionary system: one dictionary per locale with dotted keys (fr.ts, en.ts), a key missing
// from a dictionary falls back to French. Pages, the console, the functions and the notices all read it.
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

export function isLocale(value: unknown): value is Locale {
  return value === 'fr' || value === 'en';
}

/**
 * The preferred of French and English in an Accept-Language header, French when neither is named.
 * negotiateLocale('en-CA,en;q=0.9,fr;q=0.8') === 'en'; negotiateLocale('de-DE') === 'fr'
 */
export function negotiateLocale(header: string | null | undefined): Locale {
  if (!header) return DEFAULT_LOCALE;
  const ranges = header
    .split(',')
    .map((part, index) => {
      const [tag = '', ...params] = part.trim().split(';');
      const q = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
      const quality = q ? Number(q.slice(2)) : 1;
      return { language: tag.trim().toLowerCase().split('-')[0], quality: Number.isFinite(quality) ? quality : 0, index };
    })
    .filter((range) => range.quality > 0)
    .sort((a, b) => b.quality - a.quality || a.index - b.index);
  const match = ranges.find((range) => isLocale(range.language));
  return match ? (match.language as Locale) : DEFAULT_LOCALE;
}

/** The label of a field ('hours.mon' → the label of hours); the name itself when it has none. */
export function fieldLabel(locale: Locale, field: string): string {
  const key = `field.${field.split('.')[0]}`;
  return key in fr ? t(locale, key as MessageKey) : field;
}

/** Whether a key exists in the dictionary (for keys built from data: check codes, states). */
export function hasMessage(key: string): key is MessageKey {
  return key in fr;
}
