// GET /api/audit: the account's activity, newest first, a page at a time (the cursor comes back
// with each page); and every entry a filter matches, for an export.
import { infiniteQueryOptions, useInfiniteQuery } from '@tanstack/react-query';
import type { auditPageSchema, AuditEntry, AuditPage } from '@zomro-dash/shared';
import { AUDIT_PAGE_MAX } from '@zomro-dash/shared/plain';
import { apiRequest, type Answer } from '@/lib/api-client';

export interface AuditFilters {
  actor?: string;
  instanceId?: string;
  /** Only these actions; every action when absent. */
  actions?: readonly string[];
}

/** Rows on one page of the table: a phone shows a page, not a 10 000 px list. */
export const AUDIT_PAGE_SIZE = 20;
/** An export reads at most this many pages of AUDIT_PAGE_MAX entries. */
const EXPORT_PAGES_MAX = 50;

export function getAuditPage(
  filters: AuditFilters,
  cursor: string | null,
  limit = AUDIT_PAGE_SIZE,
): Promise<AuditPage> {
  const query = new URLSearchParams({ limit: String(limit) });
  if (filters.actor) query.set('actor', filters.actor);
  if (filters.instanceId) query.set('instanceId', filters.instanceId);
  if (filters.actions) query.set('action', filters.actions.join(','));
  if (cursor) query.set('cursor', cursor);
  return apiRequest<Answer<typeof auditPageSchema>>(`/api/audit?${query.toString()}`);
}

/** Every entry the filters match, newest first (for an export; bounded). */
export async function getAllAudit(filters: AuditFilters): Promise<AuditEntry[]> {
  const entries: AuditEntry[] = [];
  let cursor: string | null = null;
  for (let page = 0; page < EXPORT_PAGES_MAX; page++) {
    const answer = await getAuditPage(filters, cursor, AUDIT_PAGE_MAX);
    entries.push(...answer.entries);
    cursor = answer.nextCursor;
    if (cursor === null) break;
  }
  return entries;
}

export const getAuditQueryOptions = (filters: AuditFilters) =>
  infiniteQueryOptions({
    queryKey: ['audit', filters],
    queryFn: ({ pageParam }) => getAuditPage(filters, pageParam),
    initialPageParam: null as string | null,
    getNextPageParam: (page) => page.nextCursor,
    refetchOnWindowFocus: 'always',
  });

export const useAudit = (filters: AuditFilters) => useInfiniteQuery(getAuditQueryOptions(filters));
