// GET /api/audit: the account's activity, newest first, a page at a time (the cursor comes back
// with each page).
import { infiniteQueryOptions, useInfiniteQuery } from '@tanstack/react-query';
import type { auditPageSchema, AuditPage } from '@zomro-dash/shared';
import { apiRequest, type Answer } from '@/lib/api-client';

export interface AuditFilters {
  actor?: string;
  instanceId?: string;
}

export const AUDIT_PAGE_SIZE = 50;

export function getAuditPage(filters: AuditFilters, cursor: string | null): Promise<AuditPage> {
  const query = new URLSearchParams({ limit: String(AUDIT_PAGE_SIZE) });
  if (filters.actor) query.set('actor', filters.actor);
  if (filters.instanceId) query.set('instanceId', filters.instanceId);
  if (cursor) query.set('cursor', cursor);
  return apiRequest<Answer<typeof auditPageSchema>>(`/api/audit?${query.toString()}`);
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
