// The body of POST /api/moderation/decide: which listings, what decision, and why.
import { z } from 'zod';
import { t, type Locale } from '../../src/i18n/index.ts';
import { isPlainText, MAX_IDS, merchantIds } from '../_shared/schema-parts.ts';

export const DECISIONS = ['approve', 'reject', 'request_changes'] as const;
export const MAX_REASON = 2000;

export function decideSchema(locale: Locale) {
  return z
    .strictObject(
      {
        ids: merchantIds(locale, MAX_IDS),
        decision: z.enum(DECISIONS, { error: t(locale, 'moderation.decision.invalid') }),
        reason: z
          .string({ error: t(locale, 'input.text') })
          .trim()
          .max(MAX_REASON, t(locale, 'moderation.reason.tooLong', { max: MAX_REASON }))
          .refine(isPlainText, t(locale, 'input.characters'))
          .optional()
          .transform((reason) => reason || undefined),
      },
      { error: (issue) => t(locale, issue.code === 'unrecognized_keys' ? 'input.unknownField' : 'input.notObject') },
    )
    .superRefine((value, ctx) => {
      // The merchant receives the reason: refusing or asking for changes without one tells them nothing.
      if (value.decision !== 'approve' && !value.reason) {
        ctx.addIssue({ code: 'custom', path: ['reason'], message: t(locale, 'moderation.reason.required') });
      }
    });
}

export type Decision = z.output<ReturnType<typeof decideSchema>>;
