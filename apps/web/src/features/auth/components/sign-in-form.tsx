// Sign-in with the Zomro username and password, then a 6-digit code when the account has
// two-factor authentication; the BFF's message when it refuses. Used by the page and the dialog.
import {
  credentialsSchema,
  totpSchema,
  type Credentials,
  type SessionUser,
  type TotpInput,
} from '@zomro-dash/shared';
import { useEffect, useState, type ReactNode } from 'react';
import { useFormContext } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '@/components/ui/error-alert';
import { Field, Form } from '@/components/ui/form';
import { useSignIn } from '../api/sign-in';
import { useVerifyTotp } from '../api/verify-totp';

interface SignInFormProps {
  onSignedIn: (user: SessionUser) => void;
  defaultUsername?: string;
  /** Shown under the fields of the first step (the demo accounts, in demo mode). */
  hint?: ReactNode;
}

export function SignInForm({ onSignedIn, defaultUsername = '', hint }: SignInFormProps) {
  const [totpFor, setTotpFor] = useState<string | null>(null);
  return totpFor === null ? (
    <CredentialsStep
      defaultUsername={defaultUsername}
      hint={hint}
      onSignedIn={onSignedIn}
      onTotpRequired={setTotpFor}
    />
  ) : (
    <TotpStep username={totpFor} onSignedIn={onSignedIn} onBack={() => setTotpFor(null)} />
  );
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
  return (
    <Form
      schema={credentialsSchema}
      defaultValues={{ username: defaultUsername, password: '' }}
      className="stack"
      // A new try drops the last refusal, so that it never stands next to new field errors.
      beforeSubmit={() => signIn.reset()}
      onSubmit={async (credentials, methods) => {
        try {
          const result = await signIn.mutateAsync(credentials);
          if ('user' in result) onSignedIn(result.user);
          else onTotpRequired(credentials.username);
        } catch {
          // The error is shown from the mutation; the password is cleared for the next try.
          methods.resetField('password');
          methods.setFocus('password');
        }
      }}
    >
      {({ register }) => (
        <>
          <FocusFirstEmpty first={defaultUsername ? 'password' : 'username'} />
          <Field name="username" label={t('auth.username')}>
            {(aria) => (
              <input
                {...aria}
                {...register('username')}
                className="input"
                type="text"
                autoComplete="username"
                autoCapitalize="none"
                spellCheck={false}
              />
            )}
          </Field>
          <Field name="password" label={t('auth.password')}>
            {(aria) => (
              <input
                {...aria}
                {...register('password')}
                className="input"
                type="password"
                autoComplete="current-password"
              />
            )}
          </Field>
          {signIn.error ? <ErrorAlert error={signIn.error} /> : null}
          <button type="submit" className="btn btn-primary btn-block" aria-busy={signIn.isPending}>
            {signIn.isPending ? <span className="spinner" aria-hidden="true" /> : null}
            {t('auth.submit')}
          </button>
          {hint}
        </>
      )}
    </Form>
  );
}

function TotpStep({
  username,
  onSignedIn,
  onBack,
}: {
  username: string;
  onSignedIn: (user: SessionUser) => void;
  onBack: () => void;
}) {
  const { t } = useTranslation();
  const verify = useVerifyTotp();
  return (
    <Form
      schema={totpSchema}
      defaultValues={{ code: '' }}
      className="stack"
      beforeSubmit={() => verify.reset()}
      onSubmit={async (input: TotpInput, methods) => {
        try {
          onSignedIn(await verify.mutateAsync(input));
        } catch {
          methods.resetField('code');
          methods.setFocus('code');
        }
      }}
    >
      {({ register }) => (
        <>
          <FocusFirstEmpty first="code" />
          <p>{t('auth.totpText', { username })}</p>
          <Field name="code" label={t('auth.totpLabel')}>
            {(aria) => (
              <input
                {...aria}
                {...register('code')}
                className="input input-code"
                type="text"
                inputMode="numeric"
                autoComplete="one-time-code"
                maxLength={6}
              />
            )}
          </Field>
          {verify.error ? <ErrorAlert error={verify.error} /> : null}
          <button type="submit" className="btn btn-primary btn-block" aria-busy={verify.isPending}>
            {verify.isPending ? <span className="spinner" aria-hidden="true" /> : null}
            {t('auth.totpSubmit')}
          </button>
          <button type="button" className="btn btn-link" onClick={onBack}>
            {t('auth.totpBack')}
          </button>
        </>
      )}
    </Form>
  );
}

function FocusFirstEmpty({ first }: { first: keyof Credentials | keyof TotpInput }) {
  const { setFocus } = useFormContext();
  useEffect(() => setFocus(first), [setFocus, first]);
  return null;
}
