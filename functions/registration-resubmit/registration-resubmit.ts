// POST /api/registration-resubmit {id, token, …the registration's fields}: after a moderator asked
// for changes, the applicant corrects the registration from its private status page and sends it
// again. The same registration takes the new fields and pre-checks and waits again in the queue at
// its first place (public.resubmit_registration); 409 `not_editable` when it is not awaiting changes.
import type { Config } from '@netlify/functions';
import { handler } from '../_shared/handler.ts';
import { asRegistrar, noClientAddress, registrationAnswer } from '../_shared/registration.ts';
import { resubmissionSchema, toSubmission } from '../_shared/registration-schema.ts';
import { refuse } from '../_shared/respond.ts';

export const config: Config = { path: '/api/registration-resubmit' };

const MAX_BODY_BYTES = 64 * 1024;

export default handler({
  name: 'registration-resubmit',
  methods: ['POST'],
  // The status page sends it with its script: the form there is filled from the registration.
  body: { schema: resubmissionSchema, limit: MAX_BODY_BYTES, accept: ['json'] },
  wording: { notFound: 'error.registration_not_found' },
  run: async ({ input, claims, locale, context }) => {
    const { id, token, ...fields } = input;
    const submission = toSubmission(fields, locale);
    const result = await asRegistrar(context, claims, 'public.resubmit_registration($1, $2, $3::jsonb, $4)', (bucket) => [
      id, token, JSON.stringify(submission), bucket,
    ]);
    if (!result) return refuse(noClientAddress(locale));
    return registrationAnswer(result, locale, false);
  },
});
