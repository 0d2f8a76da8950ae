// The gate in front of the signed-in pages: while the BFF checks the session (which asks Zomro and
// can take seconds) the operator sees what is happening; then the page itself.
import { QueryClientProvider } from '@tanstack/react-query';
import { render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { RequireSession } from '@/features/auth/components/require-session';
import { i18n } from '@/lib/i18n';
import { createQueryClient } from '@/lib/query-client';
import { Router } from '@/lib/router';

afterEach(() => vi.unstubAllGlobals());

describe('RequireSession', () => {
  it('says it is checking the Zomro session, then shows the page', async () => {
    await i18n.changeLanguage('en');
    let answer: (response: Response) => void = () => undefined;
    vi.stubGlobal(
      'fetch',
      vi.fn(() => new Promise<Response>((resolve) => (answer = resolve))),
    );
    render(
      <QueryClientProvider client={createQueryClient()}>
        <Router>
          <RequireSession>
            <p>the instances</p>
          </RequireSession>
        </Router>
      </QueryClientProvider>,
    );
    expect(screen.getByRole('status').textContent).toContain('Checking your Zomro session…');
    answer(
      new Response(JSON.stringify({ user: { username: 'demo', role: 'editor' } }), {
        status: 200,
        headers: { 'Content-Type': 'application/json' },
      }),
    );
    expect(await screen.findByText('the instances')).toBeTruthy();
    expect(screen.queryByRole('status')).toBeNull();
  });
});
