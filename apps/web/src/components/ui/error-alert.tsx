// An error as the operator should see it: what failed, the BFF's own message, and Retry where
// trying again can help (or "Sign in again" when the session is gone).
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { ApiError } from '@/lib/api-client';
import { sessionExpiry } from '@/lib/session-expiry';

/**
 * The error's text for the operator. The BFF's messages are passed on as they came; the ones this
 * page makes itself (no connection, an unreadable answer) are written in English, so they are
 * replaced by the UI language's text.
 */
export function errorMessage(error: unknown, t: TFunction): string {
  if (
    error instanceof ApiError &&
    (error.code === 'NETWORK_ERROR' || error.code === 'BAD_RESPONSE')
  ) {
    return t(`errors.message.${error.code}`, { status: error.statusCode });
  }
  return error instanceof Error ? error.message : String(error);
}

interface ErrorAlertProps {
  error: unknown;
  /** What failed, e.g. "Could not load the instances"; defaults to a title from the error code. */
  title?: string;
  onRetry?: () => void;
  /** The retry is under way: the button shows it and cannot be pressed twice. */
  retrying?: boolean;
  className?: string;
}

export function ErrorAlert({ error, title, onRetry, retrying, className }: ErrorAlertProps) {
  const { t } = useTranslation();
  const apiError = error instanceof ApiError ? error : null;
  const code = apiError?.code ?? 'UNKNOWN';
  const codeTitle = t(`errors.title.${code}`, { defaultValue: t('errors.title.UNKNOWN') });
  const message = errorMessage(error, t);
  const canRetry = onRetry && (!apiError || apiError.isRetryable || apiError.isSessionLost);
  return (
    <div role="alert" className={['alert alert-error', className].filter(Boolean).join(' ')}>
      <svg className="alert-icon" aria-hidden="true" viewBox="0 0 20 20" width="20" height="20">
        <path d="M10 1.8 19 18H1L10 1.8Z" fill="currentColor" />
        <path d="M10 7.5v4.8M10 14.8v.1" stroke="#fff" strokeWidth="2" strokeLinecap="round" />
      </svg>
      <div className="alert-body">
        <p className="alert-title">{title ?? codeTitle}</p>
        <p className="alert-message">
          {title && apiError ? `${codeTitle}: ` : null}
          {message}
          {apiError?.retryAfterSeconds
            ? ` ${t('errors.retryAfter', { seconds: apiError.retryAfterSeconds })}`
            : null}
        </p>
      </div>
      {canRetry ? (
        <button
          type="button"
          className="btn btn-secondary btn-small"
          aria-busy={retrying}
          disabled={retrying}
          onClick={
            apiError?.isSessionLost
              ? () => void sessionExpiry.requestSignIn().then(onRetry, () => undefined)
              : onRetry
          }
        >
          {retrying ? <span className="spinner" aria-hidden="true" /> : null}
          {apiError?.isSessionLost ? t('auth.signInAgain') : t('app.retry')}
        </button>
      ) : null}
    </div>
  );
}
