// Signing in and out: Zomro's message for a bad password, the two-factor step, validation,
// sign-out, and the demo mark.
import { createAccount, currentTotpCode, expect, signInThroughUi, test } from './fixtures.js';

test('a bad password is worded by the dashboard; the right one opens the instances', async ({
  page,
  account,
}) => {
  await page.goto('/');
  await expect(page).toHaveURL(/\/sign-in/);
  await page.getByLabel('Username').fill(account.username);
  await page.getByLabel('Password').fill('not the password');
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByRole('alert')).toContainText('The username or password is wrong');
  // The username stays, the password is cleared for the next try.
  await expect(page.getByLabel('Username')).toHaveValue(account.username);
  await expect(page.getByLabel('Password')).toHaveValue('');

  await page.getByLabel('Password').fill(account.password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page).toHaveURL(/\/instances$/);
  await expect(page.getByRole('heading', { name: 'Overview', level: 1 })).toBeVisible();
  await expect(page.getByText(account.username)).toBeVisible();
});

test('sign-in says what is missing before asking Zomro', async ({ page }) => {
  const requests: string[] = [];
  page.on('request', (request) => {
    if (request.method() === 'POST') requests.push(request.url());
  });
  await page.goto('/sign-in');
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByText('Username is required')).toBeVisible();
  await expect(page.getByText('Password is required')).toBeVisible();
  await expect(page.getByLabel('Username')).toBeFocused();
  expect(requests).toEqual([]);
});

test('a two-factor account signs in with the code from the authenticator', async ({ page }) => {
  const account = await createAccount({ totp: true });
  await page.goto('/sign-in');
  await page.getByLabel('Username').fill(account.username);
  await page.getByLabel('Password').fill(account.password);
  await page.getByRole('button', { name: 'Sign in' }).click();

  const code = page.getByLabel('Authentication code');
  await expect(code).toBeFocused();
  await code.fill('12');
  await page.getByRole('button', { name: 'Verify' }).click();
  await expect(page.getByText('Enter the 6-digit code from your authenticator app')).toBeVisible();

  const valid = await currentTotpCode(account.username);
  // A code that differs from the valid one in every digit is wrong now and in the next window.
  const wrong = valid.replace(/\d/g, (d) => String((Number(d) + 5) % 10));
  await code.fill(wrong);
  await page.getByRole('button', { name: 'Verify' }).click();
  await expect(page.getByRole('alert')).toBeVisible();
  await expect(page).toHaveURL(/\/sign-in/);

  await code.fill(await currentTotpCode(account.username));
  await page.getByRole('button', { name: 'Verify' }).click();
  await expect(page).toHaveURL(/\/instances$/);
  await expect(page.getByRole('link', { name: /MyServer/ })).toBeVisible();
});

test('sign out ends the session; the instances then need a new sign-in', async ({
  page,
  account,
}) => {
  await signInThroughUi(page, account);
  await page.getByRole('button', { name: 'Sign out' }).click();
  await expect(page).toHaveURL(/\/sign-in$/);
  await page.goto('/instances');
  await expect(page).toHaveURL(/\/sign-in\?next=%2Finstances/);
  await expect(page.getByLabel('Username')).toBeVisible();
});

test('the built-in emulator is marked as a demo', async ({ page }) => {
  await page.goto('/sign-in');
  await expect(page.getByText('demo: built-in emulator')).toBeVisible();
});
