// The query of GET /api/moderation/passing: the queue's filters, less the outcome (always "pass")
// and the paging.
import { queueFilters } from '../_shared/schema-parts.ts';

export const passingQuery = queueFilters;
