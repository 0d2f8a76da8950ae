// Short notices after an action ("Schedule created", "Could not delete … it is back"): successes
// are announced politely and fade, failures are announced at once and stay until dismissed.
import {
  createContext,
  useCallback,
  useContext,
  useEffect,
  useMemo,
  useRef,
  useState,
  type ReactNode,
} from 'react';
import { useTranslation } from '@/lib/i18n';

export interface Notice {
  tone: 'success' | 'error';
  text: string;
  detail?: string;
}
interface ShownNotice extends Notice {
  id: number;
}

const NotifyContext = createContext<(notice: Notice) => void>(() => undefined);

export function useNotify(): (notice: Notice) => void {
  return useContext(NotifyContext);
}

const SUCCESS_VISIBLE_MS = 6000;

export function NotificationsProvider({ children }: { children: ReactNode }) {
  const { t } = useTranslation();
  const [notices, setNotices] = useState<ShownNotice[]>([]);
  const nextId = useRef(1);
  const timers = useRef(new Map<number, ReturnType<typeof setTimeout>>());

  const dismiss = useCallback((id: number) => {
    setNotices((all) => all.filter((n) => n.id !== id));
    clearTimeout(timers.current.get(id));
    timers.current.delete(id);
  }, []);

  const notify = useCallback(
    (notice: Notice) => {
      const id = nextId.current++;
      setNotices((all) => [...all.slice(-3), { ...notice, id }]);
      if (notice.tone === 'success') {
        timers.current.set(
          id,
          setTimeout(() => dismiss(id), SUCCESS_VISIBLE_MS),
        );
      }
    },
    [dismiss],
  );

  useEffect(() => {
    const all = timers.current;
    return () => all.forEach((timer) => clearTimeout(timer));
  }, []);

  const render = (tone: Notice['tone']) =>
    notices
      .filter((n) => n.tone === tone)
      .map((n) => (
        <div key={n.id} className={`notice notice-${n.tone}`}>
          <div className="notice-text">
            <p>{n.text}</p>
            {n.detail ? <p className="notice-detail">{n.detail}</p> : null}
          </div>
          <button
            type="button"
            className="icon-button"
            aria-label={t('app.dismiss')}
            onClick={() => dismiss(n.id)}
          >
            <svg aria-hidden="true" viewBox="0 0 16 16" width="14" height="14">
              <path d="m3 3 10 10M13 3 3 13" stroke="currentColor" strokeWidth="2" />
            </svg>
          </button>
        </div>
      ));

  const value = useMemo(() => notify, [notify]);
  return (
    <NotifyContext.Provider value={value}>
      {children}
      <section className="notices" aria-label={t('app.notifications')}>
        <div role="status" aria-live="polite">
          {render('success')}
        </div>
        {/* A live region, not role=alert: an empty alert would be found by every alert query. */}
        <div aria-live="assertive">{render('error')}</div>
      </section>
    </NotifyContext.Provider>
  );
}
