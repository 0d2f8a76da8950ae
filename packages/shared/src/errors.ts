// The one error shape of the dashboard's JSON API, and its codes.
import { z } from 'zod';
import { backupScheduleSchema } from './schedule.js';

export const API_ERROR_CODES = [
  'VALIDATION_FAILED',
  'INVALID_JSON',
  'BAD_CREDENTIALS',
  'TOTP_INVALID',
  'UNAUTHENTICATED',
  'SESSION_EXPIRED',
  'FORBIDDEN',
  'NOT_FOUND',
  'UNSUPPORTED_MEDIA_TYPE',
  'PRECONDITION_FAILED',
  'INSTANCE_BLOCKED',
  'IDEMPOTENCY_KEY_REUSED',
  'RATE_LIMITED',
  'UPSTREAM_REJECTED',
  'UPSTREAM_BUSY',
  'UPSTREAM_BLOCKED',
  'UPSTREAM_BAD_RESPONSE',
  'UPSTREAM_UNAVAILABLE',
  'UPSTREAM_TIMEOUT',
  'UPSTREAM_ACCOUNT_REJECTED',
  'AUDIT_UNAVAILABLE',
  'STORE_UNAVAILABLE',
  'INTERNAL_ERROR',
] as const;
export type ApiErrorCode = (typeof API_ERROR_CODES)[number];

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
