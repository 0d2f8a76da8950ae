// Team mode's shared Zomro session: the one token every operator's request uses, and the back-off
// after Zomro refused the configured account. Behind an interface so that several BFF processes
// can share one token, and one renewal, through Redis.

/** Zomro refused the account: no new sign-in before `retryAt`. */
export interface TeamRefusal {
  /** Refusals in a row; the wait doubles with each. */
  failures: number;
  /** Epoch milliseconds. */
  retryAt: number;
}

export interface TeamSessionStore {
  /** The shared token, or null when the account is not signed in. */
  token(): Promise<string | null>;
  /**
   * Replaces `stale` (null: no token yet) with the token `signIn` gets, once: concurrent callers
   * with the same stale token share one sign-in, and a caller whose stale token was replaced
   * already gets the current one without a sign-in.
   */
  renew(stale: string | null, signIn: () => Promise<string>): Promise<string>;
  refusal(): Promise<TeamRefusal | null>;
  setRefusal(refusal: TeamRefusal | null): Promise<void>;
  close?(): Promise<void>;
}

export class MemoryTeamSessionStore implements TeamSessionStore {
  #token: string | null = null;
  #renewal: Promise<string> | null = null;
  #refusal: TeamRefusal | null = null;

  token(): Promise<string | null> {
    return Promise.resolve(this.#token);
  }

  renew(stale: string | null, signIn: () => Promise<string>): Promise<string> {
    if (this.#renewal) return this.#renewal;
    if (this.#token !== null && this.#token !== stale) return Promise.resolve(this.#token);
    const renewal = signIn().then(
      (token) => {
        this.#token = token;
        return token;
      },
      (error: unknown) => {
        if (this.#token === stale) this.#token = null;
        throw error;
      },
    );
    this.#renewal = renewal.finally(() => {
      this.#renewal = null;
    });
    return this.#renewal;
  }

  refusal(): Promise<TeamRefusal | null> {
    return Promise.resolve(this.#refusal);
  }

  setRefusal(refusal: TeamRefusal | null): Promise<void> {
    this.#refusal = refusal;
    return Promise.resolve();
  }
}
