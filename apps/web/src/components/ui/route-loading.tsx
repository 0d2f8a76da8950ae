// The loading state of a screen or panel whose code loads on demand, and what it shows when that
// code cannot be loaded (the server is unreachable, or a new release replaced the files).
import { Component, Suspense, type ReactNode } from 'react';
import { i18n, useTranslation } from '@/lib/i18n';

/** A failed load says the server cannot be reached; Retry reloads the page. */
export class LoadFailure extends Component<{ children: ReactNode }, { failed: boolean }> {
  override state = { failed: false };

  static getDerivedStateFromError() {
    return { failed: true };
  }

  override render() {
    if (!this.state.failed) return this.props.children;
    return (
      <div className="alert alert-error" role="alert">
        <p>{i18n.t('errors.message.NETWORK_ERROR')}</p>
        <button type="button" className="btn btn-secondary" onClick={() => location.reload()}>
          {i18n.t('app.retry')}
        </button>
      </div>
    );
  }
}

/** What a page shows while its code arrives (a few milliseconds on a good connection). */
export function RouteLoading({ children }: { children: ReactNode }) {
  const { t } = useTranslation();
  return (
    <LoadFailure>
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
    </LoadFailure>
  );
}
