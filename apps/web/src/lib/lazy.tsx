// A component whose code loads when it is first shown, together with the texts of the screens that
// load on demand, so that it never renders a text key (docs/decisions/017-first-screen.md).
// When the dashboard server cannot be reached, the load fails where the component was asked for:
// the rest of the page stays as it was, and Retry loads it again (issue 20 item 6, decision 094).
import {
  Component,
  lazy,
  useState,
  type ComponentProps,
  type ComponentType,
  type ReactNode,
} from 'react';
import { loadMoreTexts, useTranslation } from './i18n';

/** The code or the texts of an on-demand part did not arrive. */
class PartLoadError extends Error {
  constructor(cause: unknown) {
    super('An on-demand part of the page could not be loaded', { cause });
    this.name = 'PartLoadError';
  }
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- React.lazy's own constraint.
export function lazyWithTexts<T extends ComponentType<any>>(load: () => Promise<{ default: T }>) {
  // React.lazy keeps a failed load for good, so a retry makes a new one.
  const make = () =>
    lazy(() =>
      Promise.all([load(), loadMoreTexts()]).then(
        ([module]) => module,
        (error: unknown) => {
          throw new PartLoadError(error);
        },
      ),
    );
  let Loaded = make();
  function OnDemand(props: ComponentProps<T>) {
    const [, setAttempt] = useState(0);
    return (
      <PartLoadBoundary
        onRetry={() => {
          Loaded = make();
          setAttempt((n) => n + 1);
        }}
      >
        <Loaded {...props} />
      </PartLoadBoundary>
    );
  }
  return OnDemand;
}

/** Catches only a failed load; any other error goes on to the route's error page. */
class PartLoadBoundary extends Component<
  { onRetry: () => void; children: ReactNode },
  { failed: Error | null }
> {
  override state: { failed: Error | null } = { failed: null };

  static getDerivedStateFromError(error: unknown) {
    return { failed: error instanceof Error ? error : new Error(String(error)) };
  }

  override render() {
    const { failed } = this.state;
    if (failed === null) return this.props.children;
    // Thrown again from here, it reaches the boundary above this one.
    if (!(failed instanceof PartLoadError)) throw failed;
    return (
      <PartLoadFailed
        onRetry={() => {
          this.props.onRetry();
          this.setState({ failed: null });
        }}
      />
    );
  }
}

function PartLoadFailed({ onRetry }: { onRetry: () => void }) {
  const { t } = useTranslation();
  return (
    <div className="alert alert-error part-load-failed" role="alert">
      <span className="alert-text">{t('app.partLoadFailed')}</span>
      <button type="button" className="btn btn-secondary btn-small" onClick={onRetry}>
        {t('app.retry')}
      </button>
    </div>
  );
}
