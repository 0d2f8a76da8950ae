// Signing in to the dashboard with Zomro credentials, and the second step for two-factor accounts.
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

export const sessionUserSchema = z.object({ username: z.string() });
export type SessionUser = z.infer<typeof sessionUserSchema>;

export const sessionResponseSchema = z.object({ user: sessionUserSchema });
export const totpRequiredResponseSchema = z.object({ totpRequired: z.literal(true) });
export const signInResponseSchema = z.union([sessionResponseSchema, totpRequiredResponseSchema]);
export type SignInResponse = z.infer<typeof signInResponseSchema>;

export const healthResponseSchema = z.object({
  status: z.literal('ok'),
  upstream: z.enum(['emulator', 'zomro']),
});
export type HealthResponse = z.infer<typeof healthResponseSchema>;
