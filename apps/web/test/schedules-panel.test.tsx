// The schedules section against a stubbed BFF: loading, the table, the empty state, an error with
// Retry, and an optimistic delete that comes back with the BFF's message when refused.
import { QueryClientProvider } from '@tanstack/react-query';
import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { NotificationsProvider } from '@/components/ui/notifications';
import { SchedulesPanel } from '@/features/schedules/components/schedules-panel';
import { createQueryClient } from '@/lib/query-client';
import { stubBff } from './stub-bff';

const MY_SCHEDULE = {
  id: '14',
  instanceId: '5203773',
  name: 'MySchedule',
  days: [1, 2, 3, 4, 5, 6],
  time: '02:01',
  createdAt: '2024-07-24',
  version: 'v1',
};

afterEach(() => vi.unstubAllGlobals());

const LIST = 'GET /api/instances/5203773/schedules';

function renderPanel(onCreate = vi.fn()) {
  render(
    <QueryClientProvider client={createQueryClient()}>
      <NotificationsProvider>
        <SchedulesPanel
          instance={{ id: '5203773', name: 'MyServer' }}
          onCreate={onCreate}
          onEdit={() => undefined}
          timeZone="Europe/Berlin"
        />
      </NotificationsProvider>
    </QueryClientProvider>,
  );
  return { onCreate, user: userEvent.setup() };
}

describe('SchedulesPanel', () => {
  it('shows a loading state, then one table row per schedule', async () => {
    stubBff({ [LIST]: [{ status: 200, body: { schedules: [MY_SCHEDULE], retention: 3 } }] });
    renderPanel();
    const statuses = screen.getAllByRole('status').map((s) => s.textContent);
    expect(statuses.some((text) => text?.startsWith('Loading…'))).toBe(true);
    const row = await screen.findByRole('row', { name: /MySchedule/ });
    expect(row.textContent).toContain('Mon–Sat');
    expect(row.textContent).toContain('02:01 GMT+3');
    expect(within(row).getByRole('button', { name: 'Delete MySchedule' })).toBeTruthy();
    expect(within(row).getByRole('button', { name: 'Edit MySchedule' })).toBeTruthy();
  });

  it('names the instance in the empty state and offers one create button', async () => {
    stubBff({ [LIST]: [{ status: 200, body: { schedules: [], retention: 3 } }] });
    const { onCreate, user } = renderPanel();
    expect(await screen.findByText('No backup schedules for MyServer yet')).toBeTruthy();
    const buttons = screen.getAllByRole('button', { name: 'New schedule' });
    expect(buttons).toHaveLength(1);
    await user.click(buttons[0] as HTMLElement);
    expect(onCreate).toHaveBeenCalledTimes(1);
  });

  it('shows the BFF message and loads again on Retry', async () => {
    stubBff({
      [LIST]: [
        {
          status: 502,
          body: {
            statusCode: 502,
            code: 'UPSTREAM_BAD_RESPONSE',
            message: 'Zomro answered HTTP 500',
          },
        },
        { status: 200, body: { schedules: [MY_SCHEDULE], retention: 3 } },
      ],
    });
    const { user } = renderPanel();
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('Could not load the backup schedules');
    expect(alert.textContent).toContain('Zomro sent an answer the dashboard does not understand');
    expect(alert.textContent).not.toContain('Zomro answered HTTP 500');
    await user.click(within(alert).getByRole('button', { name: 'Retry' }));
    expect(await screen.findByRole('row', { name: /MySchedule/ })).toBeTruthy();
    expect(screen.queryByRole('alert')).toBeNull();
  });

  it('removes a row at once and puts it back with the message when the delete is refused', async () => {
    const fetchMock = stubBff({
      [LIST]: [
        { status: 200, body: { schedules: [MY_SCHEDULE], retention: 3 } },
        { status: 200, body: { schedules: [MY_SCHEDULE], retention: 3 } },
      ],
      'DELETE /api/instances/5203773/schedules/14': [
        {
          status: 409,
          body: {
            statusCode: 409,
            code: 'UPSTREAM_BUSY',
            message: 'Request in process, please wait',
          },
        },
      ],
    });
    const { user } = renderPanel();
    await user.click(await screen.findByRole('button', { name: 'Delete MySchedule' }));
    // The dialog's code loads when it is first opened.
    const dialog = await screen.findByRole('dialog');
    expect(dialog.textContent).toContain('MySchedule');
    expect(dialog.textContent).toContain('MyServer');
    await user.click(within(dialog).getByRole('button', { name: 'Delete' }));

    await waitFor(() =>
      expect(document.body.textContent).toContain('Could not delete “MySchedule”'),
    );
    expect(document.body.textContent).toContain('Zomro is busy with another operation');
    expect(document.body.textContent).not.toContain('Request in process, please wait');
    expect(await screen.findByRole('row', { name: /MySchedule/ })).toBeTruthy();
    expect(fetchMock.mock.calls.map(([, init]) => init?.method ?? 'GET')).toContain('DELETE');
  });

  it('asks before deleting and does nothing on Cancel', async () => {
    const fetchMock = stubBff({
      [LIST]: [{ status: 200, body: { schedules: [MY_SCHEDULE], retention: 3 } }],
    });
    const { user } = renderPanel();
    await user.click(await screen.findByRole('button', { name: 'Delete MySchedule' }));
    await user.click(
      within(await screen.findByRole('dialog')).getByRole('button', { name: 'Cancel' }),
    );
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(screen.getByRole('row', { name: /MySchedule/ })).toBeTruthy();
    expect(fetchMock).toHaveBeenCalledTimes(1);
  });
});
