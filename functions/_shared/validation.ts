// zod's issues as the API's field errors: one { field, message } per problem, the field a dotted
// path ('hours.mon.0'), the message already in the request's language (the schemas carry them).
import type { z } from 'zod';
import { t, type Locale } from '../../src/i18n/index.ts';
import type { FieldError, Refusal } from './respond.ts';

// A list of 5,000 malformed ids would otherwise answer with 5,000 errors.
const MAX_ERRORS = 50;

export function fieldErrors(issues: readonly z.core.$ZodIssue[], locale: Locale): FieldError[] {
  const errors: FieldError[] = [];
  for (const issue of issues) {
    const path = issue.path.map(String);
    if (issue.code === 'unrecognized_keys') {
      for (const key of issue.keys) errors.push({ field: [...path, key].join('.'), message: t(locale, 'input.unknownField') });
    } else {
      errors.push({ field: path.join('.') || 'body', message: issue.message });
    }
  }
  return errors.slice(0, MAX_ERRORS);
}

/** The 400 for input that failed its schema. */
export function invalidInput(error: z.ZodError, locale: Locale): Refusal {
  return { reason: 'invalid_input', message: t(locale, 'error.invalid_input'), errors: fieldErrors(error.issues, locale) };
}

/** Parses with the schema; any issue the schema did not word itself gets a generic message in `locale`. */
export function validate<S extends z.ZodType>(schema: S, input: unknown, locale: Locale): z.ZodSafeParseResult<z.output<S>> {
  return schema.safeParse(input, { error: () => t(locale, 'input.invalid') });
}
