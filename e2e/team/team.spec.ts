// Team mode in the browser: operators sign in as themselves (the server holds the Zomro account),
// viewers see no change buttons, the Activity page says who did what, and of two operators editing
// one schedule the second is warned instead of overwriting the first.
import { readFileSync } from 'node:fs';
import type { Browser, Page } from '@playwright/test';
import { expect, test } from '../fixtures.js';

interface Operator {
  name: string;
  role: 'editor' | 'viewer';
  password: string;
}
const operators = JSON.parse(
  readFileSync(new URL('./operators.json', import.meta.url), 'utf8'),
) as Operator[];
const operator = (name: string) => operators.find((o) => o.name === name)!;
const [ALICE, BOB, VICTOR] = [operator('alice'), operator('bob'), operator('victor')];

async function signInAs(page: Page, who: Operator, path = '/'): Promise<void> {
  await page.goto(path);
  await page.getByLabel('Username').fill(who.name);
  await page.getByLabel('Password').fill(who.password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByRole('button', { name: 'Sign out' })).toBeVisible();
}

/** A second operator in a browser context of their own (own cookies). */
async function secondOperator(browser: Browser, who: Operator, path: string) {
  const context = await browser.newContext({ timezoneId: 'Europe/Berlin', locale: 'en-US' });
  const page = await context.newPage();
  await signInAs(page, who, path);
  return { context, page };
}

test('an operator signs in as themselves and creates a schedule', async ({ page }) => {
  await page.goto('/');
  await expect(page.getByText(/Sign in with your own dashboard account/)).toBeVisible();
  // The demo hint names Zomro's demo account: it has no place on a team sign-in.
  await expect(page.getByText(/Demo mode/)).toHaveCount(0);
  await page.getByLabel('Username').fill('alice');
  await page.getByLabel('Password').fill('not her password');
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByRole('alert')).toBeVisible();

  await signInAs(page, ALICE, '/instances/5203773');
  await expect(page.getByRole('banner')).toContainText('alice');
  await page.getByRole('button', { name: 'New schedule' }).click();
  await page.getByLabel('Name', { exact: true }).fill('Team nightly');
  await page.getByRole('button', { name: 'Tuesday' }).click();
  await page.getByLabel(/^Time/).fill('04:40');
  await page.getByRole('button', { name: 'Create schedule' }).click();
  const row = page.getByRole('row', { name: /Team nightly/ });
  await expect(row).toContainText('04:40 GMT+3');
  await expect(row).toContainText('Created by alice');
  await page.reload();
  await expect(page.getByRole('row', { name: /Team nightly/ })).toContainText('Created by alice');
});

test('a viewer sees the schedules but no way to change them', async ({ page }) => {
  await signInAs(page, VICTOR, '/instances/5203802');
  await expect(page.getByText('View only').first()).toBeVisible();
  await expect(page.getByRole('row', { name: /Nightly/ })).toContainText('03:45 GMT+3');
  await expect(page.getByRole('button', { name: 'New schedule' })).toHaveCount(0);
  await expect(page.getByRole('button', { name: /^Edit / })).toHaveCount(0);
  await expect(page.getByRole('button', { name: /^Delete / })).toHaveCount(0);
  // A form's address typed by hand says so instead of offering a form.
  await page.goto('/instances/5203802/schedules/23/edit');
  await expect(page.getByText(/can see schedules but not change them/)).toBeVisible();
  await expect(page.getByRole('button', { name: 'Save changes' })).toHaveCount(0);
});

test('the Activity page shows who did what', async ({ page }) => {
  await signInAs(page, BOB, '/instances/5204133');
  await page.getByRole('button', { name: 'New schedule' }).click();
  await page.getByLabel('Name', { exact: true }).fill('Staging & <friends>');
  await page.getByRole('button', { name: 'Weekends' }).click();
  await page.getByLabel(/^Time/).fill('06:15');
  await page.getByRole('button', { name: 'Create schedule' }).click();
  await expect(page.getByRole('row', { name: /Staging & <friends>/ })).toBeVisible();

  await page
    .getByRole('navigation', { name: 'Main' })
    .getByRole('link', { name: 'Activity' })
    .click();
  await expect(page.getByRole('heading', { name: 'Activity', level: 1 })).toBeVisible();
  await page.getByLabel('Instance').selectOption({ label: 'staging (5204133)' });
  await expect(page).toHaveURL(/instance=5204133/);
  const entry = page.getByRole('row', { name: /Created a schedule/ });
  await expect(entry).toHaveCount(1);
  await expect(entry).toContainText('bob');
  await expect(entry).toContainText('Staging & <friends>');
  await expect(entry).toContainText('Done');
  await page.getByLabel('Operator').fill('bob');
  await page.getByLabel('Instance').selectOption({ label: 'All instances' });
  // Changes only by default: the sign-ins are one choice away.
  await expect(page.getByRole('row', { name: /Signed in/ })).toHaveCount(0);
  await page.getByLabel('Show').selectOption({ label: 'Sign-ins and sign-outs' });
  await expect(page.getByRole('row', { name: /Signed in/ }).first()).toContainText('bob');
  await expect(page.getByRole('row', { name: /Created a schedule/ })).toHaveCount(0);
  // Filters live in the address: a reload keeps them.
  await page.reload();
  await expect(page.getByLabel('Operator')).toHaveValue('bob');
  await expect(page.getByLabel('Show')).toHaveValue('sessions');
});

test('of two operators editing one schedule, the second is warned and chooses', async ({
  page,
  browser,
}) => {
  const path = '/instances/5203815/schedules/25/edit';
  await signInAs(page, ALICE, path);
  const bob = await secondOperator(browser, BOB, path);
  await expect(page.getByLabel('Name', { exact: true })).toHaveValue('Weekend');
  await expect(bob.page.getByLabel('Name', { exact: true })).toHaveValue('Weekend');

  await page.getByLabel(/^Time/).fill('21:00');
  await page.getByRole('button', { name: 'Save changes' }).click();
  await expect(page.getByRole('row', { name: /Weekend/ })).toContainText('21:00 GMT+3');

  await bob.page.getByLabel('Name', { exact: true }).fill('Weekend (bob)');
  await bob.page.getByRole('button', { name: 'Save changes' }).click();
  const dialog = bob.page.getByRole('dialog', { name: 'Someone else changed this schedule' });
  await expect(dialog).toContainText('alice changed “Weekend”');
  await expect(dialog.getByRole('row', { name: /Time/ })).toContainText('21:00');
  await expect(dialog.getByRole('row', { name: /Time/ })).toContainText('22:00');
  await expect(dialog.getByRole('row', { name: /Name/ })).toContainText('Weekend (bob)');

  // Keeping theirs reloads the form with alice's values.
  await dialog.getByRole('button', { name: 'Keep theirs and reload' }).click();
  await expect(bob.page.getByLabel('Name', { exact: true })).toHaveValue('Weekend');
  await expect(bob.page.getByLabel(/^Time/)).toHaveValue('21:00');
  const form = bob.page.getByRole('region', { name: 'Edit “Weekend”' });
  await expect(form.getByText('Last changed by alice')).toBeVisible();

  // Now bob saves over it on purpose.
  await bob.page.getByLabel('Name', { exact: true }).fill('Weekend (bob)');
  await bob.page.getByRole('button', { name: 'Save changes' }).click();
  const row = bob.page.getByRole('row', { name: /Weekend \(bob\)/ });
  await expect(row).toContainText('21:00 GMT+3');
  await expect(row).toContainText('Last changed by bob');
  await bob.context.close();
});

test('a delete of a schedule changed meanwhile shows what it is now and asks again', async ({
  page,
  browser,
}) => {
  await signInAs(page, ALICE, '/instances/5203801');
  await expect(page.getByRole('row', { name: /Weekly full/ })).toContainText('05:00 GMT+3');
  const bob = await secondOperator(browser, BOB, '/instances/5203801/schedules/22/edit');
  await bob.page.getByLabel(/^Time/).fill('05:30');
  await bob.page.getByRole('button', { name: 'Save changes' }).click();
  await expect(bob.page.getByRole('row', { name: /Weekly full/ })).toContainText('05:30');
  await bob.context.close();

  // Alice's list still shows 05:00.
  await page.getByRole('button', { name: 'Delete Weekly full' }).click();
  await page.getByRole('dialog').getByRole('button', { name: 'Delete' }).click();
  const dialog = page.getByRole('dialog', { name: 'This schedule changed since you looked' });
  await expect(dialog).toContainText('bob changed “Weekly full”');
  await expect(dialog).toContainText('05:30');
  await dialog.getByRole('button', { name: 'Delete anyway' }).click();
  await expect(page.getByRole('row', { name: /Weekly full/ })).toHaveCount(0);
  await page.reload();
  await expect(page.getByRole('row', { name: /Nightly/ })).toBeVisible();
  await expect(page.getByRole('row', { name: /Weekly full/ })).toHaveCount(0);
});
