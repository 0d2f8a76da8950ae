// Signing in without zod: the roles and modes, and the sign-in form's rules with their messages.
// session.ts builds the BFF's schemas from the same rules, so the browser's first screen (which
// loads no zod) and the API refuse the same input with the same words.

/** What an operator may do: an editor changes schedules, a viewer only looks. */
export const ROLES = ['editor', 'viewer'] as const;

/**
 * `personal`: each operator signs in with Zomro credentials. `team`: the server holds one Zomro
 * account and operators sign in as themselves (an operators file, or a trusted proxy's header).
 */
export const MODES = ['personal', 'team'] as const;
export type Mode = (typeof MODES)[number];

export const USERNAME_MAX = 200;
export const PASSWORD_MAX = 500;
export const TOTP_PATTERN = /^\d{6}$/;

export const SIGN_IN_MESSAGES = {
  usernameRequired: 'Username is required',
  passwordRequired: 'Password is required',
  totpRequired: 'Enter the 6-digit code',
  totpInvalid: 'Enter the 6-digit code from your authenticator app',
} as const;

/** What is wrong with a sign-in form's fields (empty when nothing), as the API would say it. */
export function credentialsProblems(input: {
  username: string;
  password: string;
}): Partial<Record<'username' | 'password', string>> {
  return {
    ...(input.username.trim() === '' && { username: SIGN_IN_MESSAGES.usernameRequired }),
    ...(input.password === '' && { password: SIGN_IN_MESSAGES.passwordRequired }),
  };
}

/** What is wrong with a typed two-factor code, or null. */
export function totpProblem(code: string): string | null {
  return TOTP_PATTERN.test(code.trim()) ? null : SIGN_IN_MESSAGES.totpInvalid;
}
