// The sign-in page of a team deployment whose operators come through the organisation's single
// sign-on: no form, only where to go. Loaded only there (docs/decisions/017-first-screen.md).
import { useTranslation } from '@/lib/i18n';

export function ProxyOnlyNotice() {
  const { t } = useTranslation();
  return (
    <div className="alert alert-info" role="status">
      <p className="alert-title">{t('team.proxyOnlyTitle')}</p>
      <p>{t('team.proxyOnlyText')}</p>
    </div>
  );
}
