// The small requests of the merchant space (/api/account/*): which listing, which member, which
// invitation or journal entry, an e-mail and a role. Messages in the caller's language.
import { z } from 'zod';
import { t, type Locale } from '../../src/i18n/index.ts';
import { isPlainText, merchantId } from './schema-parts.ts';

export const ROLES = ['owner', 'editor'] as const;

function object<T extends z.ZodRawShape>(locale: Locale, shape: T) {
  return z.strictObject(shape, { error: (issue) => t(locale, issue.code === 'unrecognized_keys' ? 'input.unknownField' : 'input.notObject') });
}

const email = (locale: Locale) =>
  z.string({ error: t(locale, 'register.email.required') }).trim().toLowerCase().max(254, t(locale, 'register.email.format'))
    .pipe(z.email({ error: t(locale, 'register.email.format') }));
const role = (locale: Locale) => z.enum(ROLES, { error: t(locale, 'input.notObject') });

export const listingRequest = (locale: Locale) => object(locale, { listingId: merchantId(locale) });
export const memberRequest = (locale: Locale) => object(locale, { listingId: merchantId(locale), userId: merchantId(locale) });
export const roleRequest = (locale: Locale) => object(locale, { listingId: merchantId(locale), userId: merchantId(locale), role: role(locale) });
export const inviteRequest = (locale: Locale) => object(locale, { listingId: merchantId(locale), email: email(locale), role: role(locale) });
export const invitationRequest = (locale: Locale) => object(locale, { invitationId: merchantId(locale), locale: z.enum(['fr', 'en']).optional() });
export const revertRequest = (locale: Locale) =>
  object(locale, { entryId: z.number({ error: t(locale, 'input.notObject') }).int().positive() });
export const signInRequest = (locale: Locale) =>
  object(locale, { email: email(locale), locale: z.enum(['fr', 'en']).optional() });
export const claimRequest = (locale: Locale) =>
  object(locale, { slug: z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, t(locale, 'account.transfer.listing')).max(200), locale: z.enum(['fr', 'en']).optional() });
export const transferRequest = (locale: Locale) =>
  object(locale, {
    // The listing's page address as the merchant copies it (https://…/commerces/<slug>/) or its slug.
    listing: z.string({ error: t(locale, 'account.transfer.listing') }).trim()
      .transform((v) => /\/commerces\/([a-z0-9-]+)/.exec(v)?.[1] ?? v)
      .pipe(z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, t(locale, 'account.transfer.listing')).max(200)),
    neq: z.string({ error: t(locale, 'register.neq.required') }).transform((v) => v.replace(/[\s-]+/g, ''))
      .pipe(z.string().regex(/^\d{10}$/, t(locale, 'register.neq.format'))),
    reason: z.string({ error: t(locale, 'account.transfer.reason_required') }).trim()
      .min(1, t(locale, 'account.transfer.reason_required')).max(2000).refine(isPlainText, t(locale, 'input.characters')),
  });
export const transferDecision = (locale: Locale) =>
  object(locale, {
    id: merchantId(locale),
    decision: z.enum(['approve', 'reject'], { error: t(locale, 'moderation.decision.invalid') }),
    reason: z.string().trim().max(2000).optional(),
  });
