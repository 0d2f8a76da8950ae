// Every vitest suite of the workspace, run as one: `npm test` calls `vitest run` here.
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    projects: ['packages/*', 'apps/*'],
  },
});
