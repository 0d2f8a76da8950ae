// POST /api/schedules/bulk: one schedule on many instances; the outcome per instance. The caller
// gives the Idempotency-Key (../lib/run-keys.ts): a repeat of a request carries the same one, so
// it never creates twice.
import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { bulkResponseSchema, BulkResult, ValidScheduleInput } from '@zomro-dash/shared';
import { apiRequest, type Answer } from '@/lib/api-client';
import { getFleetQueryOptions } from './get-fleet';

export async function bulkCreate(
  instanceIds: readonly string[],
  input: ValidScheduleInput,
  idempotencyKey: string,
): Promise<BulkResult[]> {
  const { results } = await apiRequest<Answer<typeof bulkResponseSchema>>('/api/schedules/bulk', {
    method: 'POST',
    body: { ...input, instanceIds },
    headers: { 'Idempotency-Key': idempotencyKey },
  });
  return results as BulkResult[];
}

export function useBulkCreate() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({
      instanceIds,
      input,
      idempotencyKey,
    }: {
      instanceIds: string[];
      input: ValidScheduleInput;
      idempotencyKey: string;
    }) => bulkCreate(instanceIds, input, idempotencyKey),
    onSettled: (_results, _error, { instanceIds }) => {
      void queryClient.invalidateQueries({ queryKey: getFleetQueryOptions().queryKey });
      for (const id of instanceIds) {
        void queryClient.invalidateQueries({ queryKey: ['instances', id, 'schedules'] });
      }
    },
  });
}
