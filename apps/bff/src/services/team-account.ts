// Team mode's Zomro account: signed in lazily with ZOMRO_USERNAME/ZOMRO_PASSWORD (and the TOTP
// step when ZOMRO_TOTP_SECRET is set), shared by every operator, renewed once when Zomro says the
// session ended. After a refusal no new attempt for 30 s, doubling up to 10 minutes: Zomro blocks
// an address after repeated failed logins.
import { Secret as TotpKey, TOTP } from 'otpauth';
import type { TeamAccountConfig } from '../config.js';
import type { TeamSessionStore } from '../stores/team-session.js';
import type { ZomroClient } from '../zomro/client.js';
import { ZomroApiError, ZomroBadResponseError, ZomroSessionExpiredError } from '../zomro/errors.js';
import type { ZomroAccess } from './actor.js';

export const FIRST_BACKOFF_MS = 30_000;
export const MAX_BACKOFF_MS = 600_000;

export type TeamAccountStatus = 'ok' | 'rejected' | 'not-signed-in';

/** The configured account is refused (or waiting out a refusal): 503 UPSTREAM_ACCOUNT_REJECTED. */
export class TeamAccountRejectedError extends Error {
  constructor(readonly retryAfterSeconds: number) {
    super('Zomro does not accept the dashboard’s Zomro account');
    this.name = 'TeamAccountRejectedError';
  }
}

export interface TeamAccountLogger {
  info(details: object, message: string): void;
  error(details: object, message: string): void;
}

export class TeamAccount implements ZomroAccess {
  readonly #client: ZomroClient;
  readonly #config: TeamAccountConfig;
  readonly #store: TeamSessionStore;
  readonly #logger: TeamAccountLogger;
  readonly #now: () => number;
  #status: TeamAccountStatus = 'not-signed-in';

  constructor(options: {
    client: ZomroClient;
    config: TeamAccountConfig;
    store: TeamSessionStore;
    logger: TeamAccountLogger;
    now?: () => number;
  }) {
    this.#client = options.client;
    this.#config = options.config;
    this.#store = options.store;
    this.#logger = options.logger;
    this.#now = options.now ?? Date.now;
  }

  get username(): string {
    return this.#config.username;
  }

  /** What /api/health reports; no call to Zomro. */
  async status(): Promise<TeamAccountStatus> {
    if (await this.#store.refusal()) return 'rejected';
    if ((await this.#store.token()) !== null) return 'ok';
    return this.#status === 'rejected' ? 'rejected' : 'not-signed-in';
  }

  /**
   * Runs `call` with the shared token. When Zomro says the session ended, the account signs in
   * again (once, however many requests met the expiry) and the call is made once more.
   */
  async run<T>(call: (token: string) => Promise<T>): Promise<T> {
    const token = (await this.#store.token()) ?? (await this.#renew(null));
    try {
      return await call(token);
    } catch (error) {
      if (!(error instanceof ZomroSessionExpiredError)) throw error;
      const renewed = await this.#renew(token);
      try {
        return await call(renewed);
      } catch (again) {
        // Not the operator's session: a 401 would sign them out of the dashboard for nothing.
        if (again instanceof ZomroSessionExpiredError) {
          throw new ZomroBadResponseError('Zomro ended a session it had just opened', again.func);
        }
        throw again;
      }
    }
  }

  async #renew(stale: string | null): Promise<string> {
    await this.#refuseDuringBackoff();
    return this.#store.renew(stale, () => this.#signIn());
  }

  async #refuseDuringBackoff(): Promise<void> {
    const refusal = await this.#store.refusal();
    if (refusal && refusal.retryAt > this.#now()) {
      throw new TeamAccountRejectedError(Math.ceil((refusal.retryAt - this.#now()) / 1000));
    }
  }

  async #signIn(): Promise<string> {
    // Another request may have met a refusal while this one waited for the renewal.
    await this.#refuseDuringBackoff();
    const { username, password, totpSecret } = this.#config;
    let token: string;
    try {
      const result = await this.#client.signIn(username, password.reveal());
      token = result.token;
      if (result.totpRequired) {
        if (totpSecret === null) {
          this.#client.signOut(token).catch(() => undefined);
          return await this.#refused('two-factor', 'the account needs ZOMRO_TOTP_SECRET');
        }
        token = await this.#client.confirmTotp(token, this.#code(totpSecret.reveal()));
      }
    } catch (error) {
      if (error instanceof ZomroApiError) {
        return this.#refused(error.object || error.type, 'Zomro refused the configured account');
      }
      throw error;
    }
    await this.#store.setRefusal(null);
    this.#status = 'ok';
    this.#logger.info({ account: username }, 'signed in to Zomro with the team account');
    return token;
  }

  #code(secret: string): string {
    const key = TotpKey.fromBase32(secret.replace(/\s/g, '').toUpperCase());
    return new TOTP({ secret: key, digits: 6, period: 30, algorithm: 'SHA1' }).generate({
      timestamp: this.#now(),
    });
  }

  async #refused(reason: string, message: string): Promise<never> {
    const previous = await this.#store.refusal();
    const failures = (previous?.failures ?? 0) + 1;
    const waitMs = Math.min(FIRST_BACKOFF_MS * 2 ** (failures - 1), MAX_BACKOFF_MS);
    await this.#store.setRefusal({ failures, retryAt: this.#now() + waitMs });
    this.#status = 'rejected';
    this.#logger.error(
      { account: this.#config.username, reason, retryInSeconds: waitMs / 1000 },
      `${message} (ZOMRO_USERNAME / ZOMRO_PASSWORD): check them; no new attempt before the wait ends`,
    );
    throw new TeamAccountRejectedError(Math.ceil(waitMs / 1000));
  }
}
