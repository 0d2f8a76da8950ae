// POST /api/instances/:instanceId/schedules: the new row shows at once and goes away if refused.
// Each submission carries an Idempotency-Key, so a retry never makes a second schedule.
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useRef } from 'react';
import type {
  scheduleCreateResponseSchema,
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

/**
 * The schedule as Zomro lists it, or null when Zomro accepted it but its row has not shown yet
 * (202 pending): the list refresh will bring it.
 */
export async function createSchedule(
  instanceId: string,
  input: ValidScheduleInput,
  idempotencyKey: string = crypto.randomUUID(),
): Promise<BackupSchedule | null> {
  const { schedule } = await apiRequest<Answer<typeof scheduleCreateResponseSchema>>(
    `/api/instances/${encodeURIComponent(instanceId)}/schedules`,
    {
      method: 'POST',
      body: input,
      headers: { 'Idempotency-Key': idempotencyKey },
    },
  );
  return schedule as BackupSchedule | null;
}

let pendingCounter = 0;

/**
 * The key of a submission: the same while the operator retries the same values after a failure
 * (so a create whose answer was lost resolves to its schedule), a new one after a success or
 * when the values change.
 */
function useSubmissionKey() {
  const current = useRef<{ body: string; key: string } | null>(null);
  return {
    keyFor(input: ValidScheduleInput): string {
      const body = JSON.stringify([input.name, input.days, input.time]);
      if (current.current?.body !== body) current.current = { body, key: crypto.randomUUID() };
      return current.current.key;
    },
    done() {
      current.current = null;
    },
  };
}

export function useCreateSchedule(instanceId: string) {
  const queryClient = useQueryClient();
  const { queryKey } = getSchedulesQueryOptions(instanceId);
  const submission = useSubmissionKey();
  return useMutation({
    mutationKey: scheduleChangeKey(instanceId),
    mutationFn: (input: ValidScheduleInput) =>
      createSchedule(instanceId, input, submission.keyFor(input)),
    onMutate: async (input) => {
      await queryClient.cancelQueries({ queryKey });
      const optimistic: ScheduleRow = {
        id: `pending-${++pendingCounter}`,
        instanceId,
        ...input,
        createdAt: null,
        version: '',
        pending: true,
      };
      updateScheduleRows(queryClient, instanceId, (rows) => [...rows, optimistic]);
      return { optimisticId: optimistic.id };
    },
    onSuccess: (schedule, _input, context) => {
      submission.done();
      updateScheduleRows(queryClient, instanceId, (rows) =>
        schedule
          ? rows.map((row) => (row.id === context.optimisticId ? schedule : row))
          : rows.filter((row) => row.id !== context.optimisticId),
      );
    },
    // Only this change's row goes: other changes under way keep theirs.
    onError: (_error, _input, context) => {
      if (!context) return;
      updateScheduleRows(queryClient, instanceId, (rows) =>
        rows.filter((row) => row.id !== context.optimisticId),
      );
    },
    // Not awaited: the list refreshes in the background (and may itself wait for a sign-in,
    // which must not hold the form).
    onSettled: () => refreshWhenLastSettles(queryClient, instanceId),
  });
}
