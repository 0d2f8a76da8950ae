// A Cloud VPS instance as the dashboard lists it.
import { z } from 'zod';
import { idSchema } from './schedule.js';

export const instanceSchema = z.object({
  id: idSchema,
  /** The name the customer gave (`servername`), or the tariff name when that is empty. */
  name: z.string(),
  /** The tariff (Zomro's `name` column). */
  tariff: z.string(),
  ip: z.string(),
  /** Zomro's `instance_status`: `active`, `stopped`, `building`, … */
  status: z.string(),
});
export type Instance = z.infer<typeof instanceSchema>;

export const instanceListResponseSchema = z.object({ instances: z.array(instanceSchema) });

/**
 * States in which Zomro's panel blocks schedule changes ("functionality unavailable"): an
 * instance in error, or one whose image is being uploaded (`running_image_uploading`).
 */
export const SCHEDULE_BLOCKING_STATES = ['error', 'running_image_uploading'] as const;

/** Whether an instance in this state (Zomro's `instance_status`) takes no schedule changes. */
export function blocksScheduleChanges(status: string): boolean {
  return (SCHEDULE_BLOCKING_STATES as readonly string[]).includes(status.trim().toLowerCase());
}
