// The schedules panel's newer parts against a stubbed BFF: "Backups kept: N" with what it means in
// days, changing it (editors only), and an instance in a state where Zomro takes no schedule
// changes: create, edit and delete disabled, with the reason.
import { QueryClientProvider } from '@tanstack/react-query';
import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ErrorAlert } from '@/components/ui/error-alert';
import { NotificationsProvider } from '@/components/ui/notifications';
import { SchedulesPanel } from '@/features/schedules/components/schedules-panel';
import { retentionCoverage } from '@/features/schedules/lib/retention';
import { ApiError } from '@/lib/api-client';
import { i18n } from '@/lib/i18n';
import { createQueryClient } from '@/lib/query-client';
import { stubBff } from './stub-bff';

afterEach(() => vi.unstubAllGlobals());

const row = (id: string, name: string, days: number[]) => ({
  id,
  instanceId: '5203773',
  name,
  days,
  time: '02:00',
  createdAt: '2024-07-24',
  version: `v${id}`,
});
const LIST = 'GET /api/instances/5203773/schedules';
const PUT = 'PUT /api/instances/5203773/retention';

function renderPanel(
  instance: { id: string; name: string; status?: string } = { id: '5203773', name: 'MyServer' },
  canChange = true,
) {
  render(
    <QueryClientProvider client={createQueryClient()}>
      <NotificationsProvider>
        <SchedulesPanel
          instance={instance}
          onCreate={() => undefined}
          onEdit={() => undefined}
          timeZone="Europe/Berlin"
          canChange={canChange}
        />
      </NotificationsProvider>
    </QueryClientProvider>,
  );
  return userEvent.setup();
}

describe('retentionCoverage', () => {
  const days = (minDays: number, maxDays: number) =>
    expect.objectContaining({ minDays, maxDays }) as unknown;
  it('works the range out from the actual runs, not an even spread (issue 20 item 7)', () => {
    // Mon–Fri 00:00 and Mon, Tue 05:45, 3 kept: on Tuesday morning they reach back one day, on
    // Sunday night five (from Wednesday 00:00); an even spread said "3 days" all week.
    const coverage = retentionCoverage(3, [
      { days: [1, 2, 3, 4, 5], time: '00:00' },
      { days: [1, 2], time: '05:45' },
    ]);
    expect(coverage?.perWeek).toBe(7);
    expect(coverage?.minDays).toBeCloseTo(1);
    expect(coverage?.maxDays).toBeCloseTo(5);
  });

  it('gives a daily, a weekly and a workday schedule their ranges', () => {
    const daily = { days: [0, 1, 2, 3, 4, 5, 6] as const, time: '02:00' };
    expect(retentionCoverage(7, [daily])).toEqual({ perWeek: 7, ...{ minDays: 6, maxDays: 7 } });
    expect(retentionCoverage(3, [{ days: [1, 2, 3, 4, 5, 6], time: '02:00' }])).toEqual(days(2, 4));
    expect(retentionCoverage(5, [{ days: [1, 2, 3, 4, 5, 6], time: '23:59' }])).toEqual(days(4, 6));
    expect(retentionCoverage(3, [{ days: [0], time: '02:00' }])).toEqual(days(14, 21));
    // Two schedules a day twelve hours apart: ten backups reach four and a half to five days back.
    expect(retentionCoverage(10, [daily, { ...daily, time: '14:00' }])).toEqual(days(4.5, 5));
    // Two at the same minute are two backups made at once.
    expect(retentionCoverage(1, [daily, daily])).toEqual(days(0, 1));
    expect(retentionCoverage(5, [])).toBeNull();
    expect(retentionCoverage(5, [{ days: [], time: '02:00' }])).toBeNull();
  });
});

describe('Backups kept', () => {
  it('shows the number and what it means in days for the current schedules', async () => {
    stubBff({
      [LIST]: [
        {
          status: 200,
          body: { schedules: [row('21', 'Nightly', [0, 1, 2, 3, 4, 5, 6])], retention: 7 },
        },
      ],
    });
    renderPanel();
    expect(await screen.findByText('Backups kept: 7')).toBeTruthy();
    expect(screen.getByText('7 daily backups ≈ the last 6–7 days')).toBeTruthy();
  });

  it('says it in Russian, with the right plural forms', async () => {
    await i18n.changeLanguage('ru');
    stubBff({
      [LIST]: [
        {
          status: 200,
          body: {
            schedules: [row('21', 'Nightly', [0, 1, 2, 3, 4, 5, 6]), row('22', 'Weekly', [0])],
            retention: 3,
          },
        },
      ],
    });
    renderPanel();
    expect(await screen.findByText('Хранится копий: 3')).toBeTruthy();
    expect(screen.getByText('3 копии при 8 в неделю ≈ последние 1–3 дня')).toBeTruthy();
  });

  it('is changed by an editor with the form, sent as a number, and shown once saved', async () => {
    const fetchMock = stubBff({
      [LIST]: [
        {
          status: 200,
          body: { schedules: [row('14', 'MySchedule', [1, 2, 3, 4, 5, 6])], retention: 3 },
        },
      ],
      [PUT]: [{ status: 200, body: { retention: 5 } }],
    });
    const user = renderPanel();
    expect(await screen.findByText('3 backups at 6 a week ≈ the last 2–4 days')).toBeTruthy();
    await user.click(screen.getByRole('button', { name: 'Change backups kept' }));
    // The form's code loads when Change is first pressed.
    const select = await screen.findByLabelText('Backups kept');
    expect(select).toHaveProperty('value', '3');
    expect(document.activeElement).toBe(select);
    await user.selectOptions(select, '5');
    // The meaning follows the choice before it is saved.
    expect(screen.getByText(/5 backups at 6 a week ≈ the last 4–6 days/)).toBeTruthy();
    await user.click(screen.getByRole('button', { name: 'Save' }));
    expect(await screen.findByText('Backups kept: 5')).toBeTruthy();
    expect(screen.getByText('Zomro now keeps 5 scheduled backups.')).toBeTruthy();
    const put = fetchMock.mock.calls.find(([, init]) => init?.method === 'PUT');
    expect(put?.[1]?.body).toBe('{"retention":5}');
    // Back on the Change button, for the keyboard.
    expect(document.activeElement).toBe(
      screen.getByRole('button', { name: 'Change backups kept' }),
    );
  });

  it('keeps the form open with the BFF’s message when the change is refused', async () => {
    stubBff({
      [LIST]: [{ status: 200, body: { schedules: [], retention: 3 } }],
      [PUT]: [
        {
          status: 422,
          body: { statusCode: 422, code: 'UPSTREAM_REJECTED', message: 'Not for this tariff' },
        },
      ],
    });
    const user = renderPanel();
    await user.click(await screen.findByRole('button', { name: 'Change backups kept' }));
    expect(screen.getByText(/No schedules yet, so there is nothing to keep\./)).toBeTruthy();
    await user.click(screen.getByRole('button', { name: 'Save' }));
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('Could not change how many backups are kept');
    expect(alert.textContent).toContain('Not for this tariff');
    await user.click(screen.getByRole('button', { name: 'Cancel' }));
    expect(screen.getByText('Backups kept: 3')).toBeTruthy();
  });

  it('cannot be changed by a viewer', async () => {
    stubBff({ [LIST]: [{ status: 200, body: { schedules: [], retention: null } }] });
    renderPanel(undefined, false);
    expect(await screen.findByText('Backups kept: not known')).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Change backups kept' })).toBeNull();
  });
});

describe('an instance that takes no schedule changes', () => {
  it('disables create, edit and delete, and says why', async () => {
    stubBff({
      [LIST]: [{ status: 200, body: { schedules: [row('14', 'MySchedule', [1])], retention: 3 } }],
    });
    renderPanel({ id: '5203773', name: 'MyServer', status: 'error' });
    const tableRow = await screen.findByRole('row', { name: /MySchedule/ });
    // The notice's code loads when an instance is blocked; its id is there from the start.
    await waitFor(() =>
      expect(screen.getByRole('note').textContent).toContain('Schedules cannot be changed now'),
    );
    const note = screen.getByRole('note');
    expect(note.textContent).toContain('“Error” state');
    for (const button of [
      screen.getByRole('button', { name: 'New schedule' }),
      within(tableRow).getByRole('button', { name: 'Edit MySchedule' }),
      within(tableRow).getByRole('button', { name: 'Delete MySchedule' }),
    ]) {
      expect(button).toHaveProperty('disabled', true);
      expect(button.getAttribute('aria-describedby')).toBe(note.id);
    }
    // How many backups are kept stays changeable, as in Zomro's panel.
    expect(screen.getByRole('button', { name: 'Change backups kept' })).toHaveProperty(
      'disabled',
      false,
    );
  });

  it('leaves everything enabled in other states', async () => {
    stubBff({ [LIST]: [{ status: 200, body: { schedules: [], retention: 3 } }] });
    renderPanel({ id: '5203773', name: 'MyServer', status: 'stopped' });
    expect(await screen.findByRole('button', { name: 'New schedule' })).toHaveProperty(
      'disabled',
      false,
    );
    expect(screen.queryByRole('note')).toBeNull();
  });
});

describe('409 INSTANCE_BLOCKED from the BFF (the state changed after the page loaded)', () => {
  it('reads in the UI’s language, not in the BFF’s English', async () => {
    await i18n.changeLanguage('ru');
    const error = new ApiError({
      statusCode: 409,
      code: 'INSTANCE_BLOCKED',
      message: 'The instance is in the state "error", in which Zomro takes no schedule changes',
    });
    render(<ErrorAlert error={error} title="Не удалось создать «Nightly»." change />);
    const alert = screen.getByRole('alert');
    expect(alert.textContent).toContain('Zomro не принимает изменений расписаний');
    expect(alert.textContent).not.toContain('takes no schedule changes');
  });
});
