// The first screen's JavaScript (issue 12): the files the browser downloads from opening the
// sign-in page, through signing in and the overview, to an instance's schedules are exactly the
// ones scripts/check-bundle-size.mjs adds up against the 100 KB budget, in either language. So
// the budget cannot be met by a file that it forgets to count.
import { readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import type { Page } from '@playwright/test';
import { FIRST_SCREEN_BUDGET_GZIP_BYTES } from '../apps/web/first-path.mjs';
import { firstScreenFiles } from '../scripts/first-screen.mjs';
import { expect, MY_SERVER, test } from './fixtures.js';

const WEB = new URL('../apps/web/', import.meta.url);
const chunks = JSON.parse(
  readFileSync(new URL('build-report/chunks.json', WEB), 'utf8'),
) as Parameters<typeof firstScreenFiles>[0];

/** Every JavaScript file the page fetches from now on, as `assets/…`. */
function recordScripts(page: Page): Set<string> {
  const files = new Set<string>();
  page.on('request', (request) => {
    const { pathname } = new URL(request.url());
    if (pathname.startsWith('/assets/') && pathname.endsWith('.js')) files.add(pathname.slice(1));
  });
  return files;
}

const LABELS = {
  en: { username: 'Username', password: 'Password', submit: 'Sign in', signOut: 'Sign out' },
  ru: { username: 'Имя пользователя', password: 'Пароль', submit: 'Войти', signOut: 'Выйти' },
} as const;

for (const language of ['en', 'ru'] as const) {
  test(`sign-in to an instance's schedules loads only the measured files, in ${language}`, async ({
    page,
    account,
  }) => {
    await page.addInitScript((lng) => localStorage.setItem('zomro-dash.language', lng), language);
    const loaded = recordScripts(page);
    const labels = LABELS[language];
    await page.goto('/instances');
    await page.getByLabel(labels.username).fill(account.username);
    await page.getByLabel(labels.password).fill(account.password);
    await page.getByRole('button', { name: labels.submit }).click();
    await expect(page.getByRole('button', { name: labels.signOut })).toBeVisible();
    const link = page.getByRole('link', { name: new RegExp(MY_SERVER.name) });
    await link.hover();
    await link.click();
    await expect(page.getByRole('row', { name: /MySchedule/ })).toBeVisible();

    const expected = firstScreenFiles(chunks).get(language);
    expect([...loaded].sort()).toEqual(expected);
    // And they are within the budget, counted as the budget check counts them.
    const bytes = [...loaded].reduce(
      (sum, file) =>
        sum + gzipSync(readFileSync(new URL(`dist/${file}`, WEB)), { level: 6 }).length,
      0,
    );
    expect(bytes).toBeLessThanOrEqual(FIRST_SCREEN_BUDGET_GZIP_BYTES);
  });
}
