/// <reference lib="dom" />
// Screenshots of the main screens for the README (docs/screenshots/*.png), taken against the
// real BFF and emulator. Nothing here saves a schedule (see schedules.spec.ts for why).
import { expect, signInThroughUi, test } from './fixtures.js';

const SHOTS = 'docs/screenshots';
const DB_PRIMARY = '5203815';

test.use({ viewport: { width: 1280, height: 800 } });

test('sign-in', async ({ page }) => {
  await page.goto('/sign-in');
  await expect(page.getByLabel('Username')).toBeFocused();
  await page.screenshot({ path: `${SHOTS}/sign-in.png` });
});

test('instances, schedules, form and delete dialog', async ({ page, account }) => {
  await signInThroughUi(page, account);
  await expect(page.getByRole('link', { name: /MyServer/ })).toBeVisible();
  await page.mouse.move(0, 0);
  await page.screenshot({ path: `${SHOTS}/instances.png` });

  await page.getByRole('link', { name: /db-primary/ }).click();
  await expect(page.getByRole('row', { name: /Before maintenance/ })).toBeVisible();
  await page.screenshot({ path: `${SHOTS}/schedules.png` });

  await page.getByRole('button', { name: 'New schedule' }).click();
  await page.getByLabel('Name', { exact: true }).fill('Nightly before deploy');
  await page.getByRole('button', { name: 'Weekdays' }).click();
  await page.getByLabel(/^Time/).fill('01:30');
  await expect(page.getByRole('region', { name: 'Next runs' }).getByRole('listitem')).toHaveCount(
    5,
  );
  await page.screenshot({ path: `${SHOTS}/schedule-form.png`, fullPage: true });

  await page.getByRole('button', { name: 'Cancel' }).click();
  await page.getByRole('button', { name: 'Delete Weekend' }).click();
  await expect(page.getByRole('dialog')).toBeVisible();
  await page.screenshot({ path: `${SHOTS}/delete-dialog.png` });
  await page.keyboard.press('Escape');
});

test('Russian UI', async ({ page, account }) => {
  await signInThroughUi(page, account, `/instances/${DB_PRIMARY}`);
  await page.getByRole('button', { name: 'Русский' }).click();
  await page.getByRole('button', { name: 'Изменить Weekend' }).click();
  await expect(page.getByLabel('Название')).toHaveValue('Weekend');
  await page.screenshot({ path: `${SHOTS}/russian.png`, fullPage: true });
});

test('375 px wide', async ({ page, account }) => {
  await page.setViewportSize({ width: 375, height: 812 });
  await signInThroughUi(page, account, `/instances/${DB_PRIMARY}`);
  await expect(page.getByRole('row', { name: /Before maintenance/ })).toBeVisible();
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth);
  expect(overflow).toBeLessThanOrEqual(375);
  await page.screenshot({ path: `${SHOTS}/mobile-schedules.png`, fullPage: true });
  await page.getByRole('button', { name: 'New schedule' }).click();
  await page.getByLabel('Name', { exact: true }).fill('Phone test');
  await page.getByRole('button', { name: 'Every day' }).click();
  await expect(page.getByRole('region', { name: 'Next runs' }).getByRole('listitem')).toHaveCount(
    5,
  );
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);
  await page.screenshot({ path: `${SHOTS}/mobile-form.png`, fullPage: true });
});
