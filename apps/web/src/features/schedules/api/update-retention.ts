// PUT /api/instances/:instanceId/retention: how many scheduled backups Zomro keeps. The number
// shown changes once the BFF confirms it (a refusal leaves it as it was).
import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { retentionResponseSchema } from '@zomro-dash/shared';
import { apiRequest, type Answer } from '@/lib/api-client';
import { getSchedulesQueryOptions } from './get-schedules';

export async function updateRetention(instanceId: string, retention: number): Promise<number> {
  const answer = await apiRequest<Answer<typeof retentionResponseSchema>>(
    `/api/instances/${encodeURIComponent(instanceId)}/retention`,
    {
      method: 'PUT',
      body: { retention },
    },
  );
  return answer.retention;
}

export function useUpdateRetention(instanceId: string) {
  const queryClient = useQueryClient();
  const { queryKey } = getSchedulesQueryOptions(instanceId);
  return useMutation({
    mutationFn: (retention: number) => updateRetention(instanceId, retention),
    onSuccess: (retention) => {
      queryClient.setQueryData(queryKey, (listing) => listing && { ...listing, retention });
    },
  });
}
