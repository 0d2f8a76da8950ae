// Leaving a schedule form with unsaved changes: an in-app navigation asks first, closing or
// reloading the tab gets the browser's warning; a clean form and a save leave silently, Cancel asks.
import { act, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { ScheduleForm } from '@/features/schedules/components/schedule-form';
import { Link, navigate, Route, Router, Switch } from '@/lib/router';

function renderInRouter(
  onSubmit: () => Promise<unknown> = () => Promise.resolve(),
  { keepHistory = false } = {},
) {
  if (!keepHistory) history.replaceState(null, '', '/form');
  render(
    <Router>
      <Switch>
        <Route path="/form">
          <Link to="/elsewhere">All instances</Link>
          <ScheduleForm
            mode="edit"
            title="Edit “Nightly”"
            defaultValues={{ name: 'Nightly', days: [1], time: '03:00' }}
            onSubmit={onSubmit}
            onSaved={() => navigate('/elsewhere')}
            onCancel={() => navigate('/elsewhere')}
            timeZone="Europe/Berlin"
            warnBeforeLeaving
          />
        </Route>
        <Route path="/elsewhere">
          <h1>Elsewhere</h1>
        </Route>
      </Switch>
    </Router>,
  );
  return { router: { navigate: (to: string) => act(() => navigate(to)) }, user: userEvent.setup() };
}

const nameInput = () => screen.getByLabelText('Name');

function beforeUnloadIsStopped(): boolean {
  const event = new Event('beforeunload', { cancelable: true });
  window.dispatchEvent(event);
  return event.defaultPrevented;
}

describe('unsaved changes in the schedule form', () => {
  it('asks before an in-app navigation, keeps the form on "Keep editing", leaves on "Discard"', async () => {
    const { user } = renderInRouter();
    await user.type(nameInput(), ' backup');
    await user.click(screen.getByRole('link', { name: 'All instances' }));

    const dialog = await screen.findByRole('dialog');
    expect(dialog.textContent).toContain('Discard unsaved changes?');
    await user.click(within(dialog).getByRole('button', { name: 'Keep editing' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    expect(location.pathname).toBe('/form');
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

    first.router.navigate('/form');
    await first.user.type(await screen.findByLabelText('Name'), '!');
    await first.user.click(screen.getByRole('button', { name: 'Cancel' }));
    // Cancel with unsaved changes asks before they go.
    await first.user.click(
      within(await screen.findByRole('dialog')).getByRole('button', { name: 'Discard changes' }),
    );
    expect(await screen.findByRole('heading', { name: 'Elsewhere' })).toBeTruthy();

    first.router.navigate('/form');
    await first.user.type(await screen.findByLabelText('Name'), '!');
    await first.user.click(screen.getByRole('button', { name: 'Save changes' }));
    expect(await screen.findByRole('heading', { name: 'Elsewhere' })).toBeTruthy();
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(beforeUnloadIsStopped()).toBe(false);
  });

  it('asks before the browser’s Back leaves the form, and goes back on "Discard"', async () => {
    history.replaceState(null, '', '/elsewhere');
    history.pushState(null, '', '/form');
    const { user } = renderInRouter(undefined, { keepHistory: true });
    await user.type(nameInput(), ' backup');
    act(() => history.back());
    const dialog = await screen.findByRole('dialog');
    expect(location.pathname).toBe('/form');
    await user.click(within(dialog).getByRole('button', { name: 'Keep editing' }));
    expect((nameInput() as HTMLInputElement).value).toBe('Nightly backup');

    act(() => history.back());
    await user.click(
      within(await screen.findByRole('dialog')).getByRole('button', { name: 'Discard changes' }),
    );
    expect(await screen.findByRole('heading', { name: 'Elsewhere' })).toBeTruthy();
    expect(location.pathname).toBe('/elsewhere');
  });
});
