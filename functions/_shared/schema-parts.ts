// Pieces several schemas share. No Node-only imports: pages import the schemas that use these.
import { z } from 'zod';
import { t, type Locale } from './messages.ts';

/** A listing's id: a UUID in its usual 8-4-4-4-12 form, any case, compared in lower case. */
export function merchantId(locale: Locale) {
  return z
    .string({ error: t(locale, 'moderation.id.format') })
    .trim()
    .pipe(z.guid({ error: t(locale, 'moderation.id.format') }))
    .transform((id) => id.toLowerCase());
}

/** 1 to `max` listing ids, each once. */
export function merchantIds(locale: Locale, max: number) {
  return z
    .array(merchantId(locale), { error: t(locale, 'moderation.ids.required') })
    .min(1, t(locale, 'moderation.ids.required'))
    .max(max, t(locale, 'moderation.ids.tooMany', { max }))
    .transform((ids) => [...new Set(ids)]);
}

/** A query-string value: an empty parameter (a GET form left blank) counts as absent. */
export const blankAsAbsent = (value: unknown) => (value === '' ? undefined : value);

// PostgreSQL text cannot hold NUL, and jsonb refuses lone UTF-16 surrogates: such input is refused
// here, as bad input, instead of failing in the database. Other control characters have no place in
// what people read either; line breaks and tabs are allowed where a field may span lines.
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/;
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

/** isPlainText('Café Ginette') === true; isPlainText('a\u0000b') === false */
export function isPlainText(value: string): boolean {
  return !CONTROL.test(value) && !LONE_SURROGATE.test(value);
}

/** One line: runs of spaces, tabs and line breaks become one space, none at either end. */
export const oneLine = (value: string) => value.replace(/\s+/g, ' ').trim();
