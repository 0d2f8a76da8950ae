// PUT /api/instances/:instanceId/schedules/:scheduleId: the row changes at once, back if refused.
// `If-Match` names the version the operator started from: a change made meanwhile by someone else
// answers 412 instead of being overwritten.
import { useMutation, useQueryClient } from '@tanstack/react-query';
import type {
  scheduleResponseSchema,
  BackupSchedule,
  ValidScheduleInput,
} from '@zomro-dash/shared';
import { apiRequest, type Answer } from '@/lib/api-client';
import {
  getSchedulesQueryOptions,
  refreshWhenLastSettles,
  scheduleChangeKey,
  updateScheduleRows,
  type ScheduleRow,
} from './get-schedules';

export async function updateSchedule(
  instanceId: string,
  scheduleId: string,
  input: ValidScheduleInput,
  version?: string,
): Promise<BackupSchedule> {
  const { schedule } = await apiRequest<Answer<typeof scheduleResponseSchema>>(
    `/api/instances/${encodeURIComponent(instanceId)}/schedules/${encodeURIComponent(scheduleId)}`,
    {
      method: 'PUT',
      body: input,
      ...(version && { headers: { 'If-Match': `"${version}"` } }),
    },
  );
  return schedule as BackupSchedule;
}

export interface UpdateVariables {
  input: ValidScheduleInput;
  /** The version the operator's form started from. */
  version?: string;
}

export function useUpdateSchedule(instanceId: string, scheduleId: string) {
  const queryClient = useQueryClient();
  const { queryKey } = getSchedulesQueryOptions(instanceId);
  return useMutation({
    mutationKey: scheduleChangeKey(instanceId),
    mutationFn: ({ input, version }: UpdateVariables) =>
      updateSchedule(instanceId, scheduleId, input, version),
    onMutate: async ({ input }) => {
      await queryClient.cancelQueries({ queryKey });
      const previous: ScheduleRow | undefined = queryClient
        .getQueryData(queryKey)
        ?.schedules.find((row) => row.id === scheduleId);
      updateScheduleRows(queryClient, instanceId, (rows) =>
        rows.map((row) => (row.id === scheduleId ? { ...row, ...input, pending: true } : row)),
      );
      return { previous };
    },
    onSuccess: (schedule) => {
      updateScheduleRows(queryClient, instanceId, (rows) =>
        rows.map((row) => (row.id === scheduleId ? schedule : row)),
      );
    },
    // Only this row goes back to what it was: other changes under way keep theirs.
    onError: (_error, _input, context) => {
      const previous = context?.previous;
      if (!previous) return;
      updateScheduleRows(queryClient, instanceId, (rows) =>
        rows.map((row) => (row.id === scheduleId ? previous : row)),
      );
    },
    // Not awaited: the list refreshes in the background (and may itself wait for a sign-in,
    // which must not hold the form).
    onSettled: () => refreshWhenLastSettles(queryClient, instanceId),
  });
}
