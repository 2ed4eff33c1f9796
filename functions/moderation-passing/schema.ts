// The query of GET /api/moderation/passing: the queue's filters, less the outcome (always "pass")
// and the paging.
import type { Locale } from '../_shared/messages.ts';
import { queueQuery } from '../moderation-queue/schema.ts';

export function passingQuery(locale: Locale) {
  return queueQuery(locale).pick({ q: true, category: true, region: true });
}
