// Which instance states take no schedule changes (zod-free, for the web app's first screen).
/**
 * States in which Zomro's panel blocks schedule changes ("functionality unavailable"): an
 * instance in error, or one whose image is being uploaded (`running_image_uploading`).
 */
export const SCHEDULE_BLOCKING_STATES = ['error', 'running_image_uploading'] as const;

/** Whether an instance in this state (Zomro's `instance_status`) takes no schedule changes. */
export function blocksScheduleChanges(status: string): boolean {
  return (SCHEDULE_BLOCKING_STATES as readonly string[]).includes(status.trim().toLowerCase());
}
