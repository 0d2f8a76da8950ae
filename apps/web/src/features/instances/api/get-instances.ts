// GET /api/instances: every Cloud VPS of the account (the BFF fetches all pages).
import { queryOptions, useQuery } from '@tanstack/react-query';
import { instanceListResponseSchema, type Instance } from '@zomro-dash/shared';
import { apiRequest } from '@/lib/api-client';

export async function getInstances(): Promise<Instance[]> {
  const { instances } = await apiRequest('/api/instances', { schema: instanceListResponseSchema });
  return instances;
}

export const getInstancesQueryOptions = () =>
  queryOptions({ queryKey: ['instances'], queryFn: getInstances });

export const useInstances = () => useQuery(getInstancesQueryOptions());
