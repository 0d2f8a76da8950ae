// Retention input (1–10, whole numbers) and the instance states that take no schedule changes.
import { describe, expect, it } from 'vitest';
import {
  blocksScheduleChanges,
  retentionInputSchema,
  scheduleListResponseSchema,
} from '../src/index.js';

describe('retentionInputSchema', () => {
  it('takes whole numbers from 1 to 10 and nothing else', () => {
    for (const retention of [1, 5, 10]) {
      expect(retentionInputSchema.parse({ retention })).toEqual({ retention });
    }
    for (const retention of [0, 11, 2.5, '5', null, Number.NaN]) {
      const result = retentionInputSchema.safeParse({ retention });
      expect(result.success).toBe(false);
      expect(result.error?.issues[0]?.message).toBe(
        'Backups kept must be a whole number from 1 to 10',
      );
    }
  });

  it('is part of a schedule list, null when Zomro did not say', () => {
    expect(
      scheduleListResponseSchema.parse({ schedules: [], retention: null }).retention,
    ).toBeNull();
    expect(scheduleListResponseSchema.safeParse({ schedules: [] }).success).toBe(false);
  });
});

describe('blocksScheduleChanges', () => {
  it('is true in the error and image-uploading states, whatever the case and spaces', () => {
    expect(blocksScheduleChanges('error')).toBe(true);
    expect(blocksScheduleChanges(' Error ')).toBe(true);
    expect(blocksScheduleChanges('running_image_uploading')).toBe(true);
    for (const status of ['active', 'stopped', 'building', 'resizing', 'suspended', '']) {
      expect(blocksScheduleChanges(status)).toBe(false);
    }
  });
});
