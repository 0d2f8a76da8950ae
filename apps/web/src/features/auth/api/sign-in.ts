// POST /api/session: username and password; answers the user, or that a 2FA code is needed.
import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { signInResponseSchema, Credentials, SignInResponse } from '@zomro-dash/shared';
import { apiRequest, type Answer } from '@/lib/api-client';
import { getSessionQueryOptions } from './get-session';
import { clearSignedOut } from './sign-out';

export function signIn(credentials: Credentials): Promise<SignInResponse> {
  return apiRequest<Answer<typeof signInResponseSchema>>('/api/session', {
    method: 'POST',
    body: credentials,
    waitForSignInOn401: false,
  });
}

export function useSignIn() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: signIn,
    onSuccess: (result) => {
      if (!('user' in result)) return;
      clearSignedOut();
      queryClient.setQueryData(getSessionQueryOptions().queryKey, result.user);
    },
  });
}
