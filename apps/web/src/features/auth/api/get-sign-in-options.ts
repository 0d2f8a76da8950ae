// GET /api/session/options: personal or team mode, and how operators sign in (public).
import { queryOptions, useQuery } from '@tanstack/react-query';
import type { signInOptionsSchema, SignInOptions } from '@zomro-dash/shared';
import { apiRequest, type Answer } from '@/lib/api-client';

export function getSignInOptions(): Promise<SignInOptions> {
  return apiRequest<Answer<typeof signInOptionsSchema>>('/api/session/options', {
    waitForSignInOn401: false,
  });
}

export const getSignInOptionsQueryOptions = () =>
  queryOptions({
    queryKey: ['session-options'],
    queryFn: getSignInOptions,
    // Fixed for the life of the server.
    staleTime: Infinity,
  });

export const useSignInOptions = () => useQuery(getSignInOptionsQueryOptions());
