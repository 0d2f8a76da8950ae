// GET /api/instances: every Cloud VPS of the account (the BFF fetches all pages).
import { queryOptions, useQuery } from '@tanstack/react-query';
import type { instanceListResponseSchema, Instance } from '@zomro-dash/shared';
import { apiRequest, type Answer } from '@/lib/api-client';

export async function getInstances(): Promise<Instance[]> {
  const { instances } =
    await apiRequest<Answer<typeof instanceListResponseSchema>>('/api/instances');
  return instances;
}

export const getInstancesQueryOptions = () =>
  queryOptions({ queryKey: ['instances'], queryFn: getInstances });

export const useInstances = () => useQuery(getInstancesQueryOptions());
