/// <reference lib="dom" />
// Issue 20, the overview's rough edges: apply-to-many shows its outcome instead of a second
// Create (item 1), "select all" takes only what the filter shows and says what it left out, the
// form names the chosen servers (item 2).
import type { Page } from '@playwright/test';
import { expect, signIn, test } from './fixtures.js';

const SERVERS = 33;

async function overviewLoaded(page: Page) {
  await expect(page.getByText(`${SERVERS} servers`)).toBeVisible({ timeout: 20_000 });
  await expect(page.getByRole('progressbar')).toHaveCount(0);
}

const row = (page: Page, name: string) =>
  page.locator('.fleet-list > li').filter({ has: page.getByRole('link', { name: `${name} ` }) });

test('apply to many shows the outcome in place of the form: only retry the failed, or Done', async ({
  page,
  account,
}) => {
  await signIn(page, account);
  await overviewLoaded(page);
  for (const name of ['db-replica', 'web-prod-05', 'dev & test <old>']) {
    await page.getByRole('checkbox', { name: `Select ${name}` }).check();
  }
  await page.getByRole('button', { name: 'Apply a schedule to selected (3)' }).click();
  const form = page.getByRole('region', { name: 'Apply a schedule to 3 servers' });
  await form.getByLabel('Name', { exact: true }).fill('Once only');
  await form.getByRole('button', { name: 'Monday' }).click();
  await form.getByLabel(/^Time/).fill('01:30');
  await form.getByRole('button', { name: 'Create schedule' }).click();

  const outcome = page.getByRole('region', { name: 'Outcome per server' });
  await expect(outcome.getByRole('status')).toHaveText('2 created, 1 failed');
  await expect(outcome).toBeInViewport();
  await expect(outcome).toBeFocused();
  // Nothing invites a second Create: the form is gone.
  await expect(page.getByRole('button', { name: 'Create schedule' })).toHaveCount(0);
  await expect(form).toHaveCount(0);
  await expect(outcome.getByRole('button')).toHaveText(['Retry the failed (1)', 'Done']);

  // The server in the Error state fails again; the two created are not sent again.
  await outcome.getByRole('button', { name: 'Retry the failed (1)' }).click();
  await expect(outcome.getByRole('button', { name: 'Retry the failed (1)' })).toBeEnabled();
  await expect(outcome.getByRole('status')).toHaveText('2 created, 1 failed');
  await outcome.getByRole('button', { name: 'Done' }).click();
  await expect(outcome).toHaveCount(0);
  await expect(
    page.getByRole('button', { name: 'Apply a schedule to selected (0)' }),
  ).toBeDisabled();
  for (const name of ['db-replica', 'web-prod-05']) {
    await expect(row(page, name).locator('.fleet-line')).toHaveText('Mon 01:30 GMT+3');
  }
});

test('select all without a schedule takes only the servers shown and says what it left out', async ({
  page,
  account,
}) => {
  await signIn(page, account);
  await overviewLoaded(page);
  await page.getByRole('searchbox').fill('web');
  await expect(page.getByText(`5 of ${SERVERS}`)).toBeVisible();
  await page.getByRole('button', { name: 'Select all without a schedule' }).click();
  await expect(
    page.getByRole('button', { name: 'Apply a schedule to selected (1)' }),
  ).toBeVisible();
  await page.getByRole('button', { name: 'Apply a schedule to selected (1)' }).click();
  const form = page.getByRole('region', { name: 'Apply a schedule to 1 server' });
  await expect(form.getByRole('listitem')).toHaveText(['web-prod-05']);
  await form.getByRole('button', { name: 'Cancel' }).click();

  // Without a filter: the server in the Error state is left out, and the page says so.
  await page.getByRole('searchbox').fill('');
  await page.getByRole('button', { name: 'Select all without a schedule' }).click();
  await expect(
    page.getByRole('button', { name: 'Apply a schedule to selected (11)' }),
  ).toBeVisible();
  await expect(page.getByRole('status').filter({ hasText: 'Left out' })).toHaveText(
    'Left out: dev & test <old>. Zomro takes no schedule changes in its state.',
  );
  await page.getByRole('button', { name: 'Apply a schedule to selected (11)' }).click();
  const many = page.getByRole('region', { name: 'Apply a schedule to 11 servers' });
  // Eleven names are behind a disclosure; opened, they are all there.
  await many.getByText('The chosen servers (11)').click();
  await expect(many.locator('.chosen-list > li')).toHaveCount(11);
  await expect(many.locator('.chosen-list')).toContainText('db-replica');
});

test.describe('in Berlin', () => {
  test.use({ timezoneId: 'Europe/Berlin' });

  test('the overview labels Zomro’s time and the browser’s (item 4)', async ({ page, account }) => {
    // Friday 27 November 2026, 10:00 in Berlin: MyServer's next run is Saturday 02:01 GMT+3.
    await page.clock.setFixedTime(new Date('2026-11-27T09:00:00Z'));
    await signIn(page, account);
    await overviewLoaded(page);
    const myServer = row(page, 'MyServer');
    await expect(myServer.locator('.fleet-line')).toHaveText('Mon–Sat 02:01 GMT+3');
    await expect(myServer.locator('.fleet-next time')).toHaveText(
      '(Sat, Nov 28, 00:01 your time, GMT+1)',
    );
  });
});

test('apply to many warns per server at the same minute, and spreading the starts clears it (item 5)', async ({
  page,
  account,
}) => {
  await signIn(page, account);
  await overviewLoaded(page);
  // web-prod-03 backs up every day at 02:00; web-prod-05 has no schedule.
  await page.getByRole('checkbox', { name: 'Select web-prod-05' }).check();
  await page.getByRole('checkbox', { name: 'Select web-prod-03' }).check();
  await page.getByRole('button', { name: 'Apply a schedule to selected (2)' }).click();
  const form = page.getByRole('region', { name: 'Apply a schedule to 2 servers' });
  await form.getByLabel('Name', { exact: true }).fill('Spread nightly');
  await form.getByRole('button', { name: 'Every day' }).click();
  await form.getByLabel(/^Time/).fill('02:00');
  const warning = form.locator('.overlap-status .alert');
  await expect(warning).toHaveText([
    'web-prod-03: starts at the same time as “Nightly” on Every day. Zomro takes both; the backups will compete.',
  ]);

  await form.getByRole('checkbox', { name: 'Spread the start times' }).check();
  await expect(form.getByLabel('Over')).toHaveValue('30');
  await expect(form.locator('.chosen-list > li')).toHaveText([
    'web-prod-05 +0 min',
    'web-prod-03 +30 min',
  ]);
  await expect(warning).toHaveCount(0);
  await form.getByRole('button', { name: 'Create schedule' }).click();
  const outcome = page.getByRole('region', { name: 'Outcome per server' });
  await expect(outcome.getByRole('status')).toHaveText('2 created, 0 failed');
  await outcome.getByRole('button', { name: 'Done' }).click();
  await expect(row(page, 'web-prod-05').locator('.fleet-line')).toHaveText('Every day 02:00 GMT+3');
  await expect(row(page, 'web-prod-03').locator('.fleet-line')).toContainText('Every day 02:30');
});

test('a grid cell lists the servers starting in that hour (item 5)', async ({ page, account }) => {
  await signIn(page, account);
  await overviewLoaded(page);
  await page.getByText('Backups starting per hour').click();
  await page.getByRole('button', { name: /^Monday 02:00 — \d+$/ }).click();
  const list = page.getByRole('region', { name: 'Starting Monday 02:00–02:59 (GMT+3)' });
  await expect(list.getByRole('link', { name: 'web-prod-03' })).toBeVisible();
  await expect(list.getByRole('listitem').filter({ hasText: 'MyServer' })).toHaveText(
    ':01 MyServer · MySchedule',
  );
  await list.getByRole('button', { name: 'Close the list' }).click();
  await expect(list).toHaveCount(0);
});
