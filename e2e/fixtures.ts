/// <reference lib="dom" />
// Playwright fixtures: every test gets its own fresh emulator account (its own copy of the demo
// data), so tests run in parallel without sharing schedules; helpers drive the emulator's test
// control (2FA codes, faults for the test's own account, session expiry) and sign in through the UI.
import { test as base, expect, type Locator, type Page } from '@playwright/test';

const EMULATOR_PORT = Number(process.env.E2E_EMULATOR_PORT ?? 8391);
export const EMULATOR_CONTROL = `http://127.0.0.1:${EMULATOR_PORT}/__emulator`;

/** The demo account's main instance, with schedule "MySchedule" (Mon–Sat 02:01). */
export const MY_SERVER = { id: '5203773', name: 'MyServer' };
/** A demo instance without schedules. */
export const EMPTY_SERVER = { id: '5203816', name: 'db-replica' };

export interface Account {
  username: string;
  password: string;
  totpSecret?: string;
}

async function control(path: string, body?: unknown): Promise<Response> {
  const response = await fetch(`${EMULATOR_CONTROL}${path}`, {
    method: body === undefined ? 'GET' : 'POST',
    headers: body === undefined ? {} : { 'Content-Type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  if (!response.ok) {
    throw new Error(`emulator control ${path}: ${response.status} ${await response.text()}`);
  }
  return response;
}

export async function createAccount(options: { totp?: boolean } = {}): Promise<Account> {
  return (await (await control('/accounts', options)).json()) as Account;
}

export async function currentTotpCode(username: string): Promise<string> {
  const { code } = (await (await control(`/totp/${encodeURIComponent(username)}`)).json()) as {
    code: string;
  };
  return code;
}

/**
 * Zomro refuses this account's next schedule create/edit with this message (a doc.error of type
 * value). The fault names the account, so a test running in parallel never takes it.
 */
export async function refuseNextScheduleSave(account: Account, message: string): Promise<void> {
  await control('/faults', {
    kind: 'error',
    func: 'instances.fleio_bckps.schedule.edit',
    count: 1,
    username: account.username,
    error: { type: 'value', object: 'name', message },
  });
}

/** Every Zomro session of this user is forgotten, as after Zomro's idle hour. */
export async function expireZomroSessions(username: string): Promise<void> {
  await control('/sessions/expire', { username });
}

/**
 * Signs in through the API (POST /api/session, the cookie lands in the page's context) and opens
 * `path`: for the specs that are not about the sign-in form, which auth.spec.ts, the accessibility
 * scans and first-screen.spec.ts cover through the UI. It saves each test the form and, for a deep
 * path, the overview's reading of every server (decision 070).
 */
export async function signIn(page: Page, account: Account, path = '/'): Promise<void> {
  const response = await page.request.post('/api/session', {
    data: { username: account.username, password: account.password },
  });
  expect(response.status(), await response.text()).toBe(200);
  await page.goto(path);
  await expect(page.getByRole('button', { name: 'Sign out' })).toBeVisible();
}

export async function signInThroughUi(page: Page, account: Account, path = '/'): Promise<void> {
  await page.goto(path);
  await page.getByLabel('Username').fill(account.username);
  await page.getByLabel('Password').fill(account.password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByRole('button', { name: 'Sign out' })).toBeVisible();
}

/** Presses Tab until the target has the focus: proves it is reachable by keyboard alone. */
export async function tabTo(page: Page, target: Locator, maxPresses = 60): Promise<void> {
  for (let i = 0; i < maxPresses; i++) {
    if (await target.evaluate((element) => element === document.activeElement)) return;
    await page.keyboard.press('Tab');
  }
  throw new Error(`could not reach ${target.toString()} with Tab`);
}

/* eslint-disable no-empty-pattern -- Playwright reads a fixture's dependencies from the pattern. */
export const test = base.extend<{ account: Account }>({
  // One zone and language for everyone, so "your time" is the same on every machine.
  timezoneId: async ({}, use) => use('Europe/Berlin'),
  locale: async ({}, use) => use('en-US'),
  account: async ({}, use) => use(await createAccount()),
});
/* eslint-enable no-empty-pattern */

export { expect };
