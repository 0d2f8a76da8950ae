// The fleet: every instance of the account with its schedules in one answer (GET /api/schedules),
// and one schedule applied to many instances at once (POST /api/schedules/bulk).
import { z } from 'zod';
import { instanceSchema } from './instance.js';
import {
  backupScheduleSchema,
  idSchema,
  scheduleInputSchema,
  type BackupSchedule,
} from './schedule.js';
import { BULK_INSTANCES_MAX, BULK_RESULT_STATUSES } from './plain/fleet.js';

export * from './plain/fleet.js';

/** Why one instance could not be read or changed: the API error's code and sentence. */
export const fleetErrorSchema = z.object({ code: z.string(), message: z.string() });
export type FleetError = z.infer<typeof fleetErrorSchema>;

export const fleetInstanceSchema = z.object({
  instance: instanceSchema,
  /** Empty when the instance has none, and when its fetch failed (then `error` says why). */
  schedules: z.array(backupScheduleSchema),
  error: fleetErrorSchema.optional(),
});
/** Days are checked to be 0–6 by the schema: typed as weekdays. */
export type FleetInstance = Omit<z.infer<typeof fleetInstanceSchema>, 'schedules'> & {
  schedules: BackupSchedule[];
};

export const fleetResponseSchema = z.object({ instances: z.array(fleetInstanceSchema) });
export interface FleetResponse {
  instances: FleetInstance[];
}

export const bulkScheduleInputSchema = scheduleInputSchema.extend({
  instanceIds: z
    .array(idSchema, { error: 'Choose at least one instance' })
    .min(1, 'Choose at least one instance')
    .max(BULK_INSTANCES_MAX, `At most ${BULK_INSTANCES_MAX} instances at once`)
    .refine((ids) => new Set(ids).size === ids.length, 'Each instance may appear only once'),
});
export type BulkScheduleInput = z.input<typeof bulkScheduleInputSchema>;
export type ValidBulkScheduleInput = z.output<typeof bulkScheduleInputSchema>;

export const bulkResultSchema = z.object({
  instanceId: idSchema,
  status: z.enum(BULK_RESULT_STATUSES),
  /**
   * The schedule as Zomro lists it; absent on `created` when Zomro accepted it but its row had not
   * shown yet (refresh the instance's list to see it).
   */
  schedule: backupScheduleSchema.optional(),
  error: fleetErrorSchema.optional(),
});
export type BulkResult = Omit<z.infer<typeof bulkResultSchema>, 'schedule'> & {
  schedule?: BackupSchedule;
};

export const bulkResponseSchema = z.object({ results: z.array(bulkResultSchema) });
export interface BulkResponse {
  results: BulkResult[];
}
