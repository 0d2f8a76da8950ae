// Why the schedules of an instance cannot be changed now: Zomro's panel blocks schedule changes
// on an instance in the error or image-uploading state, and so does the BFF (409 INSTANCE_BLOCKED).
import { useTranslation } from '@/lib/i18n';

import { BLOCKED_NOTICE_ID } from './blocked-notice-id';

export function BlockedNotice({ status, id = BLOCKED_NOTICE_ID }: { status: string; id?: string }) {
  const { t } = useTranslation();
  const state = t(`instances.status.${status.trim().toLowerCase()}`, { defaultValue: status });
  return (
    <div id={id} role="note" className="alert alert-warn blocked-notice">
      <svg className="alert-icon" aria-hidden="true" viewBox="0 0 20 20" width="20" height="20">
        <circle cx="10" cy="10" r="8.5" fill="currentColor" />
        <path d="M6 10h8" stroke="#fff" strokeWidth="2.2" strokeLinecap="round" />
      </svg>
      <div className="alert-body">
        <p className="alert-title">{t('blocked.title')}</p>
        <p className="alert-message">{t('blocked.text', { status: state })}</p>
      </div>
    </div>
  );
}
