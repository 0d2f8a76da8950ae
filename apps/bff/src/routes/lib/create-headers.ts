// The headers a create takes (one schedule, or the same on many instances).
import { z } from 'zod';

export const createHeaders = z.object({
  'idempotency-key': z
    .string()
    .regex(/^[A-Za-z0-9_.:-]{1,200}$/, 'An Idempotency-Key is 1–200 letters, digits or -_.:')
    .optional()
    .describe(
      'One per submission (a UUID), the same for its retries: a repeat answers the first result',
    ),
});
