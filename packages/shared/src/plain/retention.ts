// How many scheduled backups Zomro keeps for an instance: the limits (zod-free; retention.ts builds
// the schema from them).
export const RETENTION_MIN = 1;
export const RETENTION_MAX = 10;
