// DELETE /api/instances/:instanceId/schedules/:scheduleId: the row goes at once, back if refused.
// A schedule someone else already deleted is what the operator wanted: it stays gone.
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { ApiError, apiRequest } from '@/lib/api-client';
import {
  getSchedulesQueryOptions,
  refreshWhenLastSettles,
  scheduleChangeKey,
  updateScheduleRows,
  type ScheduleRow,
} from './get-schedules';

/**
 * Deletes only the version the operator saw (`If-Match`): 412 if it changed since. Resolves
 * `'already-gone'` when the schedule was no longer there (404 NOT_FOUND).
 */
export async function deleteSchedule(
  instanceId: string,
  scheduleId: string,
  version?: string,
): Promise<'deleted' | 'already-gone'> {
  try {
    await apiRequest(
      `/api/instances/${encodeURIComponent(instanceId)}/schedules/${encodeURIComponent(scheduleId)}`,
      { method: 'DELETE', ...(version && { headers: { 'If-Match': `"${version}"` } }) },
    );
    return 'deleted';
  } catch (error) {
    if (error instanceof ApiError && error.code === 'NOT_FOUND') return 'already-gone';
    throw error;
  }
}

export interface DeleteNotices {
  onDeleted: (schedule: ScheduleRow, outcome: 'deleted' | 'already-gone') => void;
  onFailed: (error: unknown, schedule: ScheduleRow) => void;
}

/**
 * The notices are the hook's own callbacks, not `mutate`'s: those of a first delete would be
 * dropped when a second one starts before it ends.
 */
export function useDeleteSchedule(instanceId: string, notices?: DeleteNotices) {
  const queryClient = useQueryClient();
  const { queryKey } = getSchedulesQueryOptions(instanceId);
  return useMutation({
    mutationKey: scheduleChangeKey(instanceId),
    mutationFn: (schedule: ScheduleRow) =>
      deleteSchedule(instanceId, schedule.id, schedule.version),
    onMutate: async (schedule) => {
      await queryClient.cancelQueries({ queryKey });
      const rows = queryClient.getQueryData(queryKey)?.schedules ?? [];
      const index = rows.findIndex((r) => r.id === schedule.id);
      updateScheduleRows(queryClient, instanceId, (current) =>
        current.filter((r) => r.id !== schedule.id),
      );
      return { row: index >= 0 ? rows[index] : undefined, index };
    },
    onSuccess: (outcome, schedule) => notices?.onDeleted(schedule, outcome),
    // Only this row comes back, where it was: other changes under way keep theirs.
    onError: (error, schedule, context) => {
      const row = context?.row;
      if (row) {
        updateScheduleRows(queryClient, instanceId, (current) => {
          if (current.some((r) => r.id === row.id)) return current;
          const next = [...current];
          next.splice(Math.min(context.index, next.length), 0, row);
          return next;
        });
      }
      notices?.onFailed(error, schedule);
    },
    // Not awaited: the list refreshes in the background (and may itself wait for a sign-in).
    onSettled: () => refreshWhenLastSettles(queryClient, instanceId),
  });
}
