// The discreet "demo: built-in emulator" mark, shown only when the BFF says so.
import { useTranslation } from '@/lib/i18n';
import { useIsDemo } from '../api/get-health';

export function DemoMark() {
  const { t } = useTranslation();
  if (!useIsDemo()) return null;
  return (
    <span className="demo-mark" title={t('app.demoMarkTitle')}>
      {t('app.demoMark')}
    </span>
  );
}
