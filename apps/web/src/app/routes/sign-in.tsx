// /sign-in: the sign-in page; afterwards back to the address that sent the operator here.
import { useTranslation } from 'react-i18next';
import { Navigate, useNavigate, useSearchParams } from 'react-router';
import { LanguageSwitch } from '@/components/language-switch';
import { safeNext } from '@/config/paths';
import { useSession } from '@/features/auth/api/get-session';
import { SignInForm } from '@/features/auth/components/sign-in-form';
import { useIsDemo } from '@/features/health/api/get-health';
import { DemoMark } from '@/features/health/components/demo-mark';
import { useDocumentTitle } from '@/hooks/use-document-title';
import { Logo } from '../layout';

export function SignInRoute() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [search] = useSearchParams();
  const next = safeNext(search.get('next'));
  const session = useSession();
  const isDemo = useIsDemo();
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
        <p className="muted">{t('auth.subtitle')}</p>
        <SignInForm
          onSignedIn={() => void navigate(next, { replace: true })}
          hint={
            isDemo ? (
              <p className="hint-box">
                {t('auth.demoHint', { username: 'demo', password: 'demo' })}
              </p>
            ) : null
          }
        />
      </div>
    </main>
  );
}
