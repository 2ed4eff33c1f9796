// The query of GET /api/moderation/outbox: words to look for (a recipient, a business's name) and
// the id the previous page ended at.
import { z } from 'zod';
import { t, type Locale } from '../../src/i18n/index.ts';
import { blankAsAbsent } from '../_shared/schema-parts.ts';

export const OUTBOX_PAGE = 50;

export function outboxQuery(locale: Locale) {
  return z.object({
    q: z.preprocess(blankAsAbsent, z.string().trim().max(200, t(locale, 'input.tooLong', { max: 200 })).optional()),
    before: z.preprocess(
      blankAsAbsent,
      z.coerce.number({ error: t(locale, 'moderation.cursor.invalid') }).int(t(locale, 'moderation.cursor.invalid')).positive(t(locale, 'moderation.cursor.invalid')).optional(),
    ),
  });
}
