// Sign-in with the Zomro username and password, then a 6-digit code when the account has
// two-factor authentication; the BFF's message when it refuses. Used by the page and the dialog.
// Plain React state rather than react-hook-form: it is on the first screen, whose JavaScript
// budget has no room for a form library or zod (docs/decisions/017-first-screen.md). The rules
// and their messages are the shared ones the BFF checks with (packages/shared/src/plain).
import { credentialsProblems } from '@zomro-dash/shared/plain';
import type { Credentials, SessionUser } from '@zomro-dash/shared';
import { Suspense, useEffect, useRef, useState, type FormEvent, type ReactNode } from 'react';
import { ErrorAlert } from '@/components/ui/error-alert';
import { FieldShell } from '@/components/ui/field';
import { translateValidationMessage, useTranslation } from '@/lib/i18n';
import { useSignIn } from '../api/sign-in';
import { lazyWithTexts } from '@/lib/lazy';

interface SignInFormProps {
  onSignedIn: (user: SessionUser) => void;
  defaultUsername?: string;
  /** Shown under the fields of the first step (the demo accounts, in demo mode). */
  hint?: ReactNode;
  /** Shown under the code field of the second step (where the demo's code comes from). */
  totpHint?: ReactNode;
}

export function SignInForm({ onSignedIn, defaultUsername = '', hint, totpHint }: SignInFormProps) {
  const [totpFor, setTotpFor] = useState<string | null>(null);
  return totpFor === null ? (
    <CredentialsStep
      defaultUsername={defaultUsername}
      hint={hint}
      onSignedIn={onSignedIn}
      onTotpRequired={setTotpFor}
    />
  ) : (
    <Suspense fallback={<span className="spinner" aria-hidden="true" />}>
      <TotpStep
        username={totpFor}
        onSignedIn={onSignedIn}
        onBack={() => setTotpFor(null)}
        hint={totpHint}
      />
    </Suspense>
  );
}

// The second step, for accounts with two-factor authentication, loads when it is needed.
const TotpStep = lazyWithTexts(() => import('./totp-step').then((m) => ({ default: m.TotpStep })));

/** The shown (translated) message of a field's problem; re-renders with the language. */
export function useMessage(problem: string | undefined | null): string | null {
  const { i18n } = useTranslation();
  return problem ? translateValidationMessage(problem, i18n.language) : null;
}

function CredentialsStep({
  defaultUsername,
  hint,
  onSignedIn,
  onTotpRequired,
}: {
  defaultUsername: string;
  hint?: ReactNode;
  onSignedIn: (user: SessionUser) => void;
  onTotpRequired: (username: string) => void;
}) {
  const { t } = useTranslation();
  const signIn = useSignIn();
  const [values, setValues] = useState<Credentials>({ username: defaultUsername, password: '' });
  // Problems show after the first submit and then follow the typing, as before with a form library.
  const [submitted, setSubmitted] = useState(false);
  const problems = submitted ? credentialsProblems(values) : {};
  const usernameRef = useRef<HTMLInputElement>(null);
  const passwordRef = useRef<HTMLInputElement>(null);
  const usernameMessage = useMessage(problems.username);
  const passwordMessage = useMessage(problems.password);

  useEffect(() => {
    (defaultUsername ? passwordRef : usernameRef).current?.focus();
  }, [defaultUsername]);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    // A new try drops the last refusal, so that it never stands next to new field errors.
    signIn.reset();
    setSubmitted(true);
    const found = credentialsProblems(values);
    if (found.username || found.password) {
      (found.username ? usernameRef : passwordRef).current?.focus();
      return;
    }
    const credentials = { username: values.username.trim(), password: values.password };
    try {
      const result = await signIn.mutateAsync(credentials);
      if ('user' in result) onSignedIn(result.user);
      else onTotpRequired(credentials.username);
    } catch {
      // The error is shown from the mutation; the password is cleared for the next try.
      setValues((current) => ({ ...current, password: '' }));
      setSubmitted(false);
      passwordRef.current?.focus();
    }
  };

  return (
    <form noValidate className="stack" onSubmit={(event) => void submit(event)}>
      <FieldShell label={t('auth.username')} message={usernameMessage}>
        {(aria) => (
          <input
            {...aria}
            ref={usernameRef}
            name="username"
            value={values.username}
            onChange={(event) => setValues({ ...values, username: event.target.value })}
            className="input"
            type="text"
            autoComplete="username"
            autoCapitalize="none"
            spellCheck={false}
          />
        )}
      </FieldShell>
      <FieldShell label={t('auth.password')} message={passwordMessage}>
        {(aria) => (
          <input
            {...aria}
            ref={passwordRef}
            name="password"
            value={values.password}
            onChange={(event) => setValues({ ...values, password: event.target.value })}
            className="input"
            type="password"
            autoComplete="current-password"
          />
        )}
      </FieldShell>
      {signIn.error ? <ErrorAlert error={signIn.error} /> : null}
      <button type="submit" className="btn btn-primary btn-block" aria-busy={signIn.isPending}>
        {signIn.isPending ? <span className="spinner" aria-hidden="true" /> : null}
        {t('auth.submit')}
      </button>
      {hint}
    </form>
  );
}
