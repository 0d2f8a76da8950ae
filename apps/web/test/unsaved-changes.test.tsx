// Leaving a schedule form with unsaved changes: an in-app navigation asks first, closing or
// reloading the tab gets the browser's warning; a clean form and a save leave silently, Cancel asks.
import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { createMemoryRouter, Link, RouterProvider } from 'react-router';
import { describe, expect, it } from 'vitest';
import { ScheduleForm } from '@/features/schedules/components/schedule-form';

function renderInRouter(onSubmit: () => Promise<unknown> = () => Promise.resolve()) {
  const router = createMemoryRouter(
    [
      {
        path: '/form',
        element: (
          <>
            <Link to="/elsewhere">All instances</Link>
            <ScheduleForm
              mode="edit"
              title="Edit “Nightly”"
              defaultValues={{ name: 'Nightly', days: [1], time: '03:00' }}
              onSubmit={onSubmit}
              onSaved={() => void router.navigate('/elsewhere')}
              onCancel={() => void router.navigate('/elsewhere')}
              timeZone="Europe/Berlin"
              warnBeforeLeaving
            />
          </>
        ),
      },
      { path: '/elsewhere', element: <h1>Elsewhere</h1> },
    ],
    { initialEntries: ['/form'] },
  );
  render(<RouterProvider router={router} />);
  return { router, user: userEvent.setup() };
}

const nameInput = () => screen.getByLabelText('Name');

function beforeUnloadIsStopped(): boolean {
  const event = new Event('beforeunload', { cancelable: true });
  window.dispatchEvent(event);
  return event.defaultPrevented;
}

describe('unsaved changes in the schedule form', () => {
  it('asks before an in-app navigation, keeps the form on "Keep editing", leaves on "Discard"', async () => {
    const { router, user } = renderInRouter();
    await user.type(nameInput(), ' backup');
    await user.click(screen.getByRole('link', { name: 'All instances' }));

    const dialog = await screen.findByRole('dialog');
    expect(dialog.textContent).toContain('Discard unsaved changes?');
    await user.click(within(dialog).getByRole('button', { name: 'Keep editing' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    expect(router.state.location.pathname).toBe('/form');
    expect((nameInput() as HTMLInputElement).value).toBe('Nightly backup');

    await user.click(screen.getByRole('link', { name: 'All instances' }));
    await user.click(
      within(await screen.findByRole('dialog')).getByRole('button', { name: 'Discard changes' }),
    );
    expect(await screen.findByRole('heading', { name: 'Elsewhere' })).toBeTruthy();
  });

  it('warns before the tab is closed or reloaded only while the form is dirty', async () => {
    const { user } = renderInRouter();
    expect(beforeUnloadIsStopped()).toBe(false);
    await user.click(screen.getByRole('button', { name: 'Tuesday' }));
    expect(beforeUnloadIsStopped()).toBe(true);
    // Back to the saved days: nothing is lost any more.
    await user.click(screen.getByRole('button', { name: 'Tuesday' }));
    await waitFor(() => expect(beforeUnloadIsStopped()).toBe(false));
  });

  it('leaves without asking when nothing changed and after a save; Cancel asks first', async () => {
    const first = renderInRouter();
    await first.user.click(screen.getByRole('link', { name: 'All instances' }));
    expect(await screen.findByRole('heading', { name: 'Elsewhere' })).toBeTruthy();
    expect(screen.queryByRole('dialog')).toBeNull();

    await first.router.navigate('/form');
    await first.user.type(await screen.findByLabelText('Name'), '!');
    await first.user.click(screen.getByRole('button', { name: 'Cancel' }));
    // Cancel with unsaved changes asks before they go.
    await first.user.click(
      within(await screen.findByRole('dialog')).getByRole('button', { name: 'Discard changes' }),
    );
    expect(await screen.findByRole('heading', { name: 'Elsewhere' })).toBeTruthy();

    await first.router.navigate('/form');
    await first.user.type(await screen.findByLabelText('Name'), '!');
    await first.user.click(screen.getByRole('button', { name: 'Save changes' }));
    expect(await screen.findByRole('heading', { name: 'Elsewhere' })).toBeTruthy();
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(beforeUnloadIsStopped()).toBe(false);
  });
});
