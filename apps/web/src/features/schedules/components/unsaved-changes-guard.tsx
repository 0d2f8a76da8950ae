// Keeps unsaved form changes from being lost by accident: a navigation inside the app asks
// first (links and the browser's Back, through @/lib/router), and closing or reloading the tab gets
// the browser's own warning.
import { useEffect, useId, useRef, type RefObject } from 'react';
import { useTranslation } from '@/lib/i18n';
import { useBlocker } from '@/lib/router';
import { Dialog } from '@/components/ui/dialog';

/**
 * Navigation state for a move that must not ask (another user signed in: the edits are not
 * theirs to keep). Kept here so that the app's layout need not import a feature.
 */
function leavesWithoutAsking(state: unknown): boolean {
  return (
    typeof state === 'object' && state !== null && 'discardEdits' in state && !!state.discardEdits
  );
}

interface UnsavedChangesGuardProps {
  dirty: boolean;
  /** Set to true just before the form itself leaves (saved, or Cancel): then nothing asks. */
  released: RefObject<boolean>;
}

export function UnsavedChangesGuard({ dirty, released }: UnsavedChangesGuardProps) {
  const { t } = useTranslation();
  const titleId = useId();
  const textId = useId();
  const keepRef = useRef<HTMLButtonElement>(null);
  // Read at navigation time: a save navigates in the same tick as it releases the guard.
  const blocker = useBlocker(
    ({ currentLocation, nextLocation }) =>
      dirty &&
      !released.current &&
      currentLocation.pathname !== nextLocation.pathname &&
      !leavesWithoutAsking(nextLocation.state),
  );

  useEffect(() => {
    if (!dirty) return;
    const warn = (event: BeforeUnloadEvent) => {
      if (released.current) return;
      event.preventDefault();
      // Older browsers show the warning only when returnValue is set.
      event.returnValue = '';
    };
    window.addEventListener('beforeunload', warn);
    return () => window.removeEventListener('beforeunload', warn);
  }, [dirty, released]);

  const blocked = blocker.state === 'blocked';
  return (
    <Dialog
      open={blocked}
      onClose={() => blocker.reset?.()}
      labelledBy={titleId}
      describedBy={textId}
      initialFocus={keepRef}
    >
      <h2 id={titleId} className="dialog-title">
        {t('form.leaveTitle')}
      </h2>
      <p id={textId}>{t('form.leaveText')}</p>
      <div className="dialog-actions">
        <button
          ref={keepRef}
          type="button"
          className="btn btn-secondary"
          onClick={() => blocker.reset?.()}
        >
          {t('form.leaveStay')}
        </button>
        <button type="button" className="btn btn-danger" onClick={() => blocker.proceed?.()}>
          {t('form.leaveDiscard')}
        </button>
      </div>
    </Dialog>
  );
}
