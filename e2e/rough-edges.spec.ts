// What a new operator hit first (issue 10): a click lost while the form reflowed, a long name
// that broke the table, a user change through the session-expired dialog, concurrent changes
// that undid each other, and deleting what someone else had already deleted.
import { expect, MY_SERVER, signInThroughUi, test } from './fixtures.js';

const schedulePosts = (url: string, method: string) =>
  /\/api\/instances\/\d+\/schedules/.test(url) && (method === 'POST' || method === 'PUT');

for (const width of [1280, 375]) {
  test(`one click submits after typing 1:15, at ${width} px`, async ({ page, account }) => {
    await page.setViewportSize({ width, height: 900 });
    const sent: string[] = [];
    page.on('request', (request) => {
      if (schedulePosts(request.url(), request.method())) sent.push(request.method());
    });
    await signInThroughUi(page, account, `/instances/${MY_SERVER.id}/schedules/new`);
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
