import { defineProject } from 'vitest/config';

export default defineProject({
  resolve: { conditions: ['source'] },
  ssr: { resolve: { conditions: ['source'] } },
  // The Node suites share one module graph per worker (no per-file re-import of fastify, zod and
  // the app): no test mocks modules or changes globals (docs/decisions/070-test-suite-speed.md).
  // 30 s per test instead of 5: a busy machine is no failure (decision 070).
  test: {
    environment: 'node',
    include: ['test/**/*.test.ts'],
    isolate: false,
    testTimeout: 30_000,
  },
});
