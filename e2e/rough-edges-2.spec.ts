/// <reference lib="dom" />
// Rough edges of the fleet screens, second round (issue 20): what a new operator hit on the
// schedules table, a lost dashboard server, and the estimate of what the kept backups cover.
import type { Page } from '@playwright/test';
import { createAccount, expect, MY_SERVER, signIn, test, type Account } from './fixtures.js';

/** Names a person might give: long words, Cyrillic, the characters URLs and HTML treat specially. */
const HOSTILE = [
  'Ночная-копия-базы-данных-и-файлов-сайта',
  'db & cache = 100% + <logs> > backups',
  'Z'.repeat(100),
];

async function addSchedules(page: Page, names: readonly string[]) {
  for (const [i, name] of names.entries()) {
    const created = await page.request.post(`/api/instances/${MY_SERVER.id}/schedules`, {
      data: { name, days: [1, 2, 3, 4, 5], time: `0${i + 3}:15` },
    });
    expect(created.ok(), await created.text()).toBe(true);
  }
}

async function openInLanguage(page: Page, account: Account, language: 'en' | 'ru', path: string) {
  await signIn(page, account, path);
  if (language === 'ru') await page.getByRole('button', { name: 'Русский' }).click();
  await expect(page.locator('html')).toHaveAttribute('lang', language);
}

// Item 3: the table fits every desktop width in both languages; a short name is never broken; the
// row actions stay reachable by their names (icons with labels when the words do not fit).
for (const language of ['en', 'ru'] as const) {
  test(`the schedules table needs no sideways scroll from 1024 to 1920 px (${language})`, async ({
    page,
    account,
  }) => {
    await page.setViewportSize({ width: 1280, height: 900 });
    await openInLanguage(page, account, language, `/instances/${MY_SERVER.id}`);
    await addSchedules(page, HOSTILE);
    await page.reload();
    const table = page.getByRole('table');
    await expect(page.getByRole('row', { name: /Ночная-копия/ })).toBeVisible();
    const deleteName = language === 'en' ? 'Delete MySchedule' : 'Удалить MySchedule';
    const curlName =
      language === 'en' ? 'Copy MySchedule as curl' : 'Копировать MySchedule как curl';
    const newSchedule = language === 'en' ? 'New schedule' : 'Новое расписание';
    for (const [width, form] of [
      [1024, false],
      [1280, false],
      [1440, false],
      [1920, false],
      // From 1380 px the form stands beside the table, which then has the least room.
      [1440, true],
      [1920, true],
    ] as const) {
      await page.setViewportSize({ width, height: 900 });
      if (form && !(await page.getByRole('form').isVisible())) {
        await page.getByRole('button', { name: newSchedule }).click();
        await expect(page.getByRole('form')).toBeVisible();
      }
      const box = await table.evaluate((element) => {
        const scroller = element.parentElement!;
        const name = Array.from(element.querySelectorAll<HTMLElement>('.schedule-name')).find(
          (el) => el.textContent === 'MySchedule',
        )!;
        // Lines of text a block takes: its height in its own line heights.
        const lines = (el: Element) =>
          Math.round(
            el.getBoundingClientRect().height / parseFloat(getComputedStyle(el).lineHeight),
          );
        // The time cell (the second data cell): the provider's time, then the viewer's.
        const time = name.closest('tr')!.querySelectorAll('td')[1]!;
        return {
          table: element.scrollWidth,
          room: scroller.clientWidth,
          nameLines: lines(name),
          // Its parts are blocks: the provider's time, then the viewer's.
          timeLines: Array.from(time.children).reduce((sum, part) => sum + lines(part), 0),
        };
      });
      expect(
        box.table,
        `${language} at ${width} px: table ${box.table}px in ${box.room}px`,
      ).toBeLessThanOrEqual(box.room);
      expect(box.nameLines, `${language} at ${width} px: "MySchedule" on one line`).toBe(1);
      // The provider's time and the viewer's, a line each (no six-line time column).
      expect(
        box.timeLines,
        `${language} at ${width} px: the time cell's lines`,
      ).toBeLessThanOrEqual(3);
      const row = page.getByRole('row', { name: /MySchedule/ });
      for (const name of [deleteName, curlName]) {
        const action = row.getByRole('button', { name, exact: true });
        await expect(action).toBeVisible();
        const at = (await action.boundingBox())!;
        expect(at.x + at.width, `${name} inside the window at ${width}`).toBeLessThanOrEqual(width);
      }
      await page.screenshot({
        path: test.info().outputPath(`schedules-${language}-${width}${form ? '-form' : ''}.png`),
        fullPage: true,
      });
    }
    // A phone stacks each row; the page itself still never scrolls sideways.
    await page.setViewportSize({ width: 375, height: 800 });
    const page375 = await page.evaluate(() => document.documentElement.scrollWidth);
    expect(page375).toBeLessThanOrEqual(375);
    await page.screenshot({
      path: test.info().outputPath(`schedules-${language}-375.png`),
      fullPage: true,
    });
  });
}

// Item 6: a lost dashboard server keeps the page and says so where the action was.
test('a lost server keeps the schedules on screen and fails where Change was pressed', async ({
  page,
  account,
}) => {
  await signIn(page, account, `/instances/${MY_SERVER.id}`);
  const row = page.getByRole('row', { name: /MySchedule/ });
  await expect(row).toContainText('02:01 GMT+3');
  // The server goes away: nothing more arrives, neither code nor answers.
  await page.route('**/assets/**', (route) => route.abort('connectionrefused'));
  await page.route('**/api/**', (route) => route.abort('connectionrefused'));
  await page.getByRole('button', { name: 'Change backups kept' }).click();
  await expect(page.getByRole('alert')).toContainText(
    'This part of the page could not be loaded: the dashboard server cannot be reached.',
  );
  await expect(row).toContainText('02:01 GMT+3');
  await page.screenshot({ path: test.info().outputPath('lost-server.png'), fullPage: true });

  // Back again: Retry loads the form where it was asked for.
  await page.unrouteAll();
  await page.getByRole('button', { name: 'Retry' }).click();
  await expect(page.getByLabel('Backups kept')).toBeVisible();
});

test('signing out while the server is down says so and signs out on the retry', async ({
  page,
  account,
}) => {
  await signIn(page, account, `/instances/${MY_SERVER.id}`);
  await expect(page.getByRole('row', { name: /MySchedule/ })).toBeVisible();
  await page.route('**/api/session', (route) =>
    route.request().method() === 'DELETE' ? route.abort('connectionrefused') : route.fallback(),
  );
  await page.getByRole('button', { name: 'Sign out' }).click();
  await expect(page.getByRole('alert')).toContainText(
    'Signing out did not reach the dashboard server, so you are still signed in there.',
  );
  // Not the sign-in page as if it had worked: the page is as it was.
  await expect(page).toHaveURL(new RegExp(`/instances/${MY_SERVER.id}$`));
  await expect(page.getByRole('row', { name: /MySchedule/ })).toBeVisible();
  for (const width of [375, 1280]) {
    await page.setViewportSize({ width, height: 800 });
    await page.screenshot({ path: test.info().outputPath(`sign-out-failed-${width}.png`) });
  }

  await page.unrouteAll();
  await page.getByRole('button', { name: 'Sign out again' }).click();
  await expect(page).toHaveURL(/\/sign-in$/);
  expect((await page.request.get('/api/instances')).status()).toBe(401);
});

// Item 11: the demo's hint for the code is on the step that asks for it.
test('the two-factor step says where the demo code comes from', async ({ page }) => {
  const account = await createAccount({ totp: true });
  await page.goto('/sign-in');
  await page.getByLabel('Username').fill(account.username);
  await page.getByLabel('Password').fill(account.password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByLabel(/code/i)).toBeVisible();
  await expect(
    page.getByText(/the current code for demo2fa is printed by npm run totp/),
  ).toBeVisible();
});
