// Component and unit tests of the SPA, in jsdom.
import react from '@vitejs/plugin-react';
import { defineProject } from 'vitest/config';

export default defineProject({
  plugins: [react()],
  resolve: {
    conditions: ['source'],
    alias: { '@': new URL('./src', import.meta.url).pathname },
  },
  test: {
    name: '@zomro-dash/web',
    environment: 'jsdom',
    include: ['test/**/*.test.{ts,tsx}'],
    setupFiles: ['test/setup.ts'],
    // 30 s per test instead of 5: a busy machine is no failure (decision 070).
    testTimeout: 30_000,
  },
});
