// What a new operator hit first (issue 10): a click lost while the form reflowed, a long name
// that broke the table, a user change through the session-expired dialog, concurrent changes
// that undid each other, and deleting what someone else had already deleted.
import type { Page } from '@playwright/test';
import { expect, MY_SERVER, signInThroughUi, test } from './fixtures.js';

const schedulePosts = (url: string, method: string) =>
  /\/api\/instances\/\d+\/schedules/.test(url) && (method === 'POST' || method === 'PUT');

for (const width of [1280, 375]) {
  test(`one click submits after typing 1:15, at ${width} px`, async ({ page, account }) => {
    await page.setViewportSize({ width, height: 900 });
    const sent: string[] = [];
    page.on('request', (request) => {
      if (schedulePosts(request.url(), request.method())) sent.push(request.method());
    });
    await signInThroughUi(page, account, `/instances/${MY_SERVER.id}/schedules/new`);
    await page.getByLabel('Name', { exact: true }).fill('One click');
    await page.getByRole('button', { name: 'Every day' }).click();
    await page.getByLabel(/^Time/).fill('1:15');
    // The time field still has the focus: the press on the button is what makes it leave.
    await expect(page.getByLabel(/^Time/)).toBeFocused();
    await page.getByRole('button', { name: 'Create schedule' }).click();
    await expect(page.getByRole('row', { name: /One click/ })).toContainText('01:15 GMT+3');
    expect(sent).toEqual(['POST']);

    await page.getByRole('button', { name: 'Edit One click' }).click();
    await page.getByLabel(/^Time/).fill('3:05');
    await page.getByRole('button', { name: 'Save changes' }).click();
    await expect(page.getByRole('row', { name: /One click/ })).toContainText('03:05 GMT+3');
    expect(sent).toEqual(['POST', 'PUT']);
  });
}

const LONG_NAME = 'N'.repeat(100);

async function noSidewaysScroll(page: Page, where: string) {
  const { scroll, client } = await page.evaluate(() => ({
    scroll: document.documentElement.scrollWidth,
    client: document.documentElement.clientWidth,
  }));
  expect(scroll, `${where}: page ${scroll}px wide in a ${client}px window`).toBeLessThanOrEqual(
    client,
  );
}

for (const width of [1280, 375]) {
  test(`a 100-character unbroken name breaks no page, at ${width} px`, async ({
    page,
    account,
  }) => {
    await page.setViewportSize({ width, height: 900 });
    await noSidewaysScroll(page, 'blank');
    await page.goto('/sign-in');
    await noSidewaysScroll(page, 'sign-in');
    await signInThroughUi(page, account, '/instances');
    const created = await page.request.post(`/api/instances/${MY_SERVER.id}/schedules`, {
      data: { name: LONG_NAME, days: [1, 3], time: '04:30' },
    });
    expect(created.ok()).toBe(true);
    await noSidewaysScroll(page, 'instances');

    await page.goto(`/instances/${MY_SERVER.id}`);
    const row = page.getByRole('row', { name: new RegExp(LONG_NAME) });
    await expect(row).toContainText('04:30 GMT+3');
    await noSidewaysScroll(page, 'schedules');
    await page.screenshot({ path: test.info().outputPath('long-name.png'), fullPage: true });
    // Every column of the row stays in the window, the actions included.
    for (const cell of [
      row.getByText('04:30 GMT+3'),
      row.getByRole('button', { name: `Delete ${LONG_NAME}` }),
    ]) {
      const box = await cell.boundingBox();
      expect(box && box.x + box.width).toBeLessThanOrEqual(width);
    }
    // The full name is there for a screen reader and on hover.
    await expect(row.getByRole('rowheader')).toContainText(LONG_NAME);
    await expect(row.getByTitle(LONG_NAME)).toBeVisible();

    await row.getByRole('button', { name: `Delete ${LONG_NAME}` }).click();
    const dialog = page.getByRole('dialog', { name: 'Delete backup schedule?' });
    await expect(dialog).toContainText(LONG_NAME);
    await noSidewaysScroll(page, 'delete dialog');
    const dialogBox = await dialog.boundingBox();
    const text = await dialog.getByText(LONG_NAME).boundingBox();
    expect(text!.x + text!.width).toBeLessThanOrEqual(dialogBox!.x + dialogBox!.width);
    await dialog.getByRole('button', { name: 'Cancel' }).click();

    await page.getByRole('button', { name: `Edit ${LONG_NAME}` }).click();
    await expect(page.getByLabel('Name', { exact: true })).toHaveValue(LONG_NAME);
    await noSidewaysScroll(page, 'edit');
    await page.goto(`/instances/${MY_SERVER.id}/schedules/new`);
    await expect(page.getByLabel('Name', { exact: true })).toBeVisible();
    await noSidewaysScroll(page, 'new');
    await page.goto('/activity');
    await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
    await noSidewaysScroll(page, 'activity');
    await page.goto('/nowhere');
    await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
    await noSidewaysScroll(page, 'not found');
  });
}
