// Limits on failed sign-ins, per client address and per username from that address
// (@fastify/rate-limit's counters): every operator reaches Zomro from the BFF's one address, so one
// client guessing passwords would trip Zomro's per-IP block for everyone. Only failures count (a
// wrong password, a wrong two-factor code), so normal use (a few sign-ins a minute, a whole office
// behind one address) never meets the limit; attempts still running count as failures until they
// end, so a burst sent at once is held back as well. The username is counted together with the
// address, so that failures from elsewhere never lock its owner out. Decisions 041, 081.
import rateLimit, { type RateLimitPluginOptions } from '@fastify/rate-limit';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import { HttpError } from '../http-errors.js';

/** Error codes that are a guess gone wrong (whatever class carries them). */
const FAILURES = new Set(['BAD_CREDENTIALS', 'TOTP_INVALID']);

export interface SignInLimitConfig {
  /** Failed sign-ins one client address may make in `windowMs`. */
  failuresPerAddress: number;
  /** Failed sign-ins (or codes) to one username from one address in `windowMs`. */
  failuresPerUsername: number;
  windowMs: number;
}

export const SIGN_IN_LIMITS: SignInLimitConfig = {
  failuresPerAddress: 10,
  failuresPerUsername: 5,
  windowMs: 5 * 60_000,
};

/** Where the counters live: memory by default; `redis` (or a `store`) shares them across processes. */
export type RateLimitStoreOptions = Pick<RateLimitPluginOptions, 'redis' | 'store' | 'nameSpace'>;

export interface SignInLimits {
  /**
   * Runs a sign-in attempt (a password, or a two-factor code) unless the address, or the username
   * from this address, failed too often (429 `RATE_LIMITED` with `Retry-After`); counts it when it
   * fails with `BAD_CREDENTIALS` or `TOTP_INVALID`.
   */
  attempt<T>(request: FastifyRequest, username: string, signIn: () => Promise<T>): Promise<T>;
}

declare module 'fastify' {
  interface FastifyInstance {
    signInLimits: SignInLimits;
  }
}

const isFailure = (error: unknown) =>
  typeof error === 'object' &&
  error !== null &&
  FAILURES.has(String((error as { code?: unknown }).code));

export default fp(
  async (
    app: FastifyInstance,
    options: { limits?: SignInLimitConfig; store?: RateLimitStoreOptions },
  ) => {
    const limits = options.limits ?? SIGN_IN_LIMITS;
    await app.register(rateLimit, { global: false, ...options.store });
    const keyed = (prefix: string, max: number) => ({
      max,
      prefix,
      check: app.createRateLimit({
        max,
        timeWindow: limits.windowMs,
        keyGenerator: (request) => `${prefix}${keyOf.get(request) ?? ''}`,
      }),
    });
    // The key a limiter counts for this request (the address, or the username).
    const keyOf = new WeakMap<FastifyRequest, string>();
    const byAddress = keyed('sign-in-address:', limits.failuresPerAddress);
    const byUsername = keyed('sign-in-username:', limits.failuresPerUsername);
    /** Attempts running now, by counter key: failures until they end. */
    const running = new Map<string, number>();
    const bump = (key: string, by: number) => {
      const next = (running.get(key) ?? 0) + by;
      if (next <= 0) running.delete(key);
      else running.set(key, next);
    };

    async function read(limiter: typeof byAddress, request: FastifyRequest, key: string) {
      keyOf.set(request, key);
      const state = await limiter.check(request, { increment: false });
      const used = limiter.max - (state.isAllowed ? 0 : state.remaining);
      return {
        full: !state.isAllowed && used + (running.get(limiter.prefix + key) ?? 0) >= limiter.max,
        // Nothing counted yet (a burst still running): those attempts end within seconds.
        retryAfter: state.isAllowed || state.ttlInSeconds <= 0 ? 5 : state.ttlInSeconds,
      };
    }

    async function count(limiter: typeof byAddress, request: FastifyRequest, key: string) {
      keyOf.set(request, key);
      await limiter.check(request);
    }

    const signInLimits: SignInLimits = {
      async attempt(request, username, signIn) {
        const address = request.ip;
        const name = username.trim().toLowerCase();
        const checks = [
          [byAddress, address],
          // A space cannot be in an address: no two pairs share a key.
          [byUsername, `${name} ${address}`],
        ] as const;
        for (const [limiter, key] of checks) {
          const { full, retryAfter } = await read(limiter, request, key);
          if (full) {
            request.log.warn({ limit: limiter.prefix }, 'sign-in refused: too many failures');
            // On the trail too (who was tried, from where); a broken trail does not lift the limit.
            await app.services.accounts
              .signInRefused(username, address, 'RATE_LIMITED')
              .catch((error: unknown) =>
                request.log.error({ err: error }, 'could not record a refused sign-in'),
              );
            throw new HttpError(
              429,
              'RATE_LIMITED',
              'Too many failed sign-ins; wait a few minutes and try again',
              { headers: { 'retry-after': String(retryAfter) } },
            );
          }
        }
        for (const [limiter, key] of checks) bump(limiter.prefix + key, 1);
        try {
          return await signIn();
        } catch (error) {
          if (isFailure(error)) {
            for (const [limiter, key] of checks) await count(limiter, request, key);
          }
          throw error;
        } finally {
          for (const [limiter, key] of checks) bump(limiter.prefix + key, -1);
        }
      },
    };
    app.decorate('signInLimits', signInLimits);
  },
  { name: 'sign-in-limits' },
);
