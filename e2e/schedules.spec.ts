// Creating and editing schedules: by mouse and by keyboard alone, every validation message, a
// refusal from Zomro, a session that expires in the middle of an edit, and unsaved changes.
import {
  expect,
  expireZomroSessions,
  MY_SERVER,
  refuseNextScheduleSave,
  signIn,
  tabTo,
  test,
} from './fixtures.js';

const schedulePosts = (url: string, method: string) =>
  /\/api\/instances\/\d+\/schedules/.test(url) && (method === 'POST' || method === 'PUT');

test('creates a schedule with the mouse, with a preview of the next runs', async ({
  page,
  account,
}) => {
  await signIn(page, account, `/instances/${MY_SERVER.id}`);
  await page.getByRole('button', { name: 'New schedule' }).click();
  await page.getByLabel('Name', { exact: true }).fill('Nightly database');
  await page.getByRole('button', { name: 'Monday' }).click();
  await page.getByRole('button', { name: 'Wednesday' }).click();
  await expect(page.getByRole('button', { name: 'Monday' })).toHaveAttribute(
    'aria-pressed',
    'true',
  );
  await page.getByLabel(/^Time/).fill('23:30');

  const preview = page.getByRole('region', { name: 'Next runs' });
  await expect(preview.getByRole('listitem')).toHaveCount(5);
  // 23:30 at the provider (GMT+3) is 21:30 or 22:30 in Berlin, on the same day.
  await expect(preview.getByRole('listitem').first()).toContainText(/(Mon|Wed).*23:30 GMT\+3/);
  await expect(preview.getByRole('listitem').first()).toContainText(/2[12]:30 your time/);

  await page.getByRole('button', { name: 'Create schedule' }).click();
  const row = page.getByRole('row', { name: /Nightly database/ });
  await expect(row).toContainText('Mon, Wed');
  await expect(row).toContainText('23:30 GMT+3');
  await expect(page.getByText('Schedule “Nightly database” created.')).toBeVisible();
  await expect(page).toHaveURL(`/instances/${MY_SERVER.id}`);
  await expect(row.getByRole('button', { name: 'Delete Nightly database' })).toBeEnabled();

  await page.reload();
  await expect(page.getByRole('row', { name: /Nightly database/ })).toContainText('Mon, Wed');
});

test('creates a schedule by keyboard alone', async ({ page, account }) => {
  await signIn(page, account, `/instances/${MY_SERVER.id}`);
  await tabTo(page, page.getByRole('button', { name: 'New schedule' }));
  await page.keyboard.press('Enter');
  // The form opens with the name field focused.
  await expect(page.getByLabel('Name', { exact: true })).toBeFocused();
  await page.keyboard.type('Keyboard only');

  await tabTo(page, page.getByRole('button', { name: 'Weekends' }));
  await page.keyboard.press('Enter');
  await tabTo(page, page.getByRole('button', { name: 'Friday' }));
  await page.keyboard.press('Space');
  // Arrow keys move along the week too.
  await page.keyboard.press('ArrowLeft');
  await expect(page.getByRole('button', { name: 'Thursday' })).toBeFocused();
  await page.keyboard.press('Space');
  for (const day of ['Thursday', 'Friday', 'Saturday', 'Sunday']) {
    await expect(page.getByRole('button', { name: day })).toHaveAttribute('aria-pressed', 'true');
  }

  await tabTo(page, page.getByLabel(/^Time/));
  await page.keyboard.press('ControlOrMeta+A');
  await page.keyboard.type('4:15');
  await tabTo(page, page.getByRole('button', { name: 'Create schedule' }));
  await expect(page.getByLabel(/^Time/)).toHaveValue('04:15');
  await page.keyboard.press('Enter');

  const row = page.getByRole('row', { name: /Keyboard only/ });
  await expect(row).toContainText('Thu–Sun');
  await expect(row).toContainText('04:15 GMT+3');
});

test('edits a schedule', async ({ page, account }) => {
  await signIn(page, account, `/instances/${MY_SERVER.id}`);
  await page.getByRole('button', { name: 'Edit MySchedule' }).click();
  await expect(page).toHaveURL(/\/schedules\/14\/edit$/);
  const name = page.getByLabel('Name', { exact: true });
  await expect(name).toHaveValue('MySchedule');
  await expect(page.getByLabel(/^Time/)).toHaveValue('02:01');
  await expect(page.getByRole('button', { name: 'Saturday' })).toHaveAttribute(
    'aria-pressed',
    'true',
  );
  await expect(page.getByRole('button', { name: 'Sunday' })).toHaveAttribute(
    'aria-pressed',
    'false',
  );

  await name.fill('Every night');
  await page.getByRole('button', { name: 'Sunday' }).click();
  await page.getByLabel(/^Time/).fill('01:45');
  await page.getByRole('button', { name: 'Save changes' }).click();

  const row = page.getByRole('row', { name: /Every night/ });
  await expect(row).toContainText('Every day');
  await expect(row).toContainText('01:45 GMT+3');
  await expect(page.getByRole('row', { name: /MySchedule/ })).toHaveCount(0);
  await page.reload();
  await expect(page.getByRole('row', { name: /Every night/ })).toContainText('Every day');
});

test('shows each validation message and sends nothing', async ({ page, account }) => {
  const sent: string[] = [];
  page.on('request', (request) => {
    if (schedulePosts(request.url(), request.method())) sent.push(request.url());
  });
  await signIn(page, account, `/instances/${MY_SERVER.id}/schedules/new`);
  const name = page.getByLabel('Name', { exact: true });
  const time = page.getByLabel(/^Time/);

  await page.getByRole('button', { name: 'Create schedule' }).click();
  await expect(page.getByText('Name is required')).toBeVisible();
  await expect(page.getByText('Choose at least one day', { exact: true })).toBeVisible();
  await expect(name).toHaveAttribute('aria-invalid', 'true');
  await expect(name).toBeFocused();

  await name.fill('   ');
  await expect(page.getByText('Name is required')).toBeVisible();
  await name.fill('x'.repeat(101));
  await expect(page.getByText('Name must be at most 100 characters')).toBeVisible();
  await name.fill('Valid name');
  await expect(page.getByText('Name must be at most 100 characters')).toBeHidden();

  await page.getByRole('button', { name: 'Tuesday' }).click();
  await expect(page.getByText('Choose at least one day', { exact: true })).toBeHidden();
  await page.getByRole('button', { name: 'Tuesday' }).click();
  await expect(page.getByText('Choose at least one day', { exact: true })).toBeVisible();
  await page.getByRole('button', { name: 'Every day' }).click();

  for (const bad of ['24:00', '12:60', 'noon', '']) {
    await time.fill(bad);
    await page.getByRole('button', { name: 'Create schedule' }).click();
    await expect(
      page.getByText(
        bad === ''
          ? /Time must be a valid time|Time is required/
          : 'Time must be a valid time between 00:00 and 23:59',
      ),
    ).toBeVisible();
    await expect(time).toHaveAttribute('aria-invalid', 'true');
  }
  expect(sent).toEqual([]);
});

test('a refusal from Zomro is shown and the form keeps what was typed', async ({
  page,
  account,
}) => {
  await signIn(page, account, `/instances/${MY_SERVER.id}`);
  await page.getByRole('button', { name: 'New schedule' }).click();
  await page.getByLabel('Name', { exact: true }).fill('Refused once');
  await page.getByRole('button', { name: 'Weekdays' }).click();
  await page.getByLabel(/^Time/).fill('05:10');

  const refusal = 'The value of the "Name" field is invalid: reserved by the provider';
  await refuseNextScheduleSave(account, refusal);
  await page.getByRole('button', { name: 'Create schedule' }).click();

  const alert = page.getByRole('alert').filter({ hasText: 'Could not create' });
  await expect(alert).toContainText('Could not create “Refused once”');
  await expect(alert).toContainText(refusal);
  // The optimistic row went away again; the form is as it was.
  await expect(page.getByRole('row', { name: /Refused once/ })).toHaveCount(0);
  await expect(page.getByLabel('Name', { exact: true })).toHaveValue('Refused once');
  await expect(page.getByLabel(/^Time/)).toHaveValue('05:10');
  await expect(page.getByRole('button', { name: 'Friday' })).toHaveAttribute(
    'aria-pressed',
    'true',
  );

  // The fault was used up: the same form now saves.
  await page.getByRole('button', { name: 'Create schedule' }).click();
  await expect(page.getByRole('row', { name: /Refused once/ })).toContainText('Mon–Fri');
});

test('a session that expires during an edit asks for sign-in over the form, then saves', async ({
  page,
  account,
}) => {
  await signIn(page, account, `/instances/${MY_SERVER.id}`);
  await page.getByRole('button', { name: 'Edit MySchedule' }).click();
  await page.getByLabel('Name', { exact: true }).fill('Saved after sign-in');
  await page.getByRole('button', { name: 'Sunday' }).click();

  await expireZomroSessions(account.username);
  await page.getByRole('button', { name: 'Save changes' }).click();

  const dialog = page.getByRole('dialog', { name: 'Your session has expired' });
  await expect(dialog).toBeVisible();
  await expect(dialog.getByLabel('Username')).toHaveValue(account.username);
  await expect(dialog.getByLabel('Password')).toBeFocused();
  await dialog.getByLabel('Password').fill(account.password);
  await dialog.getByRole('button', { name: 'Sign in' }).click();
  await expect(dialog).toBeHidden();

  // The interrupted save went through after sign-in, and the page is where it was.
  const row = page.getByRole('row', { name: /Saved after sign-in/ });
  await expect(row).toContainText('Every day');
  await expect(page).toHaveURL(`/instances/${MY_SERVER.id}`);
  await page.reload();
  await expect(page.getByRole('row', { name: /Saved after sign-in/ })).toContainText('Every day');
});

test('warns before unsaved changes are lost, in the app and when the tab closes', async ({
  page,
  account,
}) => {
  await signIn(page, account, `/instances/${MY_SERVER.id}`);
  await page.getByRole('button', { name: 'Edit MySchedule' }).click();
  const name = page.getByLabel('Name', { exact: true });
  await name.fill('MySchedule renamed');

  await page.getByRole('link', { name: 'All servers' }).click();
  const leave = page.getByRole('dialog', { name: 'Discard unsaved changes?' });
  await expect(leave).toBeVisible();
  await leave.getByRole('button', { name: 'Keep editing' }).click();
  await expect(leave).toBeHidden();
  await expect(name).toHaveValue('MySchedule renamed');

  // Closing the tab: the browser asks (a beforeunload dialog) and the page stays.
  const asked = new Promise<string>((resolve) =>
    page.once('dialog', (dialog) => {
      resolve(dialog.type());
      void dialog.dismiss();
    }),
  );
  await page.close({ runBeforeUnload: true });
  expect(await asked).toBe('beforeunload');
});
