// GET /api/session: who is signed in, or null when nobody is.
import { queryOptions, useQuery } from '@tanstack/react-query';
import type { sessionResponseSchema, SessionUser } from '@zomro-dash/shared';
import { ApiError, apiRequest, type Answer } from '@/lib/api-client';

export async function getSession(): Promise<SessionUser | null> {
  try {
    const { user } = await apiRequest<Answer<typeof sessionResponseSchema>>('/api/session', {
      waitForSignInOn401: false,
      answerStatuses: [401],
    });
    return user;
  } catch (error) {
    if (error instanceof ApiError && error.statusCode === 401) return null;
    throw error;
  }
}

export const getSessionQueryOptions = () =>
  queryOptions({
    queryKey: ['session'],
    queryFn: getSession,
    // The session only changes through this app's own sign-in and sign-out, which set it.
    staleTime: Infinity,
    refetchOnWindowFocus: false,
  });

export const useSession = () => useQuery(getSessionQueryOptions());
