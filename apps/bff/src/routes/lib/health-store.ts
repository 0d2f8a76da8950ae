// What /api/health and /api/ready are told about shared state.

/** Where shared state is kept; for Redis, whether it answers now. */
export type HealthStore = { kind: 'memory' } | { kind: 'redis'; ping: () => Promise<boolean> };
