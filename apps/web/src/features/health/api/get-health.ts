// GET /api/health: whether the BFF talks to Zomro or to its built-in emulator.
import { queryOptions, useQuery } from '@tanstack/react-query';
import { healthResponseSchema, type HealthResponse } from '@zomro-dash/shared';
import { apiRequest } from '@/lib/api-client';

export function getHealth(): Promise<HealthResponse> {
  return apiRequest('/api/health', { schema: healthResponseSchema, waitForSignInOn401: false });
}

export const getHealthQueryOptions = () =>
  queryOptions({ queryKey: ['health'], queryFn: getHealth, staleTime: Infinity, retry: false });

export const useHealth = () => useQuery(getHealthQueryOptions());

export function useIsDemo(): boolean {
  return useHealth().data?.upstream === 'emulator';
}
