// GET /api/instances/:instanceId/schedules: the backup schedules of one instance, and how many
// scheduled backups Zomro keeps for it (one request; the hooks pick what they show).
import { queryOptions, useQuery, type QueryClient } from '@tanstack/react-query';
import type { scheduleListResponseSchema, BackupSchedule } from '@zomro-dash/shared';
import { apiRequest, type Answer } from '@/lib/api-client';

/** A row of the table: a schedule, or one being saved and shown before the BFF confirms it. */
export type ScheduleRow = BackupSchedule & { pending?: boolean };

export interface ScheduleListing {
  schedules: ScheduleRow[];
  /** How many scheduled backups Zomro keeps (1–10), or null when Zomro did not say. */
  retention: number | null;
}

export async function getSchedules(instanceId: string): Promise<ScheduleListing> {
  const { schedules, retention } = await apiRequest<Answer<typeof scheduleListResponseSchema>>(
    `/api/instances/${encodeURIComponent(instanceId)}/schedules`,
  );
  // The BFF checked the answer against the shared schema: every day is 0–6.
  return { schedules: schedules as BackupSchedule[], retention };
}

export const getSchedulesQueryOptions = (instanceId: string) =>
  queryOptions({
    queryKey: ['instances', instanceId, 'schedules'],
    queryFn: () => getSchedules(instanceId),
    // Other operators change schedules too: look again when the window comes back, and now and then.
    refetchOnWindowFocus: 'always',
    refetchInterval: 60_000,
  });

const selectRows = (listing: ScheduleListing) => listing.schedules;
const selectRetention = (listing: ScheduleListing) => listing.retention;

export const useSchedules = (instanceId: string) =>
  useQuery({ ...getSchedulesQueryOptions(instanceId), select: selectRows });

export const useRetention = (instanceId: string) =>
  useQuery({ ...getSchedulesQueryOptions(instanceId), select: selectRetention });

/** Changes the cached rows of an instance (optimistic updates); nothing when none are cached. */
export function updateScheduleRows(
  queryClient: QueryClient,
  instanceId: string,
  update: (rows: ScheduleRow[]) => ScheduleRow[],
): void {
  queryClient.setQueryData(getSchedulesQueryOptions(instanceId).queryKey, (listing) =>
    listing ? { ...listing, schedules: update(listing.schedules) } : listing,
  );
}

/** The key of every change to an instance's schedules, to tell when the last one settles. */
export const scheduleChangeKey = (instanceId: string) =>
  ['instances', instanceId, 'schedules', 'change'] as const;

/**
 * Refreshes the list once no other change of the instance is under way: a refresh while others
 * are pending would bring back a row one of them has just removed (with live buttons). Called
 * from a change's onSettled, where that change itself still counts.
 */
export function refreshWhenLastSettles(queryClient: QueryClient, instanceId: string): void {
  if (queryClient.isMutating({ mutationKey: scheduleChangeKey(instanceId) }) > 1) return;
  void queryClient.invalidateQueries({ queryKey: getSchedulesQueryOptions(instanceId).queryKey });
}
