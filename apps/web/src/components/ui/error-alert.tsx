// An error as the operator should see it: what failed, what to do (in the UI's language, from the
// error's code), and Retry where trying again can help (or "Sign in again" when the session is gone).
import type { TFunction } from '@/lib/i18n';
import { useTranslation } from '@/lib/i18n';
import { ApiError } from '@/lib/api-client';
import { i18n } from '@/lib/i18n';
import { sessionExpiry } from '@/lib/session-expiry';

/**
 * The error's text for the operator, in the UI's language, worded from its `code`: the English
 * `message` of the BFF is never shown, except Zomro's own words in a refusal (UPSTREAM_REJECTED),
 * quoted, since nobody can foresee them.
 */
export function errorMessage(
  error: unknown,
  t: TFunction,
  options: { change?: boolean } = {},
): string {
  const code = error instanceof ApiError ? error.code : 'UNKNOWN';
  const known = i18n.exists(`errors.message.${code}`) ? code : 'UNKNOWN';
  return t(`errors.message.${known}`, {
    status: error instanceof ApiError ? error.statusCode : 0,
    detail: error instanceof ApiError ? error.message : '',
    // A change has its own wording where the outcome is unknown (a time-out may hide a save).
    context: options.change ? 'change' : undefined,
  });
}

/** Joins two sentences, adding the full stop the first may lack ("…please wait" + "Try again…"). */
function joinSentences(first: string, second: string): string {
  return /[.!?…]$/.test(first.trim()) ? `${first} ${second}` : `${first}. ${second}`;
}

interface ErrorAlertProps {
  error: unknown;
  /** What failed, e.g. "Could not load the instances"; defaults to a title from the error code. */
  title?: string;
  onRetry?: () => void;
  /** The retry is under way: the button shows it and cannot be pressed twice. */
  retrying?: boolean;
  /** The error answers a change (a save or a delete), not a read. */
  change?: boolean;
  className?: string;
}

export function ErrorAlert({
  error,
  title,
  onRetry,
  retrying,
  change,
  className,
}: ErrorAlertProps) {
  const { t } = useTranslation();
  const apiError = error instanceof ApiError ? error : null;
  const code = apiError?.code ?? 'UNKNOWN';
  const codeTitle = t(`errors.title.${code}`, { defaultValue: t('errors.title.UNKNOWN') });
  const message = errorMessage(error, t, { change });
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
          {apiError?.retryAfterSeconds
            ? joinSentences(
                message,
                t('errors.retryAfter', { seconds: apiError.retryAfterSeconds }),
              )
            : message}
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
