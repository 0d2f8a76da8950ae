// Where dashboard sessions live: behind an interface so that a shared store (Redis) can replace the
// in-memory one when several BFF processes serve the same users.

/** Personal mode: an operator signed in with their own Zomro account. */
export interface ZomroSession {
  kind: 'zomro';
  /** The Zomro username, which is also the operator's name. */
  username: string;
  /** Zomro's session id (`auth=`). Never leaves the server. */
  zomroToken: string;
  /** Signed in to a two-factor account, code not confirmed yet: nothing but the code is allowed. */
  totpPending: boolean;
  /** The memory store's count of codes tried while `totpPending` (see `countTotpCode`). */
  totpAttempts?: number;
  createdAt: number;
}

/**
 * Team mode: an operator from the operators file. Their role is looked up on every request, so
 * that a changed or removed operator takes effect at once.
 */
export interface OperatorSession {
  kind: 'operator';
  username: string;
  /** Fingerprint of the password hash signed in with: a changed password ends the session. */
  credential?: string;
  createdAt: number;
}

export type DashboardSession = ZomroSession | OperatorSession;

export interface SessionStore {
  get(id: string): Promise<DashboardSession | undefined>;
  /** Stores (or refreshes) a session that ends `ttlMs` after this call unless set again. */
  set(id: string, session: DashboardSession, ttlMs: number): Promise<void>;
  /**
   * Pushes the end of a session that still exists to `ttlMs` from now; false (and nothing stored)
   * when it is gone, so that a request still running when its session was signed out cannot
   * bring it back.
   */
  touch(id: string, ttlMs: number): Promise<boolean>;
  /**
   * Counts one more two-factor code for a half-signed-in session, atomically (no two requests get
   * the same count, in any process), before the code is sent; the count with this one, or null
   * when the session is gone. `ttlMs`: how long the count must be kept.
   */
  countTotpCode(id: string, ttlMs: number): Promise<number | null>;
  delete(id: string): Promise<void>;
  close?(): Promise<void>;
}

interface Entry {
  session: DashboardSession;
  expiresAt: number;
}

export class MemorySessionStore implements SessionStore {
  readonly #entries = new Map<string, Entry>();
  readonly #now: () => number;
  readonly #sweeper: NodeJS.Timeout;

  constructor(options: { now?: () => number; sweepIntervalMs?: number } = {}) {
    this.#now = options.now ?? Date.now;
    // Expired entries are refused on read anyway; the sweep only gives the memory back.
    this.#sweeper = setInterval(() => this.sweep(), options.sweepIntervalMs ?? 60_000);
    this.#sweeper.unref();
  }

  get(id: string): Promise<DashboardSession | undefined> {
    const entry = this.#entries.get(id);
    if (entry === undefined) return Promise.resolve(undefined);
    if (entry.expiresAt <= this.#now()) {
      this.#entries.delete(id);
      return Promise.resolve(undefined);
    }
    return Promise.resolve(entry.session);
  }

  set(id: string, session: DashboardSession, ttlMs: number): Promise<void> {
    this.#entries.set(id, { session, expiresAt: this.#now() + ttlMs });
    return Promise.resolve();
  }

  touch(id: string, ttlMs: number): Promise<boolean> {
    const entry = this.#entries.get(id);
    if (entry === undefined || entry.expiresAt <= this.#now()) return Promise.resolve(false);
    entry.expiresAt = this.#now() + ttlMs;
    return Promise.resolve(true);
  }

  countTotpCode(id: string): Promise<number | null> {
    const entry = this.#entries.get(id);
    if (entry === undefined || entry.expiresAt <= this.#now() || entry.session.kind !== 'zomro') {
      return Promise.resolve(null);
    }
    // Read and written in one turn of the event loop: nothing can come in between.
    const count = (entry.session.totpAttempts ?? 0) + 1;
    entry.session = { ...entry.session, totpAttempts: count };
    return Promise.resolve(count);
  }

  delete(id: string): Promise<void> {
    this.#entries.delete(id);
    return Promise.resolve();
  }

  sweep(): void {
    const now = this.#now();
    for (const [id, entry] of this.#entries) if (entry.expiresAt <= now) this.#entries.delete(id);
  }

  get size(): number {
    return this.#entries.size;
  }

  close(): Promise<void> {
    clearInterval(this.#sweeper);
    return Promise.resolve();
  }
}
