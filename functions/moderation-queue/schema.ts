// The query of GET /api/moderation/queue: filters, page size and the cursor of the previous page.
import { z } from 'zod';
import { t, type Locale } from '../_shared/messages.ts';
import { blankAsAbsent, isPlainText, oneLine } from '../_shared/schema-parts.ts';
import { CATEGORY_SLUGS } from '../register/schema.ts';

export const MAX_PAGE = 500;
export const DEFAULT_PAGE = 50;
export const OUTCOMES = ['pass', 'warn', 'fail'] as const;

// "<submitted_at>|<id>", as public.moderation_queue() returns it in nextCursor.
const CURSOR = /^\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}:\d{2}(\.\d{1,6})?(Z|[+-]\d{2}(:?\d{2})?)?\|[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function queueQuery(locale: Locale) {
  return z.object({
    q: z.preprocess(
      blankAsAbsent,
      z.string().overwrite(oneLine).max(200, t(locale, 'moderation.q.tooLong', { max: 200 })).refine(isPlainText, t(locale, 'input.characters')).optional(),
    ),
    outcome: z.preprocess(blankAsAbsent, z.enum(OUTCOMES, { error: t(locale, 'moderation.outcome.invalid') }).optional()),
    category: z.preprocess(blankAsAbsent, z.enum(CATEGORY_SLUGS, { error: t(locale, 'moderation.category.invalid') }).optional()),
    region: z.preprocess(blankAsAbsent, z.string().regex(/^(0[1-9]|1[0-7])$/, t(locale, 'moderation.region.invalid')).optional()),
    limit: z.preprocess(
      blankAsAbsent,
      z.coerce
        .number({ error: t(locale, 'moderation.limit.invalid', { max: MAX_PAGE }) })
        .int(t(locale, 'moderation.limit.invalid', { max: MAX_PAGE }))
        .min(1, t(locale, 'moderation.limit.invalid', { max: MAX_PAGE }))
        .max(MAX_PAGE, t(locale, 'moderation.limit.invalid', { max: MAX_PAGE }))
        .default(DEFAULT_PAGE),
    ),
    cursor: z.preprocess(blankAsAbsent, z.string().regex(CURSOR, t(locale, 'moderation.cursor.invalid')).optional()),
  });
}
