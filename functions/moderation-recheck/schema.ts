// The body of POST /api/moderation/recheck: the listings whose pre-checks to run again, or none to
// run them on every pending listing.
import { z } from 'zod';
import { t, type Locale } from '../../src/i18n/index.ts';
import { MAX_IDS, merchantIds } from '../_shared/schema-parts.ts';


export function recheckSchema(locale: Locale) {
  return z.strictObject(
    { ids: merchantIds(locale, MAX_IDS).optional() },
    { error: (issue) => t(locale, issue.code === 'unrecognized_keys' ? 'input.unknownField' : 'input.notObject') },
  );
}
