// What /api/moderation/* answers, as zod schemas: the endpoints' tests hold every answer to them
// (an SQL function that drops or renames a field fails there, not in a moderator's browser), and
// the console takes its types from them (import type only: zod stays out of the page's script).
// Strict objects would refuse additive changes, which the API promises to allow: the schemas name
// what the console reads, and extra fields pass.
import { z } from 'zod';

const id = z.uuid();
const instant = z.string().refine((value) => !Number.isNaN(Date.parse(value)), 'not a date');
const outcome = z.enum(['pass', 'warn', 'fail']);
const locale = z.enum(['fr', 'en']);

export const checkAnswer = z.object({ check: z.string(), outcome, message: z.string() });

/** The fields a moderator reads of a submission or a listing, in every answer that shows one. */
const moderatedFields = z.object({
  name: z.string(), category: z.string(), address: z.string(), city: z.string(), region: z.string().nullable(),
  postalCode: z.string(), neq: z.string().nullable(), phone: z.string().nullable(), website: z.string().nullable(),
  email: z.string().nullable(), descriptionFr: z.string(), descriptionEn: z.string(),
  // Published as they are: the moderator sees them before approving.
  socialLinks: z.array(z.string()), openingHours: z.record(z.string(), z.unknown()),
  location: z.object({ precision: z.enum(['pin', 'town', 'none']), latitude: z.number().nullable(), longitude: z.number().nullable() }),
});

/** GET /api/moderation/queue */
export const queueAnswer = z.object({
  items: z.array(moderatedFields.extend({
    id, kind: z.enum(['create', 'change']), listingId: id.nullable(), locale,
    checks: z.array(checkAnswer), outcome, submittedAt: instant,
  })),
  nextCursor: z.string().nullable(),
});

/** GET /api/moderation/compare: published listings say status "approved", proposals their own. */
export const compareAnswer = z.object({
  submission: moderatedFields.extend({
    id, kind: z.enum(['create', 'change']), status: z.string(), locale, submittedAt: instant, slug: z.string().nullable(),
  }),
  duplicates: z.array(moderatedFields.extend({
    id, status: z.string(), locale: locale.optional(), submittedAt: instant, slug: z.string().optional(),
    matches: z.array(z.enum(['neq', 'phone', 'website', 'name'])),
  })),
  // A member's change: the listing as published now.
  published: moderatedFields.extend({ id, status: z.string(), locale: locale.optional(), submittedAt: instant, slug: z.string() }).optional(),
});

/** GET /api/moderation/history */
export const historyAnswer = z.object({
  id, kind: z.enum(['create', 'change']), name: z.string(), status: z.string(), submittedAt: instant,
  checks: z.array(checkAnswer),
  decisions: z.array(z.object({
    decision: z.string(), reason: z.string().nullable(), moderator: z.string().nullable(), previousStatus: z.string().nullable(),
    listingChange: z.string().nullable(), decidedAt: instant,
  })),
});

/** GET /api/moderation/backlog */
export const backlogAnswer = z.object({
  pending: z.number().int(), pass: z.number().int(), warn: z.number().int(), fail: z.number().int(),
  oldestSubmittedAt: instant.nullable(),
});

/** GET /api/moderation/passing */
export const passingAnswer = z.object({
  total: z.number().int(), count: z.number().int(), ids: z.array(id),
  items: z.array(z.object({ id, name: z.string(), city: z.string(), category: z.string() })),
});

/** POST /api/moderation/decide and /api/moderation/approve-passing */
export const decisionAnswer = z.object({
  decision: z.enum(['approve', 'reject', 'request_changes']), changed: z.number().int(), unchanged: z.number().int(),
  changedIds: z.array(id),
});

/** GET /api/moderation/outbox */
export const outboxAnswer = z.object({
  items: z.array(z.object({
    id: z.number().int(), proposalId: id.nullable(), recipient: z.string(), locale,
    kind: z.enum(['approve', 'reject', 'request_changes', 'received', 'status_link', 'invitation', 'transfer']),
    subject: z.string(), body: z.string(), createdAt: instant, sentAt: instant.nullable(),
    failedAt: instant.nullable(), attempts: z.number().int(), lastError: z.string().nullable(), nextAttemptAt: instant,
  })),
  /** The id to ask `before` for the next (older) page, or null on the last page. */
  nextBefore: z.number().int().nullable(),
});

export type Check = z.infer<typeof checkAnswer>;
export type Queue = z.infer<typeof queueAnswer>;
export type QueueItem = Queue['items'][number];
export type Compare = z.infer<typeof compareAnswer>;
export type ComparedListing = Compare['submission'] | Compare['duplicates'][number] | NonNullable<Compare['published']>;
export type History = z.infer<typeof historyAnswer>;
export type Backlog = z.infer<typeof backlogAnswer>;
export type Passing = z.infer<typeof passingAnswer>;
export type DecisionResult = z.infer<typeof decisionAnswer>;
export type Notice = z.infer<typeof outboxAnswer>['items'][number];
