// The body of POST /api/moderation/approve-passing: the ids GET /api/moderation/passing listed, and
// the count the moderator confirmed, which must be their number.
import { z } from 'zod';
import { t, type Locale } from '../../src/i18n/index.ts';
import { MAX_IDS, merchantIds } from '../_shared/schema-parts.ts';


export function approvePassingSchema(locale: Locale) {
  return z
    .strictObject(
      {
        ids: merchantIds(locale, MAX_IDS),
        count: z.number({ error: t(locale, 'input.invalid') }).int(t(locale, 'input.invalid')).min(1, t(locale, 'input.invalid')).max(MAX_IDS, t(locale, 'input.invalid')),
      },
      { error: (issue) => t(locale, issue.code === 'unrecognized_keys' ? 'input.unknownField' : 'input.notObject') },
    )
    .superRefine((value, ctx) => {
      // A client that lost track of what it showed must not approve more (or fewer) than confirmed.
      if (value.count !== value.ids.length) {
        ctx.addIssue({ code: 'custom', path: ['count'], message: t(locale, 'moderation.count.mismatch', { count: value.ids.length }) });
      }
    });
}
