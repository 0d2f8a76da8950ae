// DELETE /api/session: ends the dashboard session and Zomro's; forgets every cached answer.
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { ApiError, apiRequest } from '@/lib/api-client';
import { getSessionQueryOptions } from './get-session';

let signedOut = false;

/** Whether the operator signed out in this page's life (and has not signed in since). */
export const hasSignedOut = () => signedOut;
export const clearSignedOut = () => {
  signedOut = false;
};

/** Resolves once the session is over: ended now, or (401) already gone. */
export async function signOut(): Promise<void> {
  try {
    await apiRequest('/api/session', { method: 'DELETE', waitForSignInOn401: false });
  } catch (error) {
    if (error instanceof ApiError && error.statusCode === 401) return;
    throw error;
  }
}

/**
 * Signing out. When the server was not reached, the session there lives on: the page stays as it
 * is and says so (the caller offers Retry) rather than showing the sign-in page as if it had
 * worked (issue 20 item 6, decision 094).
 */
export function useSignOut() {
  const queryClient = useQueryClient();
  const sessionKey = getSessionQueryOptions().queryKey;
  return useMutation({
    mutationFn: signOut,
    onSuccess: () => {
      signedOut = true;
      queryClient.setQueryData(sessionKey, null);
      queryClient.removeQueries({ predicate: (query) => query.queryKey[0] !== sessionKey[0] });
    },
  });
}
