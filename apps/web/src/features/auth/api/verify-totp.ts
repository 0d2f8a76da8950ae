// POST /api/session/totp: the second step for a two-factor account.
import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { sessionResponseSchema, SessionUser, TotpInput } from '@zomro-dash/shared';
import { apiRequest, type Answer } from '@/lib/api-client';
import { getSessionQueryOptions } from './get-session';
import { clearSignedOut } from './sign-out';

export async function verifyTotp(input: TotpInput): Promise<SessionUser> {
  const { user } = await apiRequest<Answer<typeof sessionResponseSchema>>('/api/session/totp', {
    method: 'POST',
    body: input,
    waitForSignInOn401: false,
  });
  return user;
}

export function useVerifyTotp() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: verifyTotp,
    onSuccess: (user) => {
      clearSignedOut();
      queryClient.setQueryData(getSessionQueryOptions().queryKey, user);
    },
  });
}
