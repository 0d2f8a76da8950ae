// Limits and statuses of a bulk apply (zod-free).
/** The most instances one bulk apply may name (a request stays well under the body limit). */
export const BULK_INSTANCES_MAX = 500;

export const BULK_RESULT_STATUSES = ['created', 'failed'] as const;
