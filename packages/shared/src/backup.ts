// An instance's backups as the dashboard's JSON API speaks them (GET/POST/PATCH/DELETE
// /api/instances/:instanceId/backups), built from the zod-free rules in plain/backup.ts.
import { z } from 'zod';
import { BACKUP_KINDS, BACKUP_STATUSES } from './plain/backup.js';
import { protectionSchema } from './protection.js';
import { idSchema, scheduleNameSchema } from './schedule.js';

export * from './plain/backup.js';
export * from './plain/provider-time.js';

export const backupSchema = z.object({
  id: idSchema,
  name: z.string(),
  /** `scheduled` = made by a schedule (Zomro's `backup_type` `auto`), `manual` = by an operator. */
  kind: z.enum(BACKUP_KINDS),
  /** ISO 8601 with Zomro's offset: `2026-12-07T02:04:00+03:00`. */
  createdAt: z.string(),
  /** Zomro's `image_size` in GB; null when it gave none (yet). */
  sizeGb: z.number().nullable(),
  status: z.enum(BACKUP_STATUSES),
  /** Zomro's own word (`fleio_status`), shown beside `unknown`. */
  zomroStatus: z.string(),
  protected: z.boolean(),
});
export type Backup = z.infer<typeof backupSchema>;

export const backupListResponseSchema = z.object({
  /** Newest first, every page of Zomro's list read. */
  backups: z.array(backupSchema),
  manual: z.object({
    today: z.number().int().min(0),
    limitPerDay: z.number().int().min(0),
  }),
  /** Zomro's `cost.stat_cost`: EUR per GB per day; null when it did not say. */
  pricePerGbDay: z.number().nullable(),
  protection: protectionSchema,
});
export type BackupListResponse = z.infer<typeof backupListResponseSchema>;

/** Back up now: the name follows the schedule name's rules. */
export const backupCreateInputSchema = z.object({ name: scheduleNameSchema });
export type BackupCreateInput = z.input<typeof backupCreateInputSchema>;

/** Rename and/or protect; at least one of the two. */
export const backupPatchInputSchema = z
  .object({ name: scheduleNameSchema.optional(), protected: z.boolean().optional() })
  .refine((body) => body.name !== undefined || body.protected !== undefined, {
    message: 'Give a name or protected',
  });
export type BackupPatchInput = z.input<typeof backupPatchInputSchema>;

export const backupResponseSchema = z.object({ backup: backupSchema });
/** Zomro accepted the backup but its row was not listed yet: refresh the list to see it. */
export const backupPendingResponseSchema = z.object({
  backup: z.null(),
  pending: z.literal(true),
});
export const backupCreateResponseSchema = z.union([
  backupResponseSchema,
  backupPendingResponseSchema,
]);

export const backupParamsSchema = z.object({ instanceId: idSchema, backupId: idSchema });
