// The query of GET /api/moderation/history: one listing's id.
import { z } from 'zod';
import { t, type Locale } from '../_shared/messages.ts';
import { blankAsAbsent, merchantId } from '../_shared/schema-parts.ts';

export function historyQuery(locale: Locale) {
  return z.object({
    id: z.preprocess(blankAsAbsent, z.string({ error: t(locale, 'input.required') }).pipe(merchantId(locale))),
  });
}
