// Errors the page itself makes (no connection, an answer it cannot read) read in the UI's language.
import { render, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { ErrorAlert } from '@/components/ui/error-alert';
import { ApiError } from '@/lib/api-client';
import { i18n } from '@/lib/i18n';

describe('ErrorAlert', () => {
  it('shows the page’s own network error in Russian when the UI is Russian', async () => {
    await i18n.changeLanguage('ru');
    const error = new ApiError({
      statusCode: 0,
      code: 'NETWORK_ERROR',
      message: 'The dashboard server cannot be reached. Check the connection and retry.',
    });
    render(<ErrorAlert error={error} title="Не удалось загрузить серверы" onRetry={() => {}} />);
    const alert = screen.getByRole('alert');
    expect(alert.textContent).toContain('Проверьте подключение');
    expect(alert.textContent).not.toContain('cannot be reached');
  });

  it('keeps the BFF’s own message as it came', () => {
    const error = new ApiError({
      statusCode: 504,
      code: 'UPSTREAM_TIMEOUT',
      message: 'Zomro did not answer in time',
    });
    render(<ErrorAlert error={error} title="Could not load the backup schedules" />);
    expect(screen.getByRole('alert').textContent).toContain('Zomro did not answer in time');
  });
});
