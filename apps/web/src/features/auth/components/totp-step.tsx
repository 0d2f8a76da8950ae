// The second step of signing in, for accounts with two-factor authentication: the 6-digit code.
// Loaded when the BFF answers that a code is needed.
import type { SessionUser } from '@zomro-dash/shared';
import { totpProblem } from '@zomro-dash/shared/plain';
import { useEffect, useRef, useState, type FormEvent, type ReactNode } from 'react';
import { ErrorAlert } from '@/components/ui/error-alert';
import { FieldShell } from '@/components/ui/field';
import { useTranslation } from '@/lib/i18n';
import { useVerifyTotp } from '../api/verify-totp';
import { useMessage } from './sign-in-form';

export function TotpStep({
  username,
  onSignedIn,
  onBack,
  hint,
}: {
  username: string;
  onSignedIn: (user: SessionUser) => void;
  onBack: () => void;
  hint?: ReactNode;
}) {
  const { t } = useTranslation();
  const verify = useVerifyTotp();
  const [code, setCode] = useState('');
  const [submitted, setSubmitted] = useState(false);
  const codeRef = useRef<HTMLInputElement>(null);
  const message = useMessage(submitted ? totpProblem(code) : null);

  useEffect(() => codeRef.current?.focus(), []);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    verify.reset();
    setSubmitted(true);
    if (totpProblem(code)) {
      codeRef.current?.focus();
      return;
    }
    try {
      onSignedIn(await verify.mutateAsync({ code: code.trim() }));
    } catch {
      setCode('');
      setSubmitted(false);
      codeRef.current?.focus();
    }
  };

  return (
    <form noValidate className="stack" onSubmit={(event) => void submit(event)}>
      <p>{t('auth.totpText', { username })}</p>
      <FieldShell label={t('auth.totpLabel')} message={message}>
        {(aria) => (
          <input
            {...aria}
            ref={codeRef}
            name="code"
            value={code}
            onChange={(event) => setCode(event.target.value)}
            className="input input-code"
            type="text"
            inputMode="numeric"
            autoComplete="one-time-code"
            maxLength={6}
          />
        )}
      </FieldShell>
      {hint}
      {verify.error ? <ErrorAlert error={verify.error} /> : null}
      <button type="submit" className="btn btn-primary btn-block" aria-busy={verify.isPending}>
        {verify.isPending ? <span className="spinner" aria-hidden="true" /> : null}
        {t('auth.totpSubmit')}
      </button>
      <button type="button" className="btn btn-link" onClick={onBack}>
        {t('auth.totpBack')}
      </button>
    </form>
  );
}
