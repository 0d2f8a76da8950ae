// End-to-end tests: the built SPA and the production BFF with its embedded Zomro emulator, in
// Debian's Chromium (see ../shared/docs/toolchain.md). The emulator's test control is switched
// on so that fixtures can create accounts and inject faults.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { defineConfig, devices } from '@playwright/test';

const BFF_PORT = Number(process.env.E2E_PORT ?? 8390);
const EMULATOR_PORT = Number(process.env.E2E_EMULATOR_PORT ?? 8391);
/** A second BFF in team mode (operators from a file, the emulator's `demo` as the team account). */
const TEAM_PORT = Number(process.env.E2E_TEAM_PORT ?? 8392);
const TEAM_EMULATOR_PORT = Number(process.env.E2E_TEAM_EMULATOR_PORT ?? 8393);
/**
 * `npm run screenshots` sets this: the README's screenshots are written into the tracked
 * docs/screenshots, which a test run must never change, so `npm test` does not take them.
 */
const SCREENSHOTS = process.env.E2E_SCREENSHOTS === 'true';

export default defineConfig({
  testDir: './e2e',
  fullyParallel: true,
  // Two suit this 2-core machine: three or four made the heaviest tests time out when the machine was
  // busy (docs/decisions/070-test-suite-speed.md). E2E_WORKERS overrides it.
  workers: Number(process.env.E2E_WORKERS ?? 2),
  forbidOnly: !!process.env.CI,
  retries: 0,
  reporter: process.env.CI ? [['list']] : [['list'], ['html', { open: 'never' }]],
  timeout: 30_000,
  // An upper bound, not a wait: what a test expects usually shows within a second. 10 s instead of
  // Playwright's 5 s leaves room for a shared machine's worst moments (decision 070).
  expect: { timeout: 10_000 },
  use: {
    baseURL: `http://127.0.0.1:${BFF_PORT}`,
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--no-first-run',
      ],
    },
  },
  projects: [
    {
      name: 'chromium',
      testIgnore: [/team\//, /screenshots\.spec\.ts/],
      use: { ...devices['Desktop Chrome'], channel: undefined },
    },
    ...(SCREENSHOTS
      ? [
          {
            name: 'screenshots',
            testMatch: /screenshots\.spec\.ts/,
            use: { ...devices['Desktop Chrome'], channel: undefined },
          },
        ]
      : []),
    {
      name: 'team',
      testMatch: /team\/.*\.spec\.ts/,
      use: {
        ...devices['Desktop Chrome'],
        channel: undefined,
        baseURL: `http://127.0.0.1:${TEAM_PORT}`,
      },
    },
  ],
  webServer: [
    {
      command: 'node apps/bff/dist/server.js',
      url: `http://127.0.0.1:${BFF_PORT}/api/health`,
      reuseExistingServer: false,
      timeout: 60_000,
      env: {
        PORT: String(BFF_PORT),
        HOST: '127.0.0.1',
        EMULATOR_PORT: String(EMULATOR_PORT),
        EMULATOR_TEST_CONTROL: 'true',
        LOG_LEVEL: 'warn',
        // A hung Zomro call gives up after 5 s, so the time-out case in faults.spec.ts is quick.
        ZOMRO_TIMEOUT_MS: '5000',
        // A fresh audit trail per run, outside the repository.
        AUDIT_LOG_PATH: path.join(mkdtempSync(path.join(tmpdir(), 'e2e-audit-')), 'audit.log'),
      },
    },
    {
      command: 'node e2e/team-server.mjs',
      url: `http://127.0.0.1:${TEAM_PORT}/api/health`,
      reuseExistingServer: false,
      timeout: 60_000,
      env: {
        PORT: String(TEAM_PORT),
        HOST: '127.0.0.1',
        EMULATOR_PORT: String(TEAM_EMULATOR_PORT),
        EMULATOR_TEST_CONTROL: 'true',
        LOG_LEVEL: 'warn',
      },
    },
  ],
});
