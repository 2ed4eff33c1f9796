// The query of GET /api/registration-status: the two halves of an applicant's private link.
import { z } from 'zod';
import { LOCALES, t, type Locale } from '../../src/i18n/index.ts';
import { blankAsAbsent, merchantId, statusToken } from '../_shared/schema-parts.ts';

export function registrationStatusQuery(locale: Locale) {
  return z.object({
    id: z.preprocess(blankAsAbsent, merchantId(locale)),
    token: statusToken(locale),
    // The status page may ask for its own language instead of the browser's.
    locale: z.preprocess(blankAsAbsent, z.enum(LOCALES, { error: t(locale, 'register.locale.invalid') }).optional()),
  });
}
