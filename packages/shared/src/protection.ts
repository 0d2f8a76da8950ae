// Whether each server is really protected: the Protection answer, and the fleet read
// GET /api/protection. The rules are zod-free in plain/protection.ts (the web computes with them).
import { z } from 'zod';
import { fleetErrorSchema } from './fleet.js';
import { instanceSchema } from './instance.js';
import { PROTECTION_STATES } from './plain/protection.js';

export * from './plain/protection.js';

export const protectionSchema = z.object({
  state: z.enum(PROTECTION_STATES),
  lastBackupAt: z.string().nullable(),
  nextRunAt: z.string().nullable(),
  missedRuns: z.array(z.string()),
  stuckBackupIds: z.array(z.string()),
});

export const fleetProtectionSchema = z.object({
  instance: instanceSchema,
  /** Null only when the instance's schedules or backups could not be read (`error` says why). */
  protection: protectionSchema.nullable(),
  /** Null only with `error`. `sizeGb` adds the sizes Zomro gave (a missing one counts 0). */
  backups: z
    .object({
      count: z.number().int().min(0),
      sizeGb: z.number(),
      lastBackupAt: z.string().nullable(),
    })
    .nullable(),
  error: fleetErrorSchema.optional(),
});
export type FleetProtection = z.infer<typeof fleetProtectionSchema>;

export const protectionCountsSchema = z.object({
  ok: z.number().int().min(0),
  missed: z.number().int().min(0),
  stuck: z.number().int().min(0),
  failed: z.number().int().min(0),
  waiting: z.number().int().min(0),
  noSchedule: z.number().int().min(0),
  error: z.number().int().min(0),
});
export type ProtectionCounts = z.infer<typeof protectionCountsSchema>;

export const protectionResponseSchema = z.object({
  instances: z.array(fleetProtectionSchema),
  counts: protectionCountsSchema,
  /** The fleet's backups' cost per month in EUR; null when Zomro gave no price. */
  pricePerMonth: z.number().nullable(),
});
export type ProtectionResponse = z.infer<typeof protectionResponseSchema>;
