// A backup schedule of one Cloud VPS instance, as the dashboard's JSON API speaks it, and the
// input rules shared by the form in the browser and the BFF's validation at the edge.
import { z } from 'zod';
import { normaliseTime, SCHEDULE_NAME_MAX, TIME_PATTERN } from './plain/schedule.js';
import { unsafeCharacters } from './plain/text.js';
import { retentionSchema } from './retention.js';
import { sortWeekdays, weekdaySchema, type Weekday } from './weekday.js';

export * from './plain/schedule.js';

/** Zomro ids are strings of digits; we never turn them into numbers. */
export const idSchema = z.string().regex(/^\d{1,20}$/, 'An id is a string of digits');

export const scheduleNameSchema = z
  .string({ error: 'Name is required' })
  .trim()
  .min(1, 'Name is required')
  .max(SCHEDULE_NAME_MAX, `Name must be at most ${SCHEDULE_NAME_MAX} characters`)
  .refine(
    (name) => unsafeCharacters(name) === null,
    'Name must not contain control characters, text-direction controls or broken characters',
  );

/**
 * A time of day in the provider's zone (GMT+3): accepts what the form accepts ("3:00", "0300")
 * and always yields `HH:MM`, 24-hour, which is what is stored and sent to Zomro.
 */
export const scheduleTimeSchema = z
  .string({ error: 'Time is required' })
  .transform(normaliseTime)
  .pipe(z.string().regex(TIME_PATTERN, 'Time must be a valid time between 00:00 and 23:59'));

export const scheduleDaysSchema = z
  .array(weekdaySchema, { error: 'Choose at least one day' })
  .min(1, 'Choose at least one day')
  .refine((days) => new Set(days).size === days.length, 'Each day may appear only once')
  .transform((days) => sortWeekdays(days as Weekday[]));

/** What an operator sends to create or change a schedule. */
export const scheduleInputSchema = z.object({
  name: scheduleNameSchema,
  days: scheduleDaysSchema,
  time: scheduleTimeSchema,
});
export type ScheduleInput = z.input<typeof scheduleInputSchema>;
export type ValidScheduleInput = z.output<typeof scheduleInputSchema>;

export const backupScheduleSchema = z.object({
  id: idSchema,
  instanceId: idSchema,
  name: z.string(),
  days: z.array(weekdaySchema),
  time: z.string(),
  /** `YYYY-MM-DD` as Zomro reports it, or null when it did not. */
  createdAt: z.string().nullable(),
  /**
   * A hash of name, days and time as Zomro lists them: send it back in `If-Match` to change or
   * delete only the version you saw (412 PRECONDITION_FAILED otherwise).
   */
  version: z.string(),
  /** The last change made through the dashboard, from the audit trail; null when none is known. */
  lastChange: z
    .object({ actor: z.string(), at: z.string(), action: z.string() })
    .nullable()
    .optional(),
});
export type BackupSchedule = Omit<z.infer<typeof backupScheduleSchema>, 'days'> & {
  days: Weekday[];
};

export const scheduleListResponseSchema = z.object({
  schedules: z.array(backupScheduleSchema),
  /** How many scheduled backups Zomro keeps for the instance; null when Zomro did not say. */
  retention: retentionSchema.nullable(),
});
export const scheduleResponseSchema = z.object({ schedule: backupScheduleSchema });
/** A create Zomro accepted whose new row could not be found yet: refresh the list to see it. */
export const schedulePendingResponseSchema = z.object({
  schedule: z.null(),
  pending: z.literal(true),
});
export const scheduleCreateResponseSchema = z.union([
  scheduleResponseSchema,
  schedulePendingResponseSchema,
]);

export const instanceParamsSchema = z.object({ instanceId: idSchema });
export const scheduleParamsSchema = z.object({ instanceId: idSchema, scheduleId: idSchema });
