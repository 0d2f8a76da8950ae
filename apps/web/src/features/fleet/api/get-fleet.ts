// GET /api/schedules: every instance with its schedules (a failure reported on its instance), and
// the re-read of one instance whose fetch failed, merged into the same answer.
import { queryOptions, useQuery, type QueryClient } from '@tanstack/react-query';
import type {
  fleetResponseSchema,
  scheduleListResponseSchema,
  FleetInstance,
} from '@zomro-dash/shared';
import { apiRequest, type Answer } from '@/lib/api-client';
import { loadMoreTexts } from '@/lib/i18n';

export async function getFleet(): Promise<FleetInstance[]> {
  // The BFF checked the answer against the shared schema: every day is 0–6.
  const { instances } = await apiRequest<Answer<typeof fleetResponseSchema>>('/api/schedules');
  // An instance that could not be read is worded from its error code: those texts load on demand.
  if (instances.some((instance) => instance.error)) await loadMoreTexts().catch(() => undefined);
  return instances as FleetInstance[];
}

export const getFleetQueryOptions = () =>
  queryOptions({
    queryKey: ['fleet'],
    queryFn: getFleet,
    refetchOnWindowFocus: 'always',
    refetchInterval: 120_000,
  });

export const useFleet = () => useQuery(getFleetQueryOptions());

/** Reads one instance's schedules again and puts them (or the new failure) in the fleet answer. */
export async function retryInstance(queryClient: QueryClient, instanceId: string): Promise<void> {
  const { schedules } = await apiRequest<Answer<typeof scheduleListResponseSchema>>(
    `/api/instances/${encodeURIComponent(instanceId)}/schedules`,
  );
  queryClient.setQueryData(getFleetQueryOptions().queryKey, (entries) =>
    entries?.map((entry) =>
      entry.instance.id === instanceId
        ? { instance: entry.instance, schedules: schedules as FleetInstance['schedules'] }
        : entry,
    ),
  );
}
