// A weekday as the API checks it; the days themselves (numbers, names, order) are zod-free in
// plain/weekday.ts, which the web app's first screen imports without zod.
import { z } from 'zod';

export * from './plain/weekday.js';

export const weekdaySchema = z
  .number({ error: 'A day is a number from 0 (Sunday) to 6 (Saturday)' })
  .int('A day is a whole number from 0 (Sunday) to 6 (Saturday)')
  .min(0, 'A day is a number from 0 (Sunday) to 6 (Saturday)')
  .max(6, 'A day is a number from 0 (Sunday) to 6 (Saturday)');
