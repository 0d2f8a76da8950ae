// Every vitest suite of the workspace, run as one: `npm test` calls `vitest run` here.
import { availableParallelism } from 'node:os';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    projects: [
      'packages/*',
      'apps/*',
      // The root scripts' own logic (npm start's build stamp).
      { test: { name: 'scripts', include: ['scripts/**/*.test.mjs'], environment: 'node' } },
    ],
    // Vitest's default is one worker fewer than the cores: a single worker on a 2-core machine,
    // where most files spend their time waiting on sockets, child processes and Redis
    // (docs/decisions/070-test-suite-speed.md).
    maxWorkers: Math.max(2, availableParallelism()),
  },
});
