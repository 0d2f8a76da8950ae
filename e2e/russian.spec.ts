// The Russian UI: switched from the header, remembered across reloads, with Russian day names,
// dates and validation messages.
import { expect, MY_SERVER, signIn, test } from './fixtures.js';

test('switches to Russian and remembers it', async ({ page, account }) => {
  await signIn(page, account, `/instances/${MY_SERVER.id}`);
  await page.getByRole('button', { name: 'Русский' }).click();
  await expect(page.locator('html')).toHaveAttribute('lang', 'ru');
  await expect(
    page.getByRole('heading', { name: 'Расписания резервного копирования' }),
  ).toBeVisible();

  const row = page.getByRole('row', { name: /MySchedule/ });
  await expect(row).toContainText('Пн–Сб');
  await expect(row).toContainText('02:01 GMT+3');
  await expect(row).toContainText('ваше время');
  await expect(row).toContainText('24 июл. 2024');
  await expect(row.getByRole('button', { name: 'Удалить MySchedule' })).toBeVisible();

  await page.reload();
  await expect(page.getByRole('button', { name: 'Новое расписание' })).toBeVisible();
  await page.getByRole('button', { name: 'Новое расписание' }).click();
  await expect(page.getByRole('button', { name: 'Понедельник' })).toHaveText('Пн');
  await page.getByRole('button', { name: 'Создать расписание' }).click();
  await expect(page.getByText('Введите название')).toBeVisible();
  await expect(page.getByText('Выберите хотя бы один день', { exact: true })).toBeVisible();
  await page.getByLabel(/^Время/).fill('99:99');
  await expect(page.getByText('Укажите время от 00:00 до 23:59')).toBeVisible();

  // The form has unsaved changes: leaving asks first, in Russian.
  await page.getByRole('link', { name: 'Все серверы' }).click();
  const leave = page.getByRole('dialog', { name: 'Отменить несохранённые изменения?' });
  await expect(leave.getByRole('button', { name: 'Продолжить редактирование' })).toBeFocused();
  await leave.getByRole('button', { name: 'Не сохранять' }).click();
  await expect(page.getByRole('heading', { name: 'Обзор', level: 1 })).toBeVisible();
  await expect(page.getByRole('link', { name: /MyServer/ })).toContainText('Работает');

  await page.getByRole('button', { name: 'English' }).click();
  await expect(page.getByRole('heading', { name: 'Overview', level: 1 })).toBeVisible();
  await page.reload();
  await expect(page.getByRole('heading', { name: 'Overview', level: 1 })).toBeVisible();
});
