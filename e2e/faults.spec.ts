/// <reference lib="dom" />
// Zomro's faults on a save, end to end: the operator sees what happened and keeps what they typed.
// (A first part of issue 9's fault matrix: more kinds and the Retry rules are still to come.)
import { EMULATOR_CONTROL, expect, MY_SERVER, signInThroughUi, test } from './fixtures.js';

const EDIT = 'instances.fleio_bckps.schedule.edit';

const cases = [
  { kind: 'running-operation', title: 'Zomro is busy' },
  { kind: 'non-json', title: 'Zomro sent an answer the dashboard does not understand' },
  { kind: 'reset', title: 'Zomro could not be reached while saving' },
];

for (const { kind, title } of cases) {
  test(`a ${kind} fault on create: "${title}", the form keeps its values`, async ({
    page,
    account,
  }) => {
    await signInThroughUi(page, account, `/instances/${MY_SERVER.id}`);
    await page.getByRole('button', { name: 'New schedule' }).click();
    await page.getByLabel('Name', { exact: true }).fill(`Fault ${kind} & <ок>`);
    await page.getByRole('button', { name: 'Friday' }).click();
    await page.getByLabel(/^Time/).fill('05:10');
    const response = await fetch(`${EMULATOR_CONTROL}/faults`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ kind, func: EDIT, username: account.username }),
    });
    expect(response.ok).toBe(true);
    await page.getByRole('button', { name: 'Create schedule' }).click();
    await expect(page.getByRole('alert').filter({ hasText: title })).toBeVisible();
    await expect(page.getByLabel('Name', { exact: true })).toHaveValue(`Fault ${kind} & <ок>`);
    await expect(page.getByLabel(/^Time/)).toHaveValue('05:10');
    await expect(page.getByRole('button', { name: 'Friday' })).toHaveAttribute(
      'aria-pressed',
      'true',
    );
  });
}
