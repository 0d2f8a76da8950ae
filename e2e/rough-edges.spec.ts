/// <reference lib="dom" />
// What a new operator hit first (issue 10): a click lost while the form reflowed, a long name
// that broke the table, a user change through the session-expired dialog, concurrent changes
// that undid each other, and deleting what someone else had already deleted.
import type { Page } from '@playwright/test';
import {
  createAccount,
  EMPTY_SERVER,
  tabTo,
  expect,
  expireZomroSessions,
  MY_SERVER,
  signIn,
  test,
} from './fixtures.js';

const schedulePosts = (url: string, method: string) =>
  /\/api\/instances\/\d+\/schedules/.test(url) && (method === 'POST' || method === 'PUT');

for (const width of [1280, 375]) {
  test(`one click submits after typing 1:15, at ${width} px`, async ({ page, account }) => {
    await page.setViewportSize({ width, height: 900 });
    const sent: string[] = [];
    page.on('request', (request) => {
      if (schedulePosts(request.url(), request.method())) sent.push(request.method());
    });
    await signIn(page, account, `/instances/${MY_SERVER.id}/schedules/new`);
    await page.getByLabel('Name', { exact: true }).fill('One click');
    await page.getByRole('button', { name: 'Every day' }).click();
    await page.getByLabel(/^Time/).fill('1:15');
    // The time field still has the focus: the press on the button is what makes it leave.
    await expect(page.getByLabel(/^Time/)).toBeFocused();
    await page.getByRole('button', { name: 'Create schedule' }).click();
    await expect(page.getByRole('row', { name: /One click/ })).toContainText('01:15 GMT+3');
    expect(sent).toEqual(['POST']);

    await page.getByRole('button', { name: 'Edit One click' }).click();
    await page.getByLabel(/^Time/).fill('3:05');
    await page.getByRole('button', { name: 'Save changes' }).click();
    await expect(page.getByRole('row', { name: /One click/ })).toContainText('03:05 GMT+3');
    expect(sent).toEqual(['POST', 'PUT']);
  });
}

const LONG_NAME = 'N'.repeat(100);

async function noSidewaysScroll(page: Page, where: string) {
  const { scroll, client } = await page.evaluate(() => ({
    scroll: document.documentElement.scrollWidth,
    client: document.documentElement.clientWidth,
  }));
  expect(scroll, `${where}: page ${scroll}px wide in a ${client}px window`).toBeLessThanOrEqual(
    client,
  );
}

for (const width of [1280, 375]) {
  test(`a 100-character unbroken name breaks no page, at ${width} px`, async ({
    page,
    account,
  }) => {
    await page.setViewportSize({ width, height: 900 });
    await noSidewaysScroll(page, 'blank');
    await page.goto('/sign-in');
    await noSidewaysScroll(page, 'sign-in');
    await signIn(page, account, '/instances');
    const created = await page.request.post(`/api/instances/${MY_SERVER.id}/schedules`, {
      data: { name: LONG_NAME, days: [1, 3], time: '04:30' },
    });
    expect(created.ok()).toBe(true);
    await noSidewaysScroll(page, 'instances');

    await page.goto(`/instances/${MY_SERVER.id}`);
    const row = page.getByRole('row', { name: new RegExp(LONG_NAME) });
    await expect(row).toContainText('04:30 GMT+3');
    await noSidewaysScroll(page, 'schedules');
    await page.screenshot({ path: test.info().outputPath('long-name.png'), fullPage: true });
    // Every column of the row stays in the window, the actions included.
    for (const cell of [
      row.getByText('04:30 GMT+3'),
      row.getByRole('button', { name: `Delete ${LONG_NAME}` }),
    ]) {
      const box = await cell.boundingBox();
      expect(box && box.x + box.width).toBeLessThanOrEqual(width);
    }
    // The full name is there for a screen reader and on hover.
    await expect(row.getByRole('rowheader')).toContainText(LONG_NAME);
    await expect(row.getByTitle(LONG_NAME, { exact: true })).toBeVisible();

    await row.getByRole('button', { name: `Delete ${LONG_NAME}` }).click();
    const dialog = page.getByRole('dialog', { name: 'Delete backup schedule?' });
    await expect(dialog).toContainText(LONG_NAME);
    await noSidewaysScroll(page, 'delete dialog');
    const dialogBox = await dialog.boundingBox();
    const text = await dialog.getByText(LONG_NAME).boundingBox();
    expect(text!.x + text!.width).toBeLessThanOrEqual(dialogBox!.x + dialogBox!.width);
    await dialog.getByRole('button', { name: 'Cancel' }).click();

    await page.getByRole('button', { name: `Edit ${LONG_NAME}` }).click();
    await expect(page.getByLabel('Name', { exact: true })).toHaveValue(LONG_NAME);
    await noSidewaysScroll(page, 'edit');
    await page.goto(`/instances/${MY_SERVER.id}/schedules/new`);
    await expect(page.getByLabel('Name', { exact: true })).toBeVisible();
    await noSidewaysScroll(page, 'new');
    await page.goto('/activity');
    await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
    await noSidewaysScroll(page, 'activity');
    await page.goto('/nowhere');
    await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
    await noSidewaysScroll(page, 'not found');
  });
}

/**
 * Latin words on screen and in labels a screen reader speaks, less what may stay Latin: names,
 * ids, product names and the units of time zones.
 */
async function latinWords(page: Page, allowed: readonly string[]): Promise<string[]> {
  const texts = await page.evaluate(() => {
    const out = [document.body.innerText, document.title];
    const labelled = document.querySelectorAll<Element>('[aria-label],[title],[placeholder]');
    for (const element of Array.from(labelled)) {
      for (const name of ['aria-label', 'title', 'placeholder']) {
        const value = element.getAttribute(name);
        if (value) out.push(value);
      }
    }
    return out.join('\n');
  });
  // Names (of instances, schedules, users, tariffs) are cut out whole before words are counted.
  let rest = texts;
  for (const name of [...allowed].sort((a, b) => b.length - a.length)) {
    rest = rest.split(name).join(' ');
  }
  const words = rest.match(/[A-Za-z][A-Za-z'’-]*/g) ?? [];
  const ok = new Set([
    'Zomro',
    'Cloud',
    'CSV',
    'JSON',
    'curl',
    'VPS',
    'GMT',
    'UTC',
    'HTTP',
    'IP',
    'ID',
    'EN',
    'RU',
    'English',
  ]);
  return [...new Set(words.filter((word) => !ok.has(word)))];
}

test('the Russian screens, errors included, have no English words', async ({ page, account }) => {
  const CONTROL = `http://127.0.0.1:${process.env.E2E_EMULATOR_PORT ?? 8391}/__emulator`;
  const names = [
    'MyServer',
    'MySchedule',
    'db-replica',
    'demo',
    'demo2fa',
    'npm run totp',
    'abc',
    account.username,
  ];
  await page.addInitScript(() => localStorage.setItem('zomro-dash.language', 'ru'));
  await page.goto('/sign-in');
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  expect(await latinWords(page, names), 'sign-in').toEqual([]);

  // A wrong password: the UI's own sentence, no English after it.
  await page.getByLabel('Имя пользователя').fill(account.username);
  await page.getByLabel('Пароль').fill('wrong-password');
  await page.getByRole('button', { name: 'Войти' }).click();
  await expect(page.getByRole('alert')).toContainText('Неверное имя пользователя или пароль');
  expect(await latinWords(page, names), 'wrong password').toEqual([]);

  await page.getByLabel('Пароль').fill(account.password);
  await page.getByRole('button', { name: 'Войти' }).click();
  await expect(page.getByRole('heading', { name: 'Обзор', level: 1 })).toBeVisible();
  await expect(page.getByRole('link', { name: /MyServer/ })).toBeVisible();
  const instances = (await (await page.request.get('/api/instances')).json()) as {
    instances: Array<{ name: string; tariff: string; ip: string }>;
  };
  for (const instance of instances.instances) {
    names.push(instance.name, instance.tariff);
  }
  expect(await latinWords(page, names), 'instances').toEqual([]);

  // The filter finds a state by its Russian word.
  await page.getByLabel('Фильтр серверов').fill('работает');
  await expect(page.getByRole('link', { name: /MyServer/ })).toBeVisible();
  await page.getByLabel('Фильтр серверов').fill('');

  await page.goto(`/instances/${MY_SERVER.id}`);
  await expect(page.getByRole('row', { name: /MySchedule/ })).toBeVisible();
  expect(await latinWords(page, names), 'schedules').toEqual([]);
  await page.getByRole('button', { name: 'Новое расписание' }).click();
  await expect(page.getByLabel(/^Время/)).toBeVisible();
  expect(await latinWords(page, names), 'new schedule').toEqual([]);

  for (const [path, where] of [
    ['/instances/9999999', 'unknown instance'],
    ['/instances/abc', 'not an id'],
    [`/instances/${MY_SERVER.id}/schedules/999/edit`, 'unknown schedule'],
    ['/nowhere', 'no page'],
  ] as const) {
    await page.goto(path);
    await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
    await expect(page.getByText(/нет|не найден/i).first()).toBeVisible();
    expect(await latinWords(page, names), where).toEqual([]);
  }

  // Zomro answers nonsense: the page says so in Russian.
  const fault = await fetch(`${CONTROL}/faults`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({
      kind: 'non-json',
      func: 'instances.fleio_bckps.schedule',
      username: account.username,
      count: 5,
    }),
  });
  expect(fault.ok).toBe(true);
  await page.goto(`/instances/${MY_SERVER.id}`);
  await expect(page.getByRole('alert')).toContainText('Zomro');
  expect(await latinWords(page, names), 'Zomro nonsense').toEqual([]);
});

test('another user signing in through the session-expired dialog sees none of the first one’s work', async ({
  page,
  account,
}) => {
  const other = await createAccount();
  const changes: string[] = [];
  page.on('request', (request) => {
    if (schedulePosts(request.url(), request.method())) changes.push(request.method());
  });
  await signIn(page, account, `/instances/${MY_SERVER.id}`);
  await page.getByRole('button', { name: 'Edit MySchedule' }).click();
  await page.getByLabel('Name', { exact: true }).fill('Typed by the first user');

  await expireZomroSessions(account.username);
  await page.getByRole('button', { name: 'Save changes' }).click();
  const dialog = page.getByRole('dialog', { name: 'Your session has expired' });
  await expect(dialog).toBeVisible();
  await dialog.getByLabel('Username').fill(other.username);
  await dialog.getByLabel('Password').fill(other.password);
  await dialog.getByRole('button', { name: 'Sign in' }).click();
  await expect(dialog).toBeHidden();

  // The second user starts at the instance list, signed in as themselves.
  await expect(page).toHaveURL('/instances');
  await expect(page.getByRole('heading', { name: 'Overview', level: 1 })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Sign out' })).toBeVisible();
  await expect(page.getByText(other.username)).toBeVisible();
  // The first user's queued save was dropped, not sent with the second user's cookie.
  expect(changes).toEqual(['PUT']);
  const listing = (await (
    await page.request.get(`/api/instances/${MY_SERVER.id}/schedules`)
  ).json()) as { schedules: Array<{ name: string }> };
  expect(listing.schedules.map((s) => s.name)).toEqual(['MySchedule']);
  await page.getByRole('link', { name: /MyServer/ }).click();
  await expect(page.getByRole('row', { name: /MySchedule/ })).toBeVisible();
  await expect(page.getByText('Typed by the first user')).toHaveCount(0);
});

const CONTROL_URL = `http://127.0.0.1:${process.env.E2E_EMULATOR_PORT ?? 8391}/__emulator`;

async function emulatorControl(path: string, body: unknown): Promise<void> {
  const response = await fetch(`${CONTROL_URL}${path}`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify(body),
  });
  expect(response.ok, `${path}: ${response.status}`).toBe(true);
}

async function createThroughApi(page: Page, name: string): Promise<void> {
  const created = await page.request.post(`/api/instances/${MY_SERVER.id}/schedules`, {
    data: { name, days: [2], time: '05:00' },
  });
  expect(created.ok()).toBe(true);
}

test('two deletes at once: the refused one comes back alone, each gets its notice', async ({
  page,
  account,
}) => {
  await signIn(page, account, '/instances');
  await createThroughApi(page, 'Alpha');
  await createThroughApi(page, 'Beta');
  await page.goto(`/instances/${MY_SERVER.id}`);
  await expect(page.getByRole('row', { name: /Beta/ })).toBeVisible();

  // Zomro answers slowly and refuses the first delete of this account.
  await emulatorControl('/faults', {
    kind: 'error',
    func: 'instances.fleio_bckps.schedule.delete',
    count: 1,
    username: account.username,
    error: { type: 'value', object: 'elid', message: 'Refused by the test' },
  });
  await emulatorControl('/latency', { fixedMs: 1500 });
  try {
    for (const name of ['Alpha', 'Beta']) {
      await page.getByRole('button', { name: `Delete ${name}` }).click();
      await page
        .getByRole('dialog', { name: 'Delete backup schedule?' })
        .getByRole('button', { name: 'Delete' })
        .click();
      await expect(page.getByRole('row', { name: new RegExp(name) })).toHaveCount(0);
    }
    // Alpha's refusal puts back Alpha only: Beta, still being deleted, stays away.
    await expect(page.getByRole('row', { name: /Alpha/ })).toBeVisible();
    await expect(page.getByRole('row', { name: /Beta/ })).toHaveCount(0);
    await expect(page.getByText('Could not delete “Alpha”; it is back in the list.')).toBeVisible();
    await expect(page.getByText('Schedule “Beta” deleted.')).toBeVisible();
  } finally {
    await emulatorControl('/latency', { fixedMs: 0 });
  }
  await expect(page.getByRole('row', { name: /Alpha/ })).toBeVisible();
  await expect(page.getByRole('row', { name: /Beta/ })).toHaveCount(0);
});

test('deleting a schedule someone else already deleted: a calm notice, the row stays gone', async ({
  page,
  account,
}) => {
  await signIn(page, account, '/instances');
  await createThroughApi(page, 'Gone already');
  await page.goto(`/instances/${MY_SERVER.id}`);
  const row = page.getByRole('row', { name: /Gone already/ });
  await expect(row).toBeVisible();
  // Someone else deletes it (same account, another browser).
  const listing = (await (
    await page.request.get(`/api/instances/${MY_SERVER.id}/schedules`)
  ).json()) as { schedules: Array<{ id: string; name: string }> };
  const gone = listing.schedules.find((s) => s.name === 'Gone already')!;
  expect(
    (await page.request.delete(`/api/instances/${MY_SERVER.id}/schedules/${gone.id}`)).ok(),
  ).toBe(true);

  await row.getByRole('button', { name: 'Delete Gone already' }).click();
  await page
    .getByRole('dialog', { name: 'Delete backup schedule?' })
    .getByRole('button', { name: 'Delete' })
    .click();
  await expect(page.getByText(/“Gone already” had already been deleted/)).toBeVisible();
  await expect(page.getByText(/Could not delete/)).toHaveCount(0);
  await expect(page.getByRole('row', { name: /Gone already/ })).toHaveCount(0);
  await expect(page.getByRole('row', { name: /MySchedule/ })).toBeVisible();
});

test('the smaller ones: time checked on leaving the field, Cancel asks, state note, filter kept', async ({
  page,
  account,
}) => {
  await signIn(page, account, `/instances/${MY_SERVER.id}/schedules/new`);
  const time = page.getByLabel(/^Time/);
  for (const bad of ['24:00', '2:61', 'abc']) {
    await time.fill(bad);
    await page.getByLabel('Name', { exact: true }).focus();
    await expect(page.getByText('Time must be a valid time between 00:00 and 23:59')).toBeVisible();
    await expect(time).toHaveValue(bad);
  }
  await time.fill('2:05');
  await page.getByLabel('Name', { exact: true }).focus();
  await expect(time).toHaveValue('02:05');
  await expect(page.getByText('Time must be a valid time between 00:00 and 23:59')).toBeHidden();

  // Cancel with unsaved changes asks first.
  await page.getByRole('button', { name: 'Cancel' }).click();
  const leave = page.getByRole('dialog', { name: 'Discard unsaved changes?' });
  await expect(leave).toBeVisible();
  await leave.getByRole('button', { name: 'Keep editing' }).click();
  await expect(time).toHaveValue('02:05');

  // A stopped instance: New schedule says what that means.
  await page.goto(`/instances/${EMPTY_SERVER.id}/schedules/new`);
  await expect(page.getByText(/This instance is stopped/)).toBeVisible();

  // The filter lives in the address (Back and reload keep it); its clear button takes a Tab.
  await page.goto('/instances');
  await page.getByLabel('Filter servers').fill('stopped');
  await expect(page).toHaveURL(/\?q=stopped$/);
  await page.getByRole('link', { name: /db-replica/ }).click();
  await page.goBack();
  await expect(page.getByLabel('Filter servers')).toHaveValue('stopped');
  await page.reload();
  await expect(page.getByLabel('Filter servers')).toHaveValue('stopped');
  await page.getByLabel('Filter servers').focus();
  await tabTo(page, page.getByRole('button', { name: 'Clear filter' }), 3);
  await page.keyboard.press('Enter');
  await expect(page.getByLabel('Filter servers')).toHaveValue('');
  await expect(page).toHaveURL(/\/instances$/);
});
