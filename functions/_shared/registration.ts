// What the two ways of sending a registration share (POST /api/register, and POST
// /api/registration-resubmit after "changes requested"): the client's rate-limit bucket, the call as
// the registrar role, and the answer: JSON for scripts, a redirect to the status page for a browser
// form.
import { t, type Locale } from '../../src/i18n/index.ts';
import { asRole, type Claims } from './as-user.ts';
import { clientAddress, clientBucket } from './client-bucket.ts';
import { database } from './db.ts';
import type { PlatformContext } from './handler.ts';
import { json, seeOther, type Refusal } from './respond.ts';
import { renderChecks } from '../../src/lib/checks.ts';
import { siteUrl } from './site-url.ts';

export type Registered = { id: string; status: string; statusToken: string; checks: unknown; checksOutcome: string; created: boolean };

/** The refusal for a request that carries no client address to count it by. */
export function noClientAddress(locale: Locale): Refusal {
  return { reason: 'no_client_address', message: t(locale, 'error.no_client_address') };
}

/**
 * Calls `expression` as vitrine_registrar, the only role that may store a registration, with the
 * parameters `params` makes from the client's bucket; null when the platform gave no client address.
 */
export async function asRegistrar(
  context: PlatformContext,
  claims: Claims | null,
  expression: string,
  params: (bucket: string) => unknown[],
): Promise<Registered | null> {
  const address = clientAddress(context);
  if (!address) return null;
  const db = await database();
  return asRole(db, 'vitrine_registrar', claims ?? {}, async (tx) => {
    const bucket = await clientBucket(tx, address, db);
    const [{ result }] = await tx.query<{ result: Registered }>(`select ${expression} as result`, params(bucket));
    return result!;
  });
}

/** The applicant's private page: /statut/ in French, /en/status/ in English, on the configured site. */
export function statusUrl(locale: Locale, id: string, token: string): string {
  const path = locale === 'en' ? '/en/status/' : '/statut/';
  return `${siteUrl()}${path}?${new URLSearchParams({ id, token })}`;
}

/** 201 (or 200 for a retry) with the status link, or, for a browser's form, 303 to the status page. */
export function registrationAnswer(result: Registered, locale: Locale, fromForm: boolean): Response {
  const link = statusUrl(locale, result.id, result.statusToken);
  if (fromForm) return seeOther(link);
  return json(
    {
      id: result.id,
      status: result.status,
      statusUrl: link,
      statusToken: result.statusToken,
      checks: renderChecks(result.checks, locale),
      checksOutcome: result.checksOutcome,
      created: result.created,
    },
    result.created ? 201 : 200,
    result.created ? { location: link } : {},
  );
}
