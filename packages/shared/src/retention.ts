// Retention: how many scheduled backups Zomro keeps for an instance (`backup_rotation`, 1–10; Zomro's
// panel calls it the "maximum number of scheduled backups that will be stored").
import { z } from 'zod';
import { RETENTION_MAX, RETENTION_MIN } from './plain/retention.js';

export * from './plain/retention.js';

const RETENTION_MESSAGE = `Backups kept must be a whole number from ${RETENTION_MIN} to ${RETENTION_MAX}`;

export const retentionSchema = z
  .number({ error: RETENTION_MESSAGE })
  .int(RETENTION_MESSAGE)
  .min(RETENTION_MIN, RETENTION_MESSAGE)
  .max(RETENTION_MAX, RETENTION_MESSAGE);

/** What an operator sends to change it. */
export const retentionInputSchema = z.object({ retention: retentionSchema });
export type RetentionInput = z.infer<typeof retentionInputSchema>;

export const retentionResponseSchema = z.object({ retention: retentionSchema });
