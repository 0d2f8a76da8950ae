// The schedule form: each validation message (English and Russian) before anything is sent, what
// it sends, and a refusal from the BFF shown with the form kept.
import { render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { ScheduleInput } from '@zomro-dash/shared';
import { describe, expect, it, vi } from 'vitest';
import { ScheduleForm } from '@/features/schedules/components/schedule-form';
import { ApiError } from '@/lib/api-client';
import { i18n } from '@/lib/i18n';

function renderForm(
  onSubmit: (values: unknown) => Promise<unknown> = () => Promise.resolve(),
  defaultValues: ScheduleInput = { name: '', days: [], time: '03:00' },
  mode: 'create' | 'edit' = 'create',
) {
  const submit = vi.fn(onSubmit);
  render(
    <ScheduleForm
      mode={mode}
      title="New backup schedule"
      defaultValues={defaultValues}
      onSubmit={submit}
      onCancel={() => undefined}
      timeZone="Europe/Berlin"
    />,
  );
  return { submit, user: userEvent.setup() };
}

const nameInput = () => screen.getByLabelText('Name');
const timeInput = () => screen.getByLabelText(/^Time/);

describe('ScheduleForm validation', () => {
  it('requires a name and a day, and sends nothing', async () => {
    const { submit, user } = renderForm();
    await user.click(screen.getByRole('button', { name: 'Create schedule' }));
    expect(await screen.findByText('Name is required')).toBeTruthy();
    expect(screen.getByText('Choose at least one day')).toBeTruthy();
    expect(submit).not.toHaveBeenCalled();
    expect(nameInput().getAttribute('aria-invalid')).toBe('true');
    const describedBy = nameInput().getAttribute('aria-describedby') ?? '';
    expect(describedBy.split(' ').map((id) => document.getElementById(id)?.textContent)).toContain(
      'Name is required',
    );
    // The first invalid field takes the focus.
    expect(document.activeElement).toBe(nameInput());
  });

  it('limits the name to 100 characters and clears the message when fixed', async () => {
    const { submit, user } = renderForm();
    await user.click(nameInput());
    await user.paste('x'.repeat(101));
    await user.click(screen.getByRole('button', { name: 'Monday' }));
    await user.click(screen.getByRole('button', { name: 'Create schedule' }));
    expect(await screen.findByText('Name must be at most 100 characters')).toBeTruthy();
    expect(submit).not.toHaveBeenCalled();
    await user.type(nameInput(), '{Backspace}');
    await waitFor(() =>
      expect(screen.queryByText('Name must be at most 100 characters')).toBeNull(),
    );
  });

  it('refuses a time that is not HH:MM between 00:00 and 23:59', async () => {
    const { submit, user } = renderForm();
    await user.type(nameInput(), 'Nightly');
    await user.click(screen.getByRole('button', { name: 'Weekdays' }));
    await user.clear(timeInput());
    await user.type(timeInput(), '24:30');
    await user.click(screen.getByRole('button', { name: 'Create schedule' }));
    expect(
      await screen.findByText('Time must be a valid time between 00:00 and 23:59'),
    ).toBeTruthy();
    expect(timeInput().getAttribute('aria-invalid')).toBe('true');
    expect(submit).not.toHaveBeenCalled();
  });

  it('shows the messages in Russian when the UI is Russian', async () => {
    await i18n.changeLanguage('ru');
    const { user } = renderForm();
    await user.click(screen.getByRole('button', { name: 'Создать расписание' }));
    expect(await screen.findByText('Введите название')).toBeTruthy();
    expect(screen.getByText('Выберите хотя бы один день')).toBeTruthy();
  });
});

describe('ScheduleForm submission', () => {
  it('sends the trimmed name, the days sorted Sunday = 0 and a normalised time', async () => {
    const { submit, user } = renderForm();
    await user.type(nameInput(), '  Nightly db  ');
    await user.click(screen.getByRole('button', { name: 'Sunday' }));
    await user.click(screen.getByRole('button', { name: 'Monday' }));
    await user.clear(timeInput());
    await user.type(timeInput(), '2:05');
    await user.tab();
    expect((timeInput() as HTMLInputElement).value).toBe('02:05');
    await user.click(screen.getByRole('button', { name: 'Create schedule' }));
    await waitFor(() => expect(submit).toHaveBeenCalledTimes(1));
    expect(submit).toHaveBeenCalledWith({ name: 'Nightly db', days: [0, 1], time: '02:05' });
  });

  it('saves a time typed without a leading zero when Enter submits before any blur', async () => {
    const { submit, user } = renderForm();
    await user.type(nameInput(), 'Nightly');
    await user.click(screen.getByRole('button', { name: 'Weekdays' }));
    await user.clear(timeInput());
    await user.type(timeInput(), '3:00{Enter}');
    await waitFor(() => expect(submit).toHaveBeenCalledTimes(1));
    expect(submit).toHaveBeenCalledWith({ name: 'Nightly', days: [1, 2, 3, 4, 5], time: '03:00' });
    expect((timeInput() as HTMLInputElement).value).toBe('03:00');
    expect(timeInput().getAttribute('aria-invalid')).toBe('false');
  });

  it('previews the next five runs in GMT+3 and in the operator zone', async () => {
    const { user } = renderForm();
    await user.click(screen.getByRole('button', { name: 'Every day' }));
    const list = screen.getByRole('list');
    const items = list.querySelectorAll('li');
    expect(items).toHaveLength(5);
    // 03:00 GMT+3 is 01:00 in Berlin in winter, 02:00 in summer.
    for (const item of items) {
      expect(item.textContent).toMatch(/03:00 GMT\+3/);
      expect(item.textContent).toMatch(/0[12]:00 your time/);
    }
  });

  it('keeps what was typed and shows the BFF message when the change is refused', async () => {
    const refusal = new ApiError({
      statusCode: 422,
      code: 'UPSTREAM_REJECTED',
      message: 'The value of "name" is not valid',
    });
    const { user } = renderForm(() => Promise.reject(refusal));
    await user.type(nameInput(), 'Nightly');
    await user.click(screen.getByRole('button', { name: 'Friday' }));
    await user.click(screen.getByRole('button', { name: 'Create schedule' }));
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('Could not create “Nightly”');
    expect(alert.textContent).toContain('The value of "name" is not valid');
    expect((nameInput() as HTMLInputElement).value).toBe('Nightly');
    expect(screen.getByRole('button', { name: 'Friday' }).getAttribute('aria-pressed')).toBe(
      'true',
    );
  });

  it("puts the BFF's field errors on the fields", async () => {
    const invalid = new ApiError({
      statusCode: 400,
      code: 'VALIDATION_FAILED',
      message: 'Invalid input',
      details: [
        { path: 'body.time', message: 'Time must be a valid time between 00:00 and 23:59' },
      ],
    });
    const { user } = renderForm(
      () => Promise.reject(invalid),
      {
        name: 'Nightly',
        days: [1],
        time: '02:01',
      },
      'edit',
    );
    await user.click(screen.getByRole('button', { name: 'Save changes' }));
    await waitFor(() => expect(timeInput().getAttribute('aria-invalid')).toBe('true'));
  });
});
