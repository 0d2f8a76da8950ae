// The Activity page as an operator scans it: changes by default (sign-ins one choice away), a page
// of rows at a time, the exact time in both zones, and an export of what the filter shows.
import { readFileSync } from 'node:fs';
import { expect, MY_SERVER, signIn, test } from './fixtures.js';

const CHANGES = 22;

test('shows changes a page at a time, with both zones, and exports what it shows', async ({
  page,
  account,
}) => {
  await signIn(page, account, '/instances');
  for (let i = 0; i < CHANGES; i++) {
    const time = `${String(i % 24).padStart(2, '0')}:15`;
    const created = await page.request.post(`/api/instances/${MY_SERVER.id}/schedules`, {
      data: { name: `Change ${i}`, days: [1], time },
    });
    expect(created.status()).toBe(201);
  }
  await page.goto('/activity');
  const table = page.getByRole('table', { name: 'Activity of this Zomro account' });
  const rows = table.getByRole('row', { name: /Created a schedule/ });
  await expect(rows).toHaveCount(20);
  await expect(table.getByRole('row', { name: /Signed in/ })).toHaveCount(0);
  await expect(page.getByLabel('Show')).toHaveValue('changes');
  await expect(rows.first()).toContainText('Change 21');
  await expect(rows.first()).toContainText('your time');
  await expect(rows.first()).toContainText('GMT+3');

  const pages = page.getByRole('navigation', { name: 'Pages of the activity' });
  await expect(pages).toContainText('Page 1');
  await pages.getByRole('button', { name: 'Older' }).click();
  await expect(pages).toContainText('Page 2');
  await expect(rows).toHaveCount(2);
  await expect(rows.last()).toContainText('Change 0');
  await expect(pages.getByRole('button', { name: 'Older' })).toBeDisabled();
  await pages.getByRole('button', { name: 'Newer' }).click();
  await expect(rows).toHaveCount(20);

  // The export holds every change the filter shows, not only the page on screen.
  const saved = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Export CSV' }).click();
  const csv = readFileSync(await (await saved).path(), 'utf8');
  expect(csv.startsWith('\uFEFF')).toBe(true);
  expect(csv.match(/schedule\.create/g)).toHaveLength(CHANGES);
  expect(csv).not.toContain('session.sign-in');

  await page.getByLabel('Show').selectOption({ label: 'Sign-ins and sign-outs' });
  await expect(page).toHaveURL(/show=sessions/);
  await expect(table.getByRole('row', { name: /Signed in/ })).toHaveCount(1);
  await expect(rows).toHaveCount(0);
});

test('in Russian at 375 px, the sign-in view names the reason once', async ({ page, account }) => {
  await page.setViewportSize({ width: 375, height: 812 });
  await page.addInitScript(() => localStorage.setItem('zomro-dash.language', 'ru'));
  const wrong = await page.request.post('/api/session', {
    data: { username: account.username, password: 'wrong' },
  });
  expect(wrong.status()).toBe(401);
  const signedIn = await page.request.post('/api/session', {
    data: { username: account.username, password: account.password },
  });
  expect(signedIn.status()).toBe(200);
  await page.goto('/activity?show=sessions');
  const failed = page.getByRole('row', { name: /Неудачный вход/ });
  await expect(failed).toContainText('Ошибка: неверное имя или пароль');
  await expect(failed).toContainText('по вашему времени');
  const width = await page.evaluate(() => document.documentElement.scrollWidth);
  expect(width).toBeLessThanOrEqual(375);
});
