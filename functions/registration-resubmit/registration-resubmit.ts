// POST /api/registration-resubmit {id, token, …the registration's fields}: after a moderator asked
// for changes, the applicant corrects the registration from its private status page and sends it
// again. The same registration takes the new fields and pre-checks and waits again in the queue at
// its first place (public.resubmit_registration); 409 `not_editable` when it is not awaiting changes.
// A browser without JavaScript posts the status page's form and gets a redirect to the status page.
import type { Config } from '@netlify/functions';
import { handler } from '../_shared/handler.ts';
import { asRegistrar, noClientAddress, registrationAnswer } from '../_shared/registration.ts';
import { refuseAs } from '../_shared/form-page.ts';
import { fromForm, resubmissionSchema, toSubmission } from '../_shared/registration-schema.ts';
import type { Refusal } from '../_shared/respond.ts';

export const config: Config = { path: '/api/registration-resubmit' };

const MAX_BODY_BYTES = 64 * 1024;

export default handler({
  name: 'registration-resubmit',
  methods: ['POST'],
  // The status page's script sends JSON; without it, the page's form posts its fields, with the
  // private link's two halves and the hours the form does not show (hoursKept).
  body: { schema: resubmissionSchema, limit: MAX_BODY_BYTES },
  prepare: (raw, kind) => (kind === 'form' ? fromCorrectionForm(raw as URLSearchParams) : raw),
  refused: (refusal: Refusal, locale, kind) => refuseAs(kind, refusal, locale),
  wording: { notFound: 'error.registration_not_found' },
  run: async ({ input, claims, locale, context, kind }) => {
    const { id, token, ...fields } = input;
    const submission = toSubmission(fields, locale);
    const result = await asRegistrar(context, claims, 'public.resubmit_registration($1, $2, $3::jsonb, $4)', (bucket) => [
      id, token, JSON.stringify(submission), bucket,
    ]);
    if (!result) return refuseAs(kind, noClientAddress(locale), locale);
    return registrationAnswer(result, locale, kind === 'form');
  },
});

/** The correction form's fields as the JSON the script would send. */
function fromCorrectionForm(form: URLSearchParams): Record<string, unknown> {
  const { consent: _consent, ...fields } = fromForm(form);
  const input: Record<string, unknown> = { ...fields, id: form.get('id') ?? '', token: form.get('token') ?? '' };
  const locale = form.get('locale');
  if (locale) input.locale = locale;
  try {
    const kept = JSON.parse(form.get('hoursKept') ?? '{}') as Record<string, unknown>;
    if (kept && typeof kept === 'object' && Object.keys(kept).length) input.hours = { ...((input.hours as object) ?? {}), ...kept };
  } catch {
    // Not JSON: nothing kept; the week from the table still counts.
  }
  return input;
}
