// /sign-in: the sign-in page; afterwards back to the address that sent the operator here.
import { Suspense } from 'react';
import { useTranslation } from '@/lib/i18n';
import { lazyWithTexts } from '@/lib/lazy';
import { Navigate, useNavigate, useSearchParams } from '@/lib/router';
import { LanguageSwitch } from '@/components/language-switch';
import { safeNext } from '@/config/paths';
import { useSession } from '@/features/auth/api/get-session';
import { useSignInOptions } from '@/features/auth/api/get-sign-in-options';
import { SignInForm } from '@/features/auth/components/sign-in-form';
import { useIsDemo } from '@/features/health/api/get-health';
import { DemoMark } from '@/features/health/components/demo-mark';
import { useDocumentTitle } from '@/hooks/use-document-title';
import { Logo } from '../layout';

const ProxyOnlyNotice = lazyWithTexts(() =>
  import('@/features/auth/components/proxy-only-notice').then((m) => ({
    default: m.ProxyOnlyNotice,
  })),
);

export function SignInRoute() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [search] = useSearchParams();
  const next = safeNext(search.get('next'));
  const session = useSession();
  const isDemo = useIsDemo();
  const options = useSignInOptions();
  useDocumentTitle(t('auth.title'));

  if (session.data) return <Navigate to={next} replace />;
  return (
    <main id="main" className="sign-in-page">
      <div className="sign-in-top">
        <DemoMark />
        <LanguageSwitch />
      </div>
      <div className="sign-in-card panel">
        <div className="sign-in-brand">
          <Logo />
          <div>
            <p className="brand-title">{t('app.brand')}</p>
            <p className="brand-sub">{t('app.product')}</p>
          </div>
        </div>
        <h1>{t('auth.title')}</h1>
        {options.data?.mode === 'team' && !options.data.password ? (
          // Operators come through the organisation's single sign-on: there is no form here.
          <Suspense fallback={null}>
            <ProxyOnlyNotice />
          </Suspense>
        ) : (
          <>
            <p className="muted">
              {options.data?.mode === 'team' ? t('team.subtitleTeam') : t('auth.subtitle')}
            </p>
            <SignInForm
              onSignedIn={() => void navigate(next, { replace: true })}
              hint={
                isDemo && options.data?.mode === 'personal' ? (
                  <p className="hint-box">
                    {t('auth.demoHint', {
                      username: 'demo',
                      password: 'demo',
                      totpUsername: 'demo2fa',
                      totpPassword: 'demo2fa',
                    })}
                  </p>
                ) : null
              }
              // The code is asked for on the second step: that is where to say how to get it.
              totpHint={
                isDemo && options.data?.mode === 'personal' ? (
                  <p className="hint-box">{t('auth.demoTotpHint', { username: 'demo2fa' })}</p>
                ) : null
              }
            />
          </>
        )}
      </div>
    </main>
  );
}
