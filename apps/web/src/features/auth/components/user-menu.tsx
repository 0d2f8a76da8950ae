// Who is signed in, and Sign out.
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
        onClick={() =>
          signOut.mutate(undefined, {
            onSettled: () => void navigate(paths.signIn(), { replace: true }),
          })
        }
      >
        {t('app.signOut')}
      </button>
    </div>
  );
}
