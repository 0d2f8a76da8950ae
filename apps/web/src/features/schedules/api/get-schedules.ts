// GET /api/instances/:instanceId/schedules: the backup schedules of one instance.
import { queryOptions, useQuery } from '@tanstack/react-query';
import { scheduleListResponseSchema, type BackupSchedule } from '@zomro-dash/shared';
import { apiRequest } from '@/lib/api-client';

/** A row of the table: a schedule, or one being saved and shown before the BFF confirms it. */
export type ScheduleRow = BackupSchedule & { pending?: boolean };

export async function getSchedules(instanceId: string): Promise<ScheduleRow[]> {
  const { schedules } = await apiRequest(
    `/api/instances/${encodeURIComponent(instanceId)}/schedules`,
    { schema: scheduleListResponseSchema },
  );
  // The schema has checked that every day is 0–6.
  return schedules as BackupSchedule[];
}

export const getSchedulesQueryOptions = (instanceId: string) =>
  queryOptions({
    queryKey: ['instances', instanceId, 'schedules'],
    queryFn: () => getSchedules(instanceId),
    // Other operators change schedules too: look again when the window comes back, and now and then.
    refetchOnWindowFocus: 'always',
    refetchInterval: 60_000,
  });

export const useSchedules = (instanceId: string) => useQuery(getSchedulesQueryOptions(instanceId));
