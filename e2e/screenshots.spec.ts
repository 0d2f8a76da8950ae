/// <reference lib="dom" />
// Screenshots of the main screens for the README (docs/screenshots/*.png), taken against the
// real BFF and emulator. They must come out the same on every run, so that `npm test` leaves the
// tree clean: the same account and a fixed browser clock every time.
import type { Page } from '@playwright/test';
import { expect, signIn, test, type Account } from './fixtures.js';

const SHOTS = 'docs/screenshots';
const DB_PRIMARY = '5203815';
// The built-in demo account, whose name shows on screen. It is shared by the whole run (and by
// these tests in parallel), so nothing here may change its data: forms and dialogs open, never save.
const DEMO: Account = { username: 'demo', password: 'demo' };
// Relative times ("in 3 days") and the next-runs preview are computed from the browser's clock.
const SHOT_TIME = new Date('2026-11-27T09:00:00Z');

test.use({
  viewport: { width: 1280, height: 800 },
  // Chromium repaints only what changed (partial raster), and anti-aliased edges inside a repainted
  // area (after skeletons, hovers) came out a shade different from run to run, a few dozen pixels.
  // Repainting whole tiles gave identical pixels run after run.
  launchOptions: [
    async ({ launchOptions }, use) => {
      await use({
        ...launchOptions,
        args: [...(launchOptions.args ?? []), '--disable-partial-raster'],
      });
    },
    { scope: 'worker' },
  ],
});

/**
 * A screenshot with nothing under the mouse (the last click would leave a row or card hovered) and
 * CSS transitions finished, so that a fading hover is never caught halfway.
 */
async function shot(page: Page, name: string, fullPage = false): Promise<void> {
  await page.mouse.move(0, 0);
  await page.screenshot({ path: `${SHOTS}/${name}.png`, fullPage, animations: 'disabled' });
}

test.beforeEach(async ({ page }) => {
  await page.clock.setFixedTime(SHOT_TIME);
});

test('sign-in', async ({ page }) => {
  await page.goto('/sign-in');
  await expect(page.getByLabel('Username')).toBeFocused();
  await shot(page, 'sign-in');
});

test('instances, schedules, form and delete dialog', async ({ page }) => {
  await signIn(page, DEMO);
  await expect(page.getByRole('link', { name: /MyServer/ })).toBeVisible();
  // The overview: wait for every server's schedules, not only the list.
  await expect(page.getByRole('progressbar')).toHaveCount(0);
  await shot(page, 'instances');

  await page.getByRole('link', { name: /db-primary/ }).click();
  await expect(page.getByRole('row', { name: /Before maintenance/ })).toBeVisible();
  await shot(page, 'schedules');

  await page.getByRole('button', { name: 'New schedule' }).click();
  await page.getByLabel('Name', { exact: true }).fill('Nightly before deploy');
  await page.getByRole('button', { name: 'Weekdays' }).click();
  await page.getByLabel(/^Time/).fill('01:30');
  await expect(page.getByRole('region', { name: 'Next runs' }).getByRole('listitem')).toHaveCount(
    5,
  );
  await shot(page, 'schedule-form', true);

  await page.getByRole('button', { name: 'Cancel' }).click();
  await page.getByRole('dialog').getByRole('button', { name: 'Discard changes' }).click();
  await page.getByRole('button', { name: 'Delete Weekend' }).click();
  await expect(page.getByRole('dialog')).toBeVisible();
  await shot(page, 'delete-dialog');
  await page.keyboard.press('Escape');
});

test('Russian UI', async ({ page }) => {
  await signIn(page, DEMO, `/instances/${DB_PRIMARY}`);
  await page.getByRole('button', { name: 'Русский' }).click();
  await page.getByRole('button', { name: 'Изменить Weekend' }).click();
  await expect(page.getByLabel('Название')).toHaveValue('Weekend');
  await shot(page, 'russian', true);
});

test('375 px wide', async ({ page }) => {
  await page.setViewportSize({ width: 375, height: 812 });
  await signIn(page, DEMO, `/instances/${DB_PRIMARY}`);
  await expect(page.getByRole('row', { name: /Before maintenance/ })).toBeVisible();
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth);
  expect(overflow).toBeLessThanOrEqual(375);
  await shot(page, 'mobile-schedules', true);
  await page.getByRole('button', { name: 'New schedule' }).click();
  await page.getByLabel('Name', { exact: true }).fill('Phone test');
  await page.getByRole('button', { name: 'Every day' }).click();
  await expect(page.getByRole('region', { name: 'Next runs' }).getByRole('listitem')).toHaveCount(
    5,
  );
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);
  await shot(page, 'mobile-form', true);
});
