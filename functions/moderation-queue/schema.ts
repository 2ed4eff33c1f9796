// The query of GET /api/moderation/queue: filters, page size and the cursor of the previous page.
import { z } from 'zod';
import { t, type Locale } from '../../src/i18n/index.ts';
import { blankAsAbsent, queueFilters } from '../_shared/schema-parts.ts';

export const MAX_PAGE = 500;
export const DEFAULT_PAGE = 50;
export const OUTCOMES = ['pass', 'warn', 'fail'] as const;

// "<submitted_at>|<id>", as public.moderation_queue() returns it in nextCursor.
const CURSOR = /^\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}:\d{2}(\.\d{1,6})?(Z|[+-]\d{2}(:?\d{2})?)?\|[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function queueQuery(locale: Locale) {
  const pageSize = t(locale, 'moderation.limit.invalid', { max: MAX_PAGE });
  return queueFilters(locale).extend({
    outcome: z.preprocess(blankAsAbsent, z.enum(OUTCOMES, { error: t(locale, 'moderation.outcome.invalid') }).optional()),
    limit: z.preprocess(
      blankAsAbsent,
      z.coerce.number({ error: pageSize }).int(pageSize).min(1, pageSize).max(MAX_PAGE, pageSize).default(DEFAULT_PAGE),
    ),
    cursor: z.preprocess(
      blankAsAbsent,
      z.string()
        .regex(CURSOR, t(locale, 'moderation.cursor.invalid'))
        // The right shape that is still no date (month 13) is refused here, not by the database.
        .refine((cursor) => !Number.isNaN(Date.parse(cursor.split('|')[0]!.replace(' ', 'T'))), t(locale, 'moderation.cursor.invalid'))
        .optional(),
    ),
  });
}
