// Pieces several schemas share. No Node-only imports: pages import the schemas that use these.
import { z } from 'zod';
import { t, type Locale } from '../../src/i18n/index.ts';

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

// Bidirectional embeddings, overrides and isolates reorder what a reader sees ("‮moc.elpmaxe") and
// a run of combining marks piles glyphs over the lines around it: both are refused. (Vietnamese
// stacks two marks on a letter; three in a row is never writing.)
const BIDI_CONTROL = /[\u202a-\u202e\u2066-\u2069]/;
const MARK_FLOOD = /\p{M}{3,}/u;
// Invisible characters with no use in a name or a description: removed, so two names that look the
// same compare the same. Joiners (U+200C, U+200D) stay: emoji and some scripts need them.
const INVISIBLE = /[\u200b\u2060\ufeff\u180e]/g;

/** isPlainText('Café Ginette') === true; isPlainText('a\u0000b') === false; isPlainText('a\u202eb') === false */
export function isPlainText(value: string): boolean {
  return !CONTROL.test(value) && !LONE_SURROGATE.test(value) && !BIDI_CONTROL.test(value) && !MARK_FLOOD.test(value);
}

/** withoutInvisibles('Café\u200b Ginette') === 'Café Ginette' */
export const withoutInvisibles = (value: string) => value.replace(INVISIBLE, '');

/** One line: runs of spaces, tabs and line breaks become one space, none at either end. */
export const oneLine = (value: string) => value.replace(/\s+/g, ' ').trim();

/** At most this many listings in one decision, recheck or bulk approval. */
export const MAX_IDS = 5000;

/** The query of endpoints about one proposal (history, compare): ?id=<uuid>. */
export function proposalIdQuery(locale: Locale) {
  return z.object({
    id: z.preprocess(blankAsAbsent, z.string({ error: t(locale, 'input.required') }).pipe(merchantId(locale))),
  });
}

const REGION_CODE = /^(0[1-9]|1[0-7])$/;

/** The moderation queue's filters, shared by the queue and the count of what passes every check. */
export function queueFilters(locale: Locale) {
  return z.object({
    q: z.preprocess(
      blankAsAbsent,
      z.string().overwrite(oneLine).max(200, t(locale, 'moderation.q.tooLong', { max: 200 })).refine(isPlainText, t(locale, 'input.characters')).optional(),
    ),
    category: z.preprocess(blankAsAbsent, z.enum(CATEGORY_SLUGS, { error: t(locale, 'moderation.category.invalid') }).optional()),
    region: z.preprocess(blankAsAbsent, z.string().regex(REGION_CODE, t(locale, 'moderation.region.invalid')).optional()),
  });
}

/** The categories of supabase/migrations/20261127040000_reference_data.sql, in the same order. */
export const CATEGORY_SLUGS = [
  'epicerie-alimentation',
  'boulangerie-patisserie',
  'boucherie-poissonnerie',
  'restaurant-cafe',
  'bieres-vins-spiritueux',
  'mode-vetements',
  'maison-decoration',
  'librairie-papeterie',
  'artisanat-metiers-d-art',
  'sante-beaute',
  'sports-plein-air',
  'jouets-enfants',
  'quincaillerie-renovation',
  'fleuriste-jardinage',
  'animaux',
  'services',
] as const;

/** The query of an endpoint that takes none (a parameter added to bust a cache is ignored). */
export function emptyQuery(_locale: Locale) {
  return z.object({});
}

/** The token half of a status link: any text (a token of the wrong shape is a wrong token, answered like one, 404). */
export function statusToken(locale: Locale) {
  return z.preprocess(
    blankAsAbsent,
    z.string({ error: t(locale, 'input.required') }).max(200, t(locale, 'input.tooLong', { max: 200 })).refine(isPlainText, t(locale, 'input.characters')),
  );
}
