// Lets the pages behind it render only for a signed-in operator; otherwise sends them to sign-in
// and back to the same address afterwards.
import type { ReactNode } from 'react';
import { useTranslation } from '@/lib/i18n';
import { Navigate, useLocation } from '@/lib/router';
import { ErrorAlert } from '@/components/ui/error-alert';
import { paths } from '@/config/paths';
import { useSession } from '../api/get-session';
import { hasSignedOut } from '../api/sign-out';

export function RequireSession({ children }: { children: ReactNode }) {
  const { t } = useTranslation();
  const session = useSession();
  const location = useLocation();
  // Once signed in, a later failure never unmounts the page: the sign-in dialog handles it.
  if (session.data) return children;
  if (session.data === null) {
    // After sign-out the next sign-in starts from the instances, not from the page left behind.
    const next = hasSignedOut() ? undefined : location.pathname + location.search;
    return <Navigate to={paths.signIn(next)} replace />;
  }
  if (session.isError) {
    return (
      <main className="centered">
        <ErrorAlert error={session.error} onRetry={() => void session.refetch()} />
      </main>
    );
  }
  return (
    <div className="centered" role="status" aria-live="polite">
      <div className="session-check">
        <span className="spinner spinner-large" aria-hidden="true" />
        {/* Said aloud and shown: with a slow Zomro this check can take seconds. */}
        <span className="muted">{t('app.checkingSession')}</span>
      </div>
    </div>
  );
}
