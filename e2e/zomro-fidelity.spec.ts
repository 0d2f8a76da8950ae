// What Zomro's own panel shows and the dashboard now does too: "Backups kept: N" shown, explained
// in days and changed; and an instance in a state where Zomro takes no schedule changes (error,
// image uploading), with create, edit and delete disabled and the reason given.
import { EMULATOR_CONTROL, expect, MY_SERVER, signIn, test, type Account } from './fixtures.js';

/** The demo's instance in the `error` state (every account's copy has it). */
const BROKEN = { id: '5204255', name: 'dev & test <old>' };

async function setInstanceStatus(account: Account, instanceId: string, status: string) {
  const response = await fetch(`${EMULATOR_CONTROL}/instance-status`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ username: account.username, instanceId, status }),
  });
  if (!response.ok) throw new Error(`instance-status: ${response.status}`);
}

test('shows how many backups Zomro keeps, what that means, and changes it', async ({
  page,
  account,
}) => {
  await signIn(page, account, `/instances/${MY_SERVER.id}`);
  await expect(page.getByText('Backups kept: 3')).toBeVisible();
  // MySchedule runs Monday to Saturday: six backups a week.
  await expect(page.getByText('3 backups at 6 a week ≈ the last 2–4 days')).toBeVisible();

  await page.getByRole('button', { name: 'Change backups kept' }).click();
  const select = page.getByLabel('Backups kept');
  await expect(select).toBeFocused();
  await select.selectOption('7');
  await expect(page.getByText(/7 backups at 6 a week ≈ the last 7–9 days/)).toBeVisible();
  await page.getByRole('button', { name: 'Save' }).click();
  await expect(page.getByText('Backups kept: 7')).toBeVisible();
  await expect(page.getByText('Zomro now keeps 7 scheduled backups.')).toBeVisible();
  await expect(page.getByRole('button', { name: 'Change backups kept' })).toBeFocused();

  await page.reload();
  await expect(page.getByText('Backups kept: 7')).toBeVisible();
  await page.getByRole('button', { name: 'Русский' }).click();
  await expect(page.getByText('Хранится копий: 7')).toBeVisible();
  await expect(page.getByText('7 копий при 6 в неделю ≈ последние 7–9 дней')).toBeVisible();
});

test('changes it by keyboard, and Escape leaves it as it was', async ({ page, account }) => {
  await signIn(page, account, `/instances/${MY_SERVER.id}`);
  await page.getByRole('button', { name: 'Change backups kept' }).focus();
  await page.keyboard.press('Enter');
  await expect(page.getByLabel('Backups kept')).toBeFocused();
  await page.keyboard.press('Escape');
  await expect(page.getByText('Backups kept: 3')).toBeVisible();
  await expect(page.getByRole('button', { name: 'Change backups kept' })).toBeFocused();
});

test('disables create, edit and delete on an instance in error, and says why', async ({
  page,
  account,
}) => {
  await signIn(page, account, `/instances/${BROKEN.id}`);
  const note = page.getByRole('note');
  await expect(note).toContainText('Schedules cannot be changed now');
  await expect(note).toContainText('“Error” state');
  const create = page.getByRole('button', { name: 'New schedule' });
  await expect(create).toBeDisabled();
  await expect(create).toHaveAccessibleDescription(/Zomro takes no schedule changes/);

  // Straight to the form's address: the reason, not a form that cannot save.
  await page.goto(`/instances/${BROKEN.id}/schedules/new`);
  await expect(page.getByRole('note').first()).toContainText('Schedules cannot be changed now');
  await expect(page.getByRole('button', { name: 'Create schedule' })).toHaveCount(0);
  await page.getByRole('link', { name: 'Back to the schedules' }).click();
  await expect(page).toHaveURL(`/instances/${BROKEN.id}`);
});

test('disables edit and delete while the instance uploads an image', async ({ page, account }) => {
  await setInstanceStatus(account, MY_SERVER.id, 'running_image_uploading');
  await signIn(page, account, `/instances/${MY_SERVER.id}`);
  await expect(page.getByRole('note')).toContainText('“Uploading an image” state');
  const row = page.getByRole('row', { name: /MySchedule/ });
  await expect(row.getByRole('button', { name: 'Edit MySchedule' })).toBeDisabled();
  await expect(row.getByRole('button', { name: 'Delete MySchedule' })).toBeDisabled();
  await expect(page.getByRole('button', { name: 'New schedule' })).toBeDisabled();
  // How many backups are kept stays changeable, as in Zomro's panel.
  await expect(page.getByRole('button', { name: 'Change backups kept' })).toBeEnabled();

  await setInstanceStatus(account, MY_SERVER.id, 'active');
  await page.reload();
  await expect(page.getByRole('note')).toHaveCount(0);
  await expect(row.getByRole('button', { name: 'Edit MySchedule' })).toBeEnabled();
});

test.describe('screens', () => {
  for (const [label, viewport] of [
    ['desktop', { width: 1280, height: 800 }],
    ['mobile', { width: 375, height: 800 }],
  ] as const) {
    test(`retention and a blocked instance at ${label} width, with hostile names`, async ({
      page,
      account,
    }, testInfo) => {
      await page.setViewportSize(viewport);
      await signIn(page, account, `/instances/${BROKEN.id}`);
      await expect(page.getByText('Backups kept: 3')).toBeVisible();
      await page.screenshot({
        path: testInfo.outputPath(`blocked-${label}.png`),
        fullPage: true,
      });
      await page.goto(`/instances/${MY_SERVER.id}`);
      await page.getByRole('button', { name: 'Change backups kept' }).click();
      await page.getByLabel('Backups kept').selectOption('10');
      await page.screenshot({
        path: testInfo.outputPath(`retention-form-${label}.png`),
        fullPage: true,
      });
      await page.getByRole('button', { name: 'Русский' }).click();
      await page.goto(`/instances/${BROKEN.id}`);
      await expect(page.getByText('Хранится копий: 3')).toBeVisible();
      await page.screenshot({
        path: testInfo.outputPath(`blocked-russian-${label}.png`),
        fullPage: true,
      });
      // Nothing sticks out of the page at this width.
      const overflow = await page.evaluate(
        () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
      );
      expect(overflow).toBeLessThanOrEqual(0);
    });
  }
});
