// Signing in to the dashboard (Zomro credentials in personal mode, an operator's own in team mode),
// the second step for two-factor accounts, roles, and what /api/health reports.
import { z } from 'zod';

export const credentialsSchema = z.object({
  username: z
    .string({ error: 'Username is required' })
    .trim()
    .min(1, 'Username is required')
    .max(200),
  password: z.string({ error: 'Password is required' }).min(1, 'Password is required').max(500),
});
export type Credentials = z.infer<typeof credentialsSchema>;

export const totpSchema = z.object({
  code: z
    .string({ error: 'Enter the 6-digit code' })
    .trim()
    .regex(/^\d{6}$/, 'Enter the 6-digit code from your authenticator app'),
});
export type TotpInput = z.infer<typeof totpSchema>;

/** What an operator may do: an editor changes schedules, a viewer only looks. */
export const ROLES = ['editor', 'viewer'] as const;
export const roleSchema = z.enum(ROLES);
export type Role = z.infer<typeof roleSchema>;

/**
 * `personal`: each operator signs in with Zomro credentials. `team`: the server holds one Zomro
 * account and operators sign in as themselves (an operators file, or a trusted proxy's header).
 */
export const MODES = ['personal', 'team'] as const;
export type Mode = (typeof MODES)[number];

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

/** How operators sign in here, for the sign-in page (public, like /api/health). */
export const signInOptionsSchema = z.object({
  mode: z.enum(MODES),
  /** Team mode: operators sign in with a name and password from the operators file. */
  password: z.boolean(),
  /** Team mode: a trusted proxy (SSO) names the operator; the dashboard has no sign-in of its own. */
  proxy: z.boolean(),
});
export type SignInOptions = z.infer<typeof signInOptionsSchema>;
