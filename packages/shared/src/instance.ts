// A Cloud VPS instance as the dashboard lists it.
import { z } from 'zod';
import { idSchema } from './schedule.js';

export * from './plain/instance.js';

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
