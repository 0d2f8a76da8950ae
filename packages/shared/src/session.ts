// Signing in to the dashboard (Zomro credentials in personal mode, an operator's own in team mode),
// the second step for two-factor accounts, roles, and what /api/health reports.
import { z } from 'zod';
import {
  MODES,
  PASSWORD_MAX,
  ROLES,
  SIGN_IN_MESSAGES,
  TOTP_PATTERN,
  USERNAME_MAX,
} from './plain/session.js';

export * from './plain/session.js';

export const credentialsSchema = z.object({
  username: z
    .string({ error: SIGN_IN_MESSAGES.usernameRequired })
    .trim()
    .min(1, SIGN_IN_MESSAGES.usernameRequired)
    .max(USERNAME_MAX),
  password: z
    .string({ error: SIGN_IN_MESSAGES.passwordRequired })
    .min(1, SIGN_IN_MESSAGES.passwordRequired)
    .max(PASSWORD_MAX),
});
export type Credentials = z.infer<typeof credentialsSchema>;

export const totpSchema = z.object({
  code: z
    .string({ error: SIGN_IN_MESSAGES.totpRequired })
    .trim()
    .regex(TOTP_PATTERN, SIGN_IN_MESSAGES.totpInvalid),
});
export type TotpInput = z.infer<typeof totpSchema>;

export const roleSchema = z.enum(ROLES);
export type Role = z.infer<typeof roleSchema>;

export const sessionUserSchema = z.object({
  /** The operator: the Zomro username in personal mode, the operator's own name in team mode. */
  username: z.string(),
  role: roleSchema,
});
export type SessionUser = z.infer<typeof sessionUserSchema>;

export const sessionResponseSchema = z.object({ user: sessionUserSchema });
export const totpRequiredResponseSchema = z.object({ totpRequired: z.literal(true) });
export const signInResponseSchema = z.union([sessionResponseSchema, totpRequiredResponseSchema]);
export type SignInResponse = z.infer<typeof signInResponseSchema>;

export const healthResponseSchema = z.object({
  status: z.literal('ok'),
  upstream: z.enum(['emulator', 'zomro']),
  mode: z.enum(MODES),
  /** Team mode: whether Zomro accepts the configured account (it is signed in lazily). */
  account: z.enum(['ok', 'rejected', 'not-signed-in']).optional(),
  /** Where sessions, locks and the audit trail are kept: this process (memory, file) or Redis. */
  store: z.enum(['memory', 'redis']),
  /** With Redis: whether it answers now (while it does not, requests get 503 STORE_UNAVAILABLE). */
  redis: z.enum(['ok', 'down']).optional(),
});
export type HealthResponse = z.infer<typeof healthResponseSchema>;

/**
 * GET /api/ready: whether this process can serve requests now (200) or a load balancer should send
 * them elsewhere (503). /api/health stays liveness: it answers while the process runs.
 */
export const readyResponseSchema = z.object({
  ready: z.boolean(),
  /** Redis answers (always `ok` without Redis). */
  store: z.enum(['ok', 'down']),
  /** The audit trail can be written: without it no change may be sent. */
  audit: z.enum(['ok', 'down']),
  /** Team mode: Zomro accepts the configured account (`not-signed-in` is ready: it signs in lazily). */
  account: z.enum(['ok', 'rejected', 'not-signed-in']).optional(),
});
export type ReadyResponse = z.infer<typeof readyResponseSchema>;

/** How operators sign in here, for the sign-in page (public, like /api/health). */
export const signInOptionsSchema = z.object({
  mode: z.enum(MODES),
  /** Team mode: operators sign in with a name and password from the operators file. */
  password: z.boolean(),
  /** Team mode: a trusted proxy (SSO) names the operator; the dashboard has no sign-in of its own. */
  proxy: z.boolean(),
});
export type SignInOptions = z.infer<typeof signInOptionsSchema>;
