// The loading state of a screen or panel whose code loads on demand.
import { Suspense, type ReactNode } from 'react';
import { useTranslation } from '@/lib/i18n';

/** What a page shows while its code arrives (a few milliseconds on a good connection). */
export function RouteLoading({ children }: { children: ReactNode }) {
  const { t } = useTranslation();
  return (
    <Suspense
      fallback={
        <div className="page" role="status" aria-live="polite">
          <span className="spinner" aria-hidden="true" />{' '}
          <span className="muted">{t('app.loading')}</span>
        </div>
      }
    >
      {children}
    </Suspense>
  );
}
