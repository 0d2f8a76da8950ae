// Who is signed in, and Sign out; when signing out did not reach the server, that is said here,
// with Retry, and tried again as soon as the browser is back online.
import { useEffect } from 'react';
import { useTranslation } from '@/lib/i18n';
import { useNavigate } from '@/lib/router';
import { paths } from '@/config/paths';
import { useSession } from '../api/get-session';
import { useSignOut } from '../api/sign-out';

export function UserMenu() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const session = useSession();
  const signOut = useSignOut();
  const signOutNow = () =>
    signOut.mutate(undefined, {
      onSuccess: () => void navigate(paths.signIn(), { replace: true }),
    });
  const failed = signOut.isError;
  useEffect(() => {
    if (!failed) return;
    window.addEventListener('online', signOutNow);
    return () => window.removeEventListener('online', signOutNow);
  });
  if (!session.data) return null;
  return (
    <div className="user-menu">
      <span className="user-name">
        <span className="visually-hidden">{t('app.signedInAs')} </span>
        {session.data.username}
      </span>
      {session.data.role === 'viewer' ? (
        <span className="badge badge-muted" title={t('team.viewOnlyTitle')}>
          {t('team.viewOnly')}
        </span>
      ) : null}
      <button
        type="button"
        className="btn btn-ghost btn-small"
        aria-busy={signOut.isPending}
        onClick={signOutNow}
      >
        {failed ? t('app.signOutRetry') : t('app.signOut')}
      </button>
      {failed ? (
        <p className="alert alert-error sign-out-failed" role="alert">
          {t('app.signOutFailed')}
        </p>
      ) : null}
    </div>
  );
}
