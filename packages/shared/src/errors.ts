// The one error shape of the dashboard's JSON API, and its codes.
import { z } from 'zod';
import { backupScheduleSchema } from './schedule.js';

export * from './plain/errors.js';

export const fieldErrorSchema = z.object({ path: z.string(), message: z.string() });
export type FieldError = z.infer<typeof fieldErrorSchema>;

export const apiErrorSchema = z.object({
  statusCode: z.number().int(),
  /** One of API_ERROR_CODES; a string so that an older client tolerates a newer server. */
  code: z.string(),
  message: z.string(),
  /**
   * 400: the fields at fault, `[{ path, message }]`. 412 PRECONDITION_FAILED: the schedule as it
   * is now, to compare with what the operator saw.
   */
  details: z.union([z.array(fieldErrorSchema), backupScheduleSchema]).optional(),
  upstream: z.object({ type: z.string(), object: z.string() }).optional(),
});
export type ApiError = z.infer<typeof apiErrorSchema>;
