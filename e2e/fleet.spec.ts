/// <reference lib="dom" />
// The overview (issue 11): every server's schedules with the "No schedule" flag and its filter,
// the 7 × 24 grid, apply to many with one injected failure and its retry, copy from a row, the
// overlap warning, copy as curl (clipboard), export (downloads), and the screens at 1280 and 375 px.
import { readFile } from 'node:fs/promises';
import type { Page } from '@playwright/test';
import {
  EMPTY_SERVER,
  expect,
  MY_SERVER,
  refuseNextScheduleSave,
  signIn,
  test,
  type Account,
} from './fixtures.js';

/** Every server and those without a schedule in the demo data. */
const SERVERS = 33;
const UNPROTECTED = 12;

const fleetList = (page: Page) =>
  page.getByRole('list').filter({ has: page.getByRole('link', { name: /MyServer|db-replica/ }) });

async function overviewLoaded(page: Page) {
  // 33 schedule lists at 4 at a time: on a busy machine this can take more than the default wait.
  await expect(page.getByText(`${SERVERS} servers`)).toBeVisible({ timeout: 20_000 });
  await expect(page.getByRole('progressbar')).toHaveCount(0);
}

test('lists every server with its schedules, flags those without, and filters them', async ({
  page,
  account,
}) => {
  await signIn(page, account);
  await expect(page).toHaveURL(/\/instances$/);
  await expect(page.getByRole('heading', { name: 'Overview', level: 1 })).toBeVisible();
  await overviewLoaded(page);
  await expect(page.getByText(`${UNPROTECTED} without a schedule`)).toBeVisible();

  const rowOf = (name: RegExp) =>
    fleetList(page)
      .getByRole('listitem')
      .filter({ has: page.getByRole('link', { name }) });
  await expect(rowOf(/^MyServer/)).toContainText('Mon–Sat 02:01');
  await expect(rowOf(/^MyServer/)).toContainText(/Next: (in|tomorrow)/);
  await expect(rowOf(/^api-01/)).toContainText('Every day 02:00 · Sun 04:00');
  await expect(rowOf(/^db-replica/)).toContainText('No schedule');
  await expect(rowOf(/^MyServer/)).not.toContainText('No schedule');

  await page.getByLabel('Only servers without a schedule').check();
  await expect(fleetList(page).getByRole('link')).toHaveCount(UNPROTECTED);
  await expect(page.getByRole('link', { name: /^MyServer/ })).toHaveCount(0);
  await expect(page.getByRole('link', { name: /^db-replica/ })).toBeVisible();
  await page.getByLabel('Only servers without a schedule').uncheck();
  await expect(fleetList(page).getByRole('link')).toHaveCount(SERVERS);

  // In Russian too.
  await page.getByRole('button', { name: 'Русский' }).click();
  await expect(page.getByRole('heading', { name: 'Обзор', level: 1 })).toBeVisible();
  await expect(page.getByText(`${SERVERS} сервера`)).toBeVisible();
  await expect(rowOf(/^db-replica/)).toContainText('Нет расписания');
  await expect(page.getByLabel('Только серверы без расписания')).toBeVisible();
  await page.getByRole('button', { name: 'English' }).click();

  // The instance list lives on: a server opens its schedules.
  await page.getByRole('link', { name: /^db-replica/ }).click();
  await expect(page).toHaveURL(`/instances/${EMPTY_SERVER.id}`);
  await page.getByRole('link', { name: 'All servers' }).click();
  await overviewLoaded(page);
});

test('the grid counts backups per hour, in GMT+3 and in the browser’s time', async ({
  page,
  account,
}) => {
  await signIn(page, account);
  await overviewLoaded(page);
  // The grid is behind a disclosure, closed at first; once opened it stays open on later visits.
  await expect(page.getByRole('table', { name: /backups start in each hour/ })).toHaveCount(0);
  await page.getByText('Backups starting per hour').click();
  const grid = page.getByRole('table', { name: /backups start in each hour.*GMT\+3/ });
  // Monday 02:00 GMT+3: six nightly at 02:00, three on workdays (02:00, 02:30), MySchedule (02:01).
  const monday = grid.getByRole('row', { name: /^Mon/ });
  await expect(monday.getByRole('cell').nth(2)).toHaveText('10');
  await expect(monday.getByRole('cell').nth(15)).toHaveText('');

  await page.getByRole('radio', { name: /Your time/ }).check();
  // Berlin in winter is GMT+1: the same backups start at midnight there.
  const local = page.getByRole('table', { name: /backups start in each hour/ });
  await expect(local.getByRole('row', { name: /^Mon/ }).getByRole('cell').nth(0)).toHaveText('10');
  await expect(local.getByRole('row', { name: /^Mon/ }).getByRole('cell').nth(2)).toHaveText('');
  await page.reload();
  await expect(grid.getByRole('row', { name: /^Mon/ })).toBeVisible();
});

test('applies one schedule to many, shows each outcome and retries only the failed', async ({
  page,
  account,
}) => {
  await signIn(page, account);
  await overviewLoaded(page);
  await page.getByRole('button', { name: 'Select all without a schedule' }).click();
  // The server in error takes no changes: it is not selected.
  await expect(
    page.getByRole('button', { name: `Apply a schedule to selected (${UNPROTECTED - 1})` }),
  ).toBeVisible();
  await expect(page.getByRole('checkbox', { name: 'Select dev & test <old>' })).not.toBeChecked();
  await page.getByRole('button', { name: 'Clear selection' }).click();

  await page.getByRole('checkbox', { name: 'Select db-replica' }).check();
  await page.getByRole('checkbox', { name: 'Select web-prod-05' }).check();
  await page.getByRole('button', { name: 'Apply a schedule to selected (2)' }).click();
  const form = page.getByRole('region', { name: 'Apply a schedule to 2 servers' });
  await form.getByLabel('Name', { exact: true }).fill('Fleet nightly');
  await form.getByRole('button', { name: 'Monday' }).click();
  await form.getByRole('button', { name: 'Friday' }).click();
  await form.getByLabel(/^Time/).fill('01:30');

  await refuseNextScheduleSave(account, 'Quota of schedules reached');
  await form.getByRole('button', { name: 'Create schedule' }).click();
  const outcome = page.getByRole('region', { name: 'Outcome per server' });
  await expect(outcome.getByRole('status')).toHaveText('1 created, 1 failed');
  await expect(outcome).toContainText('Failed: Zomro refused it: “Quota of schedules reached”');

  await outcome.getByRole('button', { name: 'Retry the failed (1)' }).click();
  await expect(outcome.getByRole('status')).toHaveText('2 created, 0 failed');
  await expect(outcome.getByRole('listitem').filter({ hasText: 'Created' })).toHaveCount(2);
  await expect(page.getByText(`${UNPROTECTED - 2} without a schedule`)).toBeVisible();
  const row = fleetList(page)
    .getByRole('listitem')
    .filter({ has: page.getByRole('link', { name: /^db-replica/ }) });
  await expect(row).toContainText('Mon, Fri 01:30');
});

test('copies a schedule from its row to other servers, pre-filled', async ({ page, account }) => {
  await signIn(page, account, `/instances/${MY_SERVER.id}`);
  await page.getByRole('button', { name: 'Copy MySchedule to other servers' }).click();
  await expect(page).toHaveURL(/\/instances$/);
  await overviewLoaded(page);
  const form = page.getByRole('region', { name: /Apply a schedule to 0 servers/ });
  await expect(form.getByLabel('Name', { exact: true })).toHaveValue('MySchedule');
  await expect(form.getByLabel(/^Time/)).toHaveValue('02:01');
  await expect(form.getByRole('button', { name: 'Saturday' })).toHaveAttribute(
    'aria-pressed',
    'true',
  );
  await expect(form.getByRole('button', { name: 'Sunday' })).toHaveAttribute(
    'aria-pressed',
    'false',
  );
  await expect(form).toContainText('Copied from “MySchedule · MyServer”');
  // Nothing selected yet: the form says so instead of sending.
  await form.getByRole('button', { name: 'Create schedule' }).click();
  await expect(form.getByRole('alert')).toHaveText('Select at least one server in the list first.');
  await page.getByRole('checkbox', { name: 'Select db-replica' }).check();
  await expect(page.getByRole('region', { name: 'Apply a schedule to 1 server' })).toBeVisible();
});

test('warns when a schedule starts at the same minute as another; saving stays allowed', async ({
  page,
  account,
}) => {
  // web-prod-01 has "Nightly" every day at 03:30.
  await signIn(page, account, '/instances/5203801/schedules/new');
  await page.getByLabel('Name', { exact: true }).fill('Second nightly');
  await page.getByRole('button', { name: 'Wednesday' }).click();
  await page.getByLabel(/^Time/).fill('03:30');
  const warning = page.getByText('Starts at the same time as “Nightly” on Wed.');
  await expect(warning).toBeVisible();
  await page.getByLabel(/^Time/).fill('03:31');
  await expect(warning).toHaveCount(0);
  await page.getByLabel(/^Time/).fill('03:30');
  await expect(warning).toBeVisible();
  await page.getByRole('button', { name: 'Create schedule' }).click();
  await expect(page.getByRole('row', { name: /Second nightly/ })).toBeVisible();
});

test('copies the curl command that would create a schedule on Zomro', async ({
  page,
  context,
  account,
}) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  await signIn(page, account, `/instances/${MY_SERVER.id}`);
  await page.getByRole('button', { name: 'Copy MySchedule as curl' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'is on the clipboard' })).toBeVisible();
  const copied = await page.evaluate(() => navigator.clipboard.readText());
  expect(copied).toBe(
    [
      "curl --location 'https://api.zomro.com/'",
      `--form 'func="instances.fleio_bckps.schedule.edit"'`,
      '--form "auth=\\"$ZOMRO_AUTH\\""',
      `--form 'out="json"'`,
      `--form 'name="MySchedule"'`,
      `--form 'rotation_days="1,2,3,4,5,6"'`,
      `--form 'rotation_time="02:01"'`,
      `--form 'plid="5203773"'`,
      `--form 'sok="ok"'`,
    ].join(' \\\n'),
  );
});

test('exports every schedule of the fleet as CSV and as JSON', async ({ page, account }) => {
  await signIn(page, account);
  await overviewLoaded(page);
  const [csv] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Export CSV' }).click(),
  ]);
  expect(csv.suggestedFilename()).toMatch(/^fleet-schedules-\d{4}-\d{2}-\d{2}\.csv$/);
  const text = await readFile(await csv.path(), 'utf8');
  // The byte-order mark that makes Excel read UTF-8 (trim() would drop it).
  expect(text.charCodeAt(0)).toBe(0xfeff);
  const lines = text.trim().split('\r\n');
  expect(lines[0]).toBe(
    'instance id,instance name,status,schedule,days,time (GMT+3),next run,read error',
  );
  expect(lines).toContainEqual(
    expect.stringMatching(
      /^5203773,MyServer,\w+,MySchedule,Monday Tuesday Wednesday Thursday Friday Saturday,02:01,\d{4}-.*,$/,
    ),
  );
  expect(lines).toContainEqual(expect.stringMatching(/^5203816,db-replica,\w+,,,,,$/));
  expect(lines).toContainEqual(expect.stringMatching(/^5204255,dev & test <old>,\w+,,,,,$/));

  const [json] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Export JSON' }).click(),
  ]);
  expect(json.suggestedFilename()).toMatch(/\.json$/);
  const rows = JSON.parse(await readFile(await json.path(), 'utf8')) as Array<{
    instanceId: string;
    schedule: string | null;
    days: number[];
    timeGmt3: string | null;
  }>;
  expect(rows).toContainEqual(
    expect.objectContaining({
      instanceId: '5203773',
      schedule: 'MySchedule',
      days: [1, 2, 3, 4, 5, 6],
      timeGmt3: '02:01',
    }),
  );
  expect(new Set(rows.map((r) => r.instanceId)).size).toBe(SERVERS);
});

test.describe('screens', () => {
  // The built-in demo account, read only (other tests use their own); a fixed clock.
  const DEMO: Account = { username: 'demo', password: 'demo' };
  test.beforeEach(async ({ page }) => {
    await page.clock.setFixedTime(new Date('2026-11-27T09:00:00Z'));
  });

  for (const [width, prefix] of [
    [1280, ''],
    [375, 'mobile-'],
  ] as const) {
    test(`the overview and apply to many at ${width} px`, async ({ page }) => {
      await page.setViewportSize({ width, height: 900 });
      await signIn(page, DEMO);
      await overviewLoaded(page);
      const scrollWidth = await page.evaluate(() => document.documentElement.scrollWidth);
      expect(scrollWidth).toBeLessThanOrEqual(width);
      await page.mouse.move(0, 0);
      await page.screenshot({
        path: test.info().outputPath(`${prefix}overview.png`),
        fullPage: true,
      });
      await page.getByRole('button', { name: 'Select all without a schedule' }).click();
      await page.getByRole('button', { name: /Apply a schedule to selected/ }).click();
      await expect(page.getByRole('region', { name: /Apply a schedule to/ })).toBeVisible();
      await page.mouse.move(0, 0);
      await page.screenshot({ path: test.info().outputPath(`${prefix}apply-to-many.png`) });
    });
  }
});

test('pointing at a server prefetches its schedules, so the click shows them without asking again', async ({
  page,
  account,
}) => {
  await signIn(page, account);
  await overviewLoaded(page);
  const reads: string[] = [];
  page.on('request', (request) => {
    if (
      request.method() === 'GET' &&
      request.url().endsWith(`/api/instances/${MY_SERVER.id}/schedules`)
    ) {
      reads.push(request.url());
    }
  });
  const link = fleetList(page).getByRole('link', { name: /^MyServer/ });
  const prefetched = page.waitForResponse((r) =>
    r.url().endsWith(`/api/instances/${MY_SERVER.id}/schedules`),
  );
  await link.hover();
  await prefetched;
  await link.click();
  await expect(page.getByRole('row', { name: /MySchedule/ })).toBeVisible();
  // The schedules came from the prefetch: the page did not read them again.
  expect(reads).toHaveLength(1);
});
