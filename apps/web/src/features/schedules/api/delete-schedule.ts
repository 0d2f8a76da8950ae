// DELETE /api/instances/:instanceId/schedules/:scheduleId: the row goes at once, back if refused.
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiRequest } from '@/lib/api-client';
import { getSchedulesQueryOptions, updateScheduleRows, type ScheduleRow } from './get-schedules';

/** Deletes only the version the operator saw (`If-Match`): 412 if it changed since. */
export function deleteSchedule(
  instanceId: string,
  scheduleId: string,
  version?: string,
): Promise<void> {
  return apiRequest(
    `/api/instances/${encodeURIComponent(instanceId)}/schedules/${encodeURIComponent(scheduleId)}`,
    { method: 'DELETE', ...(version && { headers: { 'If-Match': `"${version}"` } }) },
  );
}

export function useDeleteSchedule(instanceId: string) {
  const queryClient = useQueryClient();
  const { queryKey } = getSchedulesQueryOptions(instanceId);
  return useMutation({
    mutationFn: (schedule: ScheduleRow) =>
      deleteSchedule(instanceId, schedule.id, schedule.version),
    onMutate: async (schedule) => {
      await queryClient.cancelQueries({ queryKey });
      const previous = queryClient.getQueryData(queryKey);
      updateScheduleRows(queryClient, instanceId, (rows) =>
        rows.filter((r) => r.id !== schedule.id),
      );
      return { previous };
    },
    onError: (_error, _schedule, context) => {
      if (context) queryClient.setQueryData(queryKey, context.previous);
    },
    // Not awaited: the change is settled now; the list refreshes in the background (and may
    // itself wait for a sign-in, which must not hold the form).
    onSettled: () => {
      void queryClient.invalidateQueries({ queryKey });
    },
  });
}
