// The frame of every signed-in page: header (product, demo mark, language, user), the page, the
// sign-in dialog for a lost session.
import { useTranslation } from '@/lib/i18n';
import { Suspense, type ReactNode } from 'react';
import { Link, NavLink } from '@/lib/router';
import { LanguageSwitch } from '@/components/language-switch';
import { paths } from '@/config/paths';
import { UserMenu } from '@/features/auth/components/user-menu';
import { DemoMark } from '@/features/health/components/demo-mark';
import { useOnceTrue } from '@/hooks/use-once-true';
import { lazyWithTexts } from '@/lib/lazy';
import { useSessionExpired } from '@/lib/session-expiry';

// The sign-in dialog for a lost session loads the first time a session is lost.
const SessionExpiredDialog = lazyWithTexts(() =>
  import('@/features/auth/components/session-expired-dialog').then((m) => ({
    default: m.SessionExpiredDialog,
  })),
);

export function Logo() {
  return (
    <svg aria-hidden="true" viewBox="0 0 32 32" width="28" height="28" className="logo">
      <rect width="32" height="32" rx="8" fill="currentColor" />
      <path d="M9 11h14M9 16h14M9 21h9" stroke="#fff" strokeWidth="2.6" strokeLinecap="round" />
      <circle cx="23" cy="21" r="2.4" fill="#7cf0b4" />
    </svg>
  );
}

export function AppLayout({ children }: { children: ReactNode }) {
  const { t } = useTranslation();
  const sessionLost = useOnceTrue(useSessionExpired());
  return (
    <>
      <a className="skip-link" href="#main">
        {t('app.skipToContent')}
      </a>
      <header className="app-header">
        <div className="app-header-inner">
          <Link to={paths.instances()} className="brand">
            <Logo />
            <span className="brand-text">
              <span className="brand-title">{t('app.brand')}</span>
              <span className="brand-sub">{t('app.product')}</span>
            </span>
          </Link>
          <DemoMark />
          <nav aria-label={t('nav.label')} className="main-nav">
            <NavLink to={paths.instances()}>{t('nav.instances')}</NavLink>
            <NavLink to={paths.activity()}>{t('nav.activity')}</NavLink>
          </nav>
          <div className="header-end">
            <LanguageSwitch />
            <UserMenu />
          </div>
        </div>
      </header>
      <main id="main" className="app-main" tabIndex={-1}>
        {children}
      </main>
      {sessionLost ? (
        <Suspense fallback={null}>
          <SessionExpiredDialog />
        </Suspense>
      ) : null}
    </>
  );
}
