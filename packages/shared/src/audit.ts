// The audit trail: who signed in, who created, changed or deleted which schedule, and who changed
// how many backups an instance keeps, with what outcome. The BFF writes it; GET /api/audit and the Activity page read it.
import { z } from 'zod';
import { idSchema } from './schedule.js';
import { AUDIT_ACTIONS, AUDIT_OUTCOMES, AUDIT_PAGE_MAX } from './plain/audit.js';
import { weekdaySchema } from './weekday.js';

export * from './plain/audit.js';

/** A schedule's values before or after a change. */
export const auditScheduleValuesSchema = z.object({
  name: z.string(),
  days: z.array(weekdaySchema),
  time: z.string(),
});
export type AuditScheduleValues = z.infer<typeof auditScheduleValuesSchema>;

export const auditEntrySchema = z.object({
  id: z.string(),
  /** When the action was asked for, ISO 8601. */
  at: z.string(),
  /** The operator: in personal mode the Zomro username they signed in with. */
  actor: z.string(),
  /** The Zomro account the action was made with. */
  account: z.string(),
  action: z.enum(AUDIT_ACTIONS),
  instanceId: z.string().nullable(),
  scheduleId: z.string().nullable(),
  /** A schedule's values before and after (`schedule.*`); null for other actions. */
  before: auditScheduleValuesSchema.nullable(),
  after: auditScheduleValuesSchema.nullable(),
  /**
   * `instance.retention` only: how many scheduled backups the instance kept before (null when
   * Zomro did not say) and the number asked for.
   */
  retention: z.object({ before: z.number().int().nullable(), after: z.number().int() }).optional(),
  outcome: z.enum(AUDIT_OUTCOMES),
  /** The API error code of a failed action. */
  errorCode: z.string().optional(),
  /** `session.sign-in-failed`: the client address the attempt came from. */
  address: z.string().optional(),
});
export type AuditEntry = z.infer<typeof auditEntrySchema>;

/** Strict: an unknown parameter (`?actor[]=x`, a misspelt filter) is refused, never ignored. */
const ACTION_LIST = /^[a-z-]{1,40}\.[a-z-]{1,40}(,[a-z-]{1,40}\.[a-z-]{1,40})*$/;

export const auditQuerySchema = z.strictObject({
  instanceId: idSchema.optional(),
  actor: z.string().trim().min(1).max(200).optional(),
  /** Only these actions: a comma-separated list (`schedule.create,schedule.update`). */
  action: z
    .string()
    .max(2000)
    .regex(ACTION_LIST, 'A comma-separated list of actions such as schedule.create')
    .transform((list) => list.split(','))
    .optional(),
  limit: z.coerce.number().int().min(1).max(AUDIT_PAGE_MAX).default(50),
  /** From the previous page's `nextCursor`. */
  cursor: z
    .string()
    .regex(/^[A-Za-z0-9_-]{1,200}$/, 'Not a cursor from this API')
    .optional(),
});
export type AuditQuery = z.infer<typeof auditQuerySchema>;

export const auditPageSchema = z.object({
  /** Newest first. */
  entries: z.array(auditEntrySchema),
  /** Pass as `cursor` for older entries; null at the start of the trail. */
  nextCursor: z.string().nullable(),
});
export type AuditPage = z.infer<typeof auditPageSchema>;
