// DELETE /api/session: ends the dashboard session and Zomro's; forgets every cached answer.
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiRequest } from '@/lib/api-client';
import { getSessionQueryOptions } from './get-session';

let signedOut = false;

/** Whether the operator signed out in this page's life (and has not signed in since). */
export const hasSignedOut = () => signedOut;
export const clearSignedOut = () => {
  signedOut = false;
};

export function signOut(): Promise<void> {
  return apiRequest('/api/session', { method: 'DELETE', waitForSignInOn401: false });
}

export function useSignOut() {
  const queryClient = useQueryClient();
  const sessionKey = getSessionQueryOptions().queryKey;
  return useMutation({
    mutationFn: signOut,
    // Even if the server could not be told, this browser forgets the account's data.
    onSettled: () => {
      signedOut = true;
      queryClient.setQueryData(sessionKey, null);
      queryClient.removeQueries({ predicate: (query) => query.queryKey[0] !== sessionKey[0] });
    },
  });
}
