// Listing and filtering instances, an instance's schedules, the empty state, a deep link that
// survives sign-in and reload, and deleting with confirmation.
import { EMPTY_SERVER, expect, MY_SERVER, signIn, test } from './fixtures.js';

test('lists the account’s instances as links, with a filter', async ({ page, account }) => {
  await signIn(page, account);
  // The overview lists every instance (33 in the demo data) with its schedules.
  const list = page.getByRole('list').filter({ has: page.getByRole('link') });
  await expect(list.getByRole('link')).toHaveCount(33);
  const myServer = page.getByRole('link', { name: /MyServer/ });
  await expect(myServer).toContainText('185.231.245.17');
  await expect(myServer).toContainText('Active');
  // An instance without a servername is shown by its tariff.
  await expect(page.getByRole('link', { name: /^Cloud VPS 1 GB/ })).toBeVisible();

  const filter = page.getByLabel('Filter servers');
  await filter.fill('db-');
  await expect(list.getByRole('link')).toHaveCount(2);
  await expect(page.getByRole('link', { name: /db-primary/ })).toBeVisible();
  await filter.fill('185.231.245.17');
  await expect(list.getByRole('link')).toHaveCount(1);
  await filter.fill('no such server');
  await expect(page.getByText('No servers match “no such server”.')).toBeVisible();
  await page.getByRole('button', { name: 'Clear filter' }).last().click();
  await expect(list.getByRole('link')).toHaveCount(33);

  await page.getByRole('link', { name: /MyServer/ }).click();
  await expect(page).toHaveURL(`/instances/${MY_SERVER.id}`);
  await expect(page.getByRole('heading', { name: 'MyServer', level: 1 })).toBeVisible();
  const row = page.getByRole('row', { name: /MySchedule/ });
  await expect(row).toContainText('Mon–Sat');
  await expect(row).toContainText('02:01 GMT+3');
  // Europe/Berlin is GMT+1 or GMT+2: 02:01 at the provider is 00:01 or 01:01 there.
  await expect(row).toContainText(/0[01]:01 your time/);
  await expect(row).toContainText('Jul 24, 2024');
  await expect(row).toContainText(/in \d+ minutes?|today|tomorrow|(Mon|Tue|Wed|Thu|Fri|Sat|Sun), /);
});

test('an instance without schedules says so and offers to create one', async ({
  page,
  account,
}) => {
  await signIn(page, account, `/instances/${EMPTY_SERVER.id}`);
  await expect(page.getByText(`No backup schedules for ${EMPTY_SERVER.name} yet`)).toBeVisible();
  await expect(page.getByRole('table')).toHaveCount(0);
  await page.getByRole('button', { name: 'New schedule' }).click();
  await expect(page).toHaveURL(`/instances/${EMPTY_SERVER.id}/schedules/new`);
  await expect(page.getByLabel('Name', { exact: true })).toBeFocused();
});

test('a deep link survives sign-in and a reload', async ({ page, account }) => {
  await page.goto(`/instances/${MY_SERVER.id}`);
  await expect(page).toHaveURL(/\/sign-in\?next=%2Finstances%2F5203773/);
  await page.getByLabel('Username').fill(account.username);
  await page.getByLabel('Password').fill(account.password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page).toHaveURL(`/instances/${MY_SERVER.id}`);
  await expect(page.getByRole('row', { name: /MySchedule/ })).toBeVisible();

  await page.reload();
  await expect(page).toHaveURL(`/instances/${MY_SERVER.id}`);
  await expect(page.getByRole('heading', { name: 'MyServer', level: 1 })).toBeVisible();
  await expect(page.getByRole('row', { name: /MySchedule/ })).toBeVisible();

  // The edit form has its own address too.
  await page.getByRole('button', { name: 'Edit MySchedule' }).click();
  // The edit route loads on demand: the address changes once it has come.
  await expect(page).toHaveURL(`/instances/${MY_SERVER.id}/schedules/14/edit`);
  await page.reload();
  await expect(page.getByLabel('Name', { exact: true })).toHaveValue('MySchedule');
});

test('deletes only after a confirmation that names the schedule and the instance', async ({
  page,
  account,
}) => {
  await signIn(page, account, `/instances/${MY_SERVER.id}`);
  const row = page.getByRole('row', { name: /MySchedule/ });
  const deleteButton = page.getByRole('button', { name: 'Delete MySchedule' });

  await deleteButton.click();
  const dialog = page.getByRole('dialog');
  await expect(dialog).toContainText('MySchedule');
  await expect(dialog).toContainText('MyServer');
  await expect(dialog.getByRole('button', { name: 'Cancel' })).toBeFocused();
  await dialog.getByRole('button', { name: 'Cancel' }).click();
  await expect(dialog).toBeHidden();
  await expect(row).toBeVisible();
  await expect(deleteButton).toBeFocused();

  await deleteButton.click();
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
  await expect(row).toBeVisible();

  await deleteButton.click();
  await dialog.getByRole('button', { name: 'Delete' }).click();
  await expect(dialog).toBeHidden();
  await expect(row).toHaveCount(0);
  await expect(
    page.getByRole('status').filter({ hasText: 'Schedule “MySchedule” deleted.' }),
  ).toBeVisible();
  await expect(page.getByText('No backup schedules for MyServer yet')).toBeVisible();

  await page.reload();
  await expect(page.getByText('No backup schedules for MyServer yet')).toBeVisible();
});

test('keeps the keyboard in the schedules after a confirmed delete', async ({ page, account }) => {
  await signIn(page, account, `/instances/${MY_SERVER.id}`);
  await page.getByRole('button', { name: 'Delete MySchedule' }).focus();
  await page.keyboard.press('Enter');
  const dialog = page.getByRole('dialog');
  await expect(dialog.getByRole('button', { name: 'Cancel' })).toBeFocused();
  await page.keyboard.press('Tab');
  await expect(dialog.getByRole('button', { name: 'Delete' })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('row', { name: /MySchedule/ })).toHaveCount(0);
  // The deleted row's button is gone; the focus must not fall back to the top of the page.
  await expect(page.getByRole('heading', { name: /^Backup schedules/, level: 2 })).toBeFocused();
});
