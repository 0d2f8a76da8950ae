/// <reference lib="dom" />
// Browser hardening as a browser sees it: the built app and Swagger UI work under their
// Content-Security-Policy with no violation reported, and the app cannot be framed.
import type { ConsoleMessage, Page } from '@playwright/test';
import { expect, MY_SERVER, signInThroughUi, test } from './fixtures.js';

/** Console messages and violation events that say the CSP blocked something. */
function watchViolations(page: Page): string[] {
  const seen: string[] = [];
  page.on('console', (message: ConsoleMessage) => {
    if (/Content Security Policy|unsafe-eval|Refused to/i.test(message.text())) {
      seen.push(message.text());
    }
  });
  page.on('pageerror', (error) => {
    if (/Content Security Policy|EvalError/i.test(error.message)) seen.push(error.message);
  });
  return seen;
}

test('the app signs in, lists and opens a form under its CSP, with no violation', async ({
  page,
  account,
}) => {
  const violations = watchViolations(page);
  await page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (event) => {
      console.error(`Refused to load: CSP ${event.violatedDirective} ${event.blockedURI}`);
    });
  });
  const response = await page.goto('/');
  const csp = response!.headers()['content-security-policy'] ?? '';
  expect(csp).toContain("default-src 'self'");
  expect(csp).toContain("frame-ancestors 'none'");
  expect(csp).not.toContain('unsafe-inline');
  expect(response!.headers()['x-content-type-options']).toBe('nosniff');
  await signInThroughUi(page, account);
  await page
    .getByRole('link', { name: new RegExp(MY_SERVER.name) })
    .first()
    .click();
  await expect(page.getByRole('cell', { name: 'MySchedule' })).toBeVisible();
  await page.getByRole('button', { name: 'New schedule' }).click();
  await expect(page.getByLabel('Name')).toBeVisible();
  expect(violations).toEqual([]);
});

test('Swagger UI at /api/docs renders the API under its own policy', async ({ page }) => {
  const violations = watchViolations(page);
  const response = await page.goto('/api/docs');
  expect(response!.headers()['content-security-policy']).toContain("frame-ancestors 'none'");
  await expect(page.getByRole('heading', { name: /Zomro backup dashboard API/ })).toBeVisible();
  await expect(page.getByRole('button', { name: /POST \/api\/session\b/ }).first()).toBeVisible();
  expect(violations).toEqual([]);
});

test('a source map is not served', async ({ request }) => {
  const index = await (await request.get('/')).text();
  const script = /src="(\/assets\/[^"]+\.js)"/.exec(index)?.[1];
  expect(script).toBeDefined();
  const body = await (await request.get(script!)).text();
  expect(body).not.toContain('sourceMappingURL');
  const map = await request.get(`${script!}.map`);
  expect(map.status()).toBe(404);
});
