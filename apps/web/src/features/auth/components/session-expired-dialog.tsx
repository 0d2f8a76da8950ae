// When the session is lost mid-work, asks for sign-in over the current page; the requests that
// met the 401 (a save, a list) are sent again afterwards, so nothing typed is lost.
import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useId, useRef } from 'react';
import { useNavigate } from '@/lib/router';
import { useTranslation } from '@/lib/i18n';
import { Dialog } from '@/components/ui/dialog';
import { paths } from '@/config/paths';
import { ApiError } from '@/lib/api-client';
import { i18n } from '@/lib/i18n';
import { sessionExpiry, useSessionExpired } from '@/lib/session-expiry';
import { getSessionQueryOptions } from '../api/get-session';
import { SignInForm } from './sign-in-form';

export function SessionExpiredDialog() {
  const { t } = useTranslation();
  const titleId = useId();
  const textId = useId();
  const expired = useSessionExpired();
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const username = queryClient.getQueryData(getSessionQueryOptions().queryKey)?.username;
  // Who was signed in when the session was lost (the sign-in itself replaces the cached user).
  const lostUser = useRef(username);
  useEffect(() => {
    if (!expired) lostUser.current = username;
  }, [expired, username]);

  const giveUp = () =>
    sessionExpiry.dismiss(
      new ApiError({
        statusCode: 401,
        code: 'SESSION_EXPIRED',
        message: i18n.t('auth.expiredDismissed'),
      }),
    );

  return (
    <Dialog open={expired} onClose={giveUp} labelledBy={titleId} describedBy={textId}>
      <h2 id={titleId} className="dialog-title">
        {t('auth.expiredTitle')}
      </h2>
      <p id={textId} className="muted">
        {t('auth.expiredText')}
      </p>
      <SignInForm
        defaultUsername={username}
        onSignedIn={(user) => {
          if (lostUser.current !== undefined && user.username !== lostUser.current) {
            // Another user: nothing of the last one's is sent or shown. The queued requests are
            // dropped, every cached answer goes, and the new user starts at the instance list.
            queryClient.clear();
            queryClient.setQueryData(getSessionQueryOptions().queryKey, user);
            sessionExpiry.userChanged();
            // `discardEdits`: an open form's unsaved-changes guard lets it go (they were not theirs).
            void navigate(paths.instances(), { replace: true, state: { discardEdits: true } });
            return;
          }
          sessionExpiry.signedIn();
          // Answers cached under the old session may be stale; reads refresh, the page stays.
          void queryClient.invalidateQueries({
            predicate: (query) => query.queryKey[0] !== 'session',
          });
        }}
      />
      <div className="dialog-actions">
        <button type="button" className="btn btn-secondary" onClick={giveUp}>
          {t('app.cancel')}
        </button>
      </div>
    </Dialog>
  );
}
