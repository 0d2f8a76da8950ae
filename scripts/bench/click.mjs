// Click to schedules: how long after clicking an instance's link on the overview its schedules are
// on the screen, in Chromium against the built app as `npm start` runs it (embedded emulator, 0 ms).
// Timed inside the page (decision 018): the click's time from a capturing listener, the moment the
// schedules table is in the DOM from a MutationObserver, and the frame that shows it from the
// animation frame after that; Playwright's own round trips are not in the figure.
/* global window, document, requestAnimationFrame, MutationObserver, NodeFilter -- watchForSchedules runs in the page */
import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium } from '@playwright/test';
import { findChromium } from '../lib.mjs';
import { freePort, startNode } from './processes.mjs';

/** The demo account's main instance and one of its schedules (the emulator's demo data). */
const INSTANCE = { id: '5203773', name: 'MyServer', schedule: 'MySchedule' };
/** A demo instance without schedules: its page shows the empty state instead of a table. */
const EMPTY = { id: '5203816', name: 'db-replica', text: 'No backup schedules for db-replica yet' };
const DEMO = { username: 'demo', password: 'demo' };

/**
 * Installed in the page just before the click. Resolves with the times (performance.now(), ms) of
 * the click, of the DOM change that made the schedules table visible, and of the next frame.
 * "Visible": a table whose accessible name (aria-labelledby, aria-label or caption) names the
 * instance, with a row in its body, rendered (checkVisibility) and not hidden from assistive
 * technology — the same table `getByRole('table', { name })` finds, which the caller checks after.
 */
function watchForSchedules({ instanceName, emptyText }) {
  const nameOf = (table) => {
    const ids = table.getAttribute('aria-labelledby');
    if (ids) {
      return ids
        .split(/\s+/)
        .map((id) => document.getElementById(id)?.textContent ?? '')
        .join(' ');
    }
    return table.getAttribute('aria-label') ?? table.caption?.textContent ?? '';
  };
  const shown = (element) =>
    element.closest('[aria-hidden="true"]') === null && element.checkVisibility();
  const findTable = () =>
    [...document.querySelectorAll('table')].find(
      (table) =>
        nameOf(table).includes(instanceName) && shown(table) && table.tBodies[0]?.rows.length > 0,
    );
  // The empty state: the element whose own text is the sentence (what getByText finds).
  const findEmpty = () => {
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      // A text node with words in it (not the markup's white space) in the sentence's element.
      const element = node.parentElement;
      if (node.data.trim() === '' || !element?.textContent?.includes(emptyText)) continue;
      if (shown(element)) return element;
    }
    return undefined;
  };
  const find = emptyText === undefined ? findTable : findEmpty;
  if (find()) throw new Error('the schedules table is already shown before the click');
  window.__clickToSchedules = new Promise((resolve) => {
    let clickedAt;
    const check = () => {
      if (clickedAt === undefined) return;
      const table = find();
      if (!table) return;
      const seenAt = performance.now();
      observer.disconnect();
      window.__schedulesTable = table;
      // The frame that shows it: rendering happens after the animation frame callbacks.
      requestAnimationFrame(() =>
        setTimeout(() => resolve({ clickedAt, seenAt, paintedAt: performance.now() }), 0),
      );
    };
    const observer = new MutationObserver(check);
    observer.observe(document, {
      subtree: true,
      childList: true,
      attributes: true,
      characterData: true,
    });
    // Capture on window runs before the app's own handlers (React listens on its root).
    window.addEventListener(
      'click',
      () => {
        clickedAt = performance.now();
        check();
      },
      { capture: true, once: true },
    );
  });
}

/**
 * Clicks the instance's link and answers the in-page times; checks the result by role (the table)
 * or by text (the empty state), as the e2e specs find them.
 */
async function clickAndTime(page, instance = INSTANCE) {
  const link = page.getByRole('link', { name: new RegExp(instance.name) });
  const empty = instance.text !== undefined;
  await page.evaluate(watchForSchedules, { instanceName: instance.name, emptyText: instance.text });
  await link.click();
  const times = await page.evaluate(() => window.__clickToSchedules);
  // What the page saw is what a user (and the e2e specs) would call the schedules or empty state.
  const found = empty
    ? page.getByText(instance.text)
    : page.getByRole('table', { name: new RegExp(instance.name) });
  if (!empty) await found.getByRole('row', { name: new RegExp(instance.schedule) }).waitFor();
  if (!(await found.evaluate((element) => element === window.__schedulesTable))) {
    const [timed, seen] = await Promise.all([
      page.evaluate(() => window.__schedulesTable?.outerHTML.slice(0, 300)),
      found.evaluate((e) => e.outerHTML.slice(0, 300)),
    ]);
    throw new Error(`the page timed another element than the locator found: ${timed} vs ${seen}`);
  }
  return { dom: times.seenAt - times.clickedAt, painted: times.paintedAt - times.clickedAt };
}

async function openOverview(context, base, instance = INSTANCE) {
  const page = await context.newPage();
  await page.goto(`${base}/instances`);
  await page.getByRole('link', { name: new RegExp(instance.name) }).waitFor();
  // The overview reads every instance's schedules after the list: let it finish, as a reader would.
  await page.waitForLoadState('networkidle');
  return page;
}

const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
};

/**
 * Starts the built app (`node apps/bff/dist/server.js`, embedded emulator at 0 ms, default logging)
 * and Chromium; signs in as the demo account; `runs` times each: cold (a fresh browser context, no
 * cache: the pointer moves onto the link and clicks at once), prefetched (hover, wait for the
 * prefetched list, then click), return (back to the overview, click the same link again), and
 * empty (a first visit to an instance without schedules, until its empty state shows).
 */
export async function measureClickToSchedules({ runs = 7 } = {}) {
  const port = await freePort();
  const base = `http://127.0.0.1:${port}`;
  await startNode(
    'app',
    'apps/bff/dist/server.js',
    {
      PORT: String(port),
      HOST: '127.0.0.1',
      ZOMRO_API_URL: '',
      REDIS_URL: '',
      EMULATOR_PORT: '0',
      EMULATOR_TEST_CONTROL: 'false',
      AUDIT_LOG_PATH: path.join(mkdtempSync(path.join(os.tmpdir(), 'bench-click-')), 'audit.log'),
    },
    `${base}/api/health`,
  );
  const browser = await chromium.launch({
    executablePath: findChromium(),
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
    ],
  });
  const contextOptions = { locale: 'en-US', timezoneId: 'Europe/Berlin' };
  try {
    // Sign in once through the UI; every run's fresh context starts with that session cookie.
    const signIn = await browser.newContext(contextOptions);
    const page = await signIn.newPage();
    await page.goto(`${base}/sign-in`);
    await page.getByLabel('Username').fill(DEMO.username);
    await page.getByLabel('Password').fill(DEMO.password);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('button', { name: 'Sign out' }).waitFor();
    const storageState = await signIn.storageState();
    await signIn.close();

    const results = { cold: [], prefetched: [], return: [], empty: [] };
    // Run 0 warms the server (and the browser) up and is not counted.
    for (let run = 0; run <= runs; run++) {
      const cold = await browser.newContext({ ...contextOptions, storageState });
      const coldPage = await openOverview(cold, base);
      const first = await clickAndTime(coldPage);
      await coldPage.goBack();
      await coldPage.getByRole('link', { name: new RegExp(INSTANCE.name) }).waitFor();
      await coldPage.waitForLoadState('networkidle');
      const again = await clickAndTime(coldPage);
      await cold.close();

      const warm = await browser.newContext({ ...contextOptions, storageState });
      const warmPage = await openOverview(warm, base);
      const prefetch = warmPage
        .waitForResponse((r) => r.url().endsWith(`/api/instances/${INSTANCE.id}/schedules`), {
          timeout: 5_000,
        })
        .catch(() => null);
      await warmPage.getByRole('link', { name: new RegExp(INSTANCE.name) }).hover();
      const prefetched = await prefetch;
      await prefetched?.finished();
      const hovered = await clickAndTime(warmPage);
      await warm.close();

      const none = await browser.newContext({ ...contextOptions, storageState });
      const emptyState = await clickAndTime(await openOverview(none, base, EMPTY), EMPTY);
      await none.close();

      if (run === 0) continue;
      results.cold.push(first);
      results.return.push(again);
      results.prefetched.push({ ...hovered, prefetchSeen: prefetched !== null });
      results.empty.push(emptyState);
    }
    return Object.entries(results).map(([scenario, samples]) => {
      const painted = samples.map((s) => s.painted);
      return {
        scenario,
        runs: samples.length,
        median: median(painted),
        min: Math.min(...painted),
        max: Math.max(...painted),
        domMedian: median(samples.map((s) => s.dom)),
        prefetchSeen: samples.every((s) => s.prefetchSeen !== false),
      };
    });
  } finally {
    await browser.close();
  }
}
