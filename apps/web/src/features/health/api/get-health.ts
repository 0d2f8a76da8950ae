// GET /api/health: whether the BFF talks to Zomro or to its built-in emulator.
import { queryOptions, useQuery } from '@tanstack/react-query';
import type { healthResponseSchema, HealthResponse } from '@zomro-dash/shared';
import { apiRequest, type Answer } from '@/lib/api-client';

export function getHealth(): Promise<HealthResponse> {
  return apiRequest<Answer<typeof healthResponseSchema>>('/api/health', {
    waitForSignInOn401: false,
  });
}

export const getHealthQueryOptions = () =>
  queryOptions({ queryKey: ['health'], queryFn: getHealth, staleTime: Infinity, retry: false });

export const useHealth = () => useQuery(getHealthQueryOptions());

export function useIsDemo(): boolean {
  return useHealth().data?.upstream === 'emulator';
}
