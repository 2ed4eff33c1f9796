// The query of GET /api/registration-status: the two halves of an applicant's private link.
import { z } from 'zod';
import { LOCALES, t, type Locale } from '../_shared/messages.ts';
import { blankAsAbsent, isPlainText, merchantId } from '../_shared/schema-parts.ts';

export function registrationStatusQuery(locale: Locale) {
  return z.object({
    id: z.preprocess(blankAsAbsent, merchantId(locale)),
    // Any text: a token of the wrong shape is a wrong token, answered like one (404), not described.
    token: z.preprocess(
      blankAsAbsent,
      z.string({ error: t(locale, 'input.required') }).max(200, t(locale, 'input.tooLong', { max: 200 })).refine(isPlainText, t(locale, 'input.characters')),
    ),
    // The status page may ask for its own language instead of the browser's.
    locale: z.preprocess(blankAsAbsent, z.enum(LOCALES, { error: t(locale, 'register.locale.invalid') }).optional()),
  });
}
