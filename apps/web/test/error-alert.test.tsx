// Errors the page itself makes (no connection, an answer it cannot read) read in the UI's language.
import { render, screen } from '@testing-library/react';
import { API_ERROR_CODES } from '@zomro-dash/shared';
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

  it('words a busy Zomro itself, with the wait it asks for', async () => {
    await i18n.changeLanguage('en');
    const error = new ApiError({
      statusCode: 409,
      code: 'UPSTREAM_BUSY',
      message: 'Request in process, please wait',
      retryAfterSeconds: 5,
    });
    render(<ErrorAlert error={error} title="Could not create “Nightly”." />);
    const text = screen.getByRole('alert').textContent;
    expect(text).toContain(
      'Zomro is busy with another operation on this instance. Wait a little, then try again. Try again in 5 s.',
    );
    expect(text).not.toContain('Request in process');
  });

  it('says what to do when Zomro did not answer, without repeating the title', async () => {
    await i18n.changeLanguage('en');
    const error = new ApiError({
      statusCode: 504,
      code: 'UPSTREAM_TIMEOUT',
      message: 'Zomro did not answer in time',
    });
    render(<ErrorAlert change error={error} title="Could not create “Nightly”." />);
    const text = screen.getByRole('alert').textContent;
    expect(text).toContain('the change may still have gone through. Check the list');
    expect(text).not.toContain('Zomro did not answer in time:');
  });

  it('does not speak of a change when a read timed out', async () => {
    await i18n.changeLanguage('en');
    const error = new ApiError({ statusCode: 504, code: 'UPSTREAM_TIMEOUT', message: 'x' });
    render(<ErrorAlert error={error} title="Could not load the instances" />);
    const text = screen.getByRole('alert').textContent;
    expect(text).toContain('Zomro did not answer in time. Try again in a moment.');
    expect(text).not.toContain('change');
  });

  it('writes the IP block in Russian when the UI is Russian', async () => {
    await i18n.changeLanguage('ru');
    const error = new ApiError({
      statusCode: 503,
      code: 'UPSTREAM_BLOCKED',
      message: 'Zomro is refusing requests from this server for a while; try again later',
    });
    render(<ErrorAlert error={error} title="Не удалось загрузить расписания" />);
    const text = screen.getByRole('alert').textContent;
    expect(text).toContain('блокировка по IP');
    expect(text).not.toContain('refusing');
  });

  it.each([...API_ERROR_CODES, 'NETWORK_ERROR', 'BAD_RESPONSE'])(
    '%s reads in Russian, with no English from the server',
    async (code) => {
      await i18n.changeLanguage('ru');
      const error = new ApiError({
        statusCode: 400,
        code,
        message: 'English words from the server',
      });
      render(<ErrorAlert error={error} />);
      const text = screen.getByRole('alert').textContent ?? '';
      expect(text).toMatch(/[а-яё]{4}/i);
      // A refusal quotes Zomro's words (tested below); every other code has none of the server's.
      if (code !== 'UPSTREAM_REJECTED') expect(text).not.toContain('English words');
      expect(i18n.exists(`errors.title.${code}`)).toBe(true);
      expect(i18n.exists(`errors.message.${code}`)).toBe(true);
    },
  );

  it('quotes Zomro only in a refusal, in the UI’s language around it', async () => {
    await i18n.changeLanguage('ru');
    const error = new ApiError({
      statusCode: 422,
      code: 'UPSTREAM_REJECTED',
      message: 'Недопустимое имя',
    });
    render(<ErrorAlert error={error} title="Не удалось сохранить" />);
    expect(screen.getByRole('alert').textContent).toContain('Zomro отказал: «Недопустимое имя»');
  });

  it('reads an unknown code as something that went wrong', async () => {
    await i18n.changeLanguage('en');
    render(
      <ErrorAlert error={new ApiError({ statusCode: 418, code: 'NEW_CODE', message: 'x' })} />,
    );
    expect(screen.getByRole('alert').textContent).toContain('Something went wrong. Try again.');
  });
});
