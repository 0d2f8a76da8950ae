// Idempotency records for creates: a repeat of an `Idempotency-Key` (a retry after a lost answer, a
// double click) gets the first answer instead of a second schedule. Behind an interface so that
// Redis can hold them for several BFF processes; this one is in memory, bounded and expiring.

/** The answer the first request got, replayed to its repeats. */
export interface StoredResult {
  status: number;
  body: unknown;
}

export type IdempotencyClaim =
  /** The caller owns the key now and must `complete` or `release` it. */
  | {
      state: 'claimed';
      /**
       * A previous attempt whose outcome is unknown (Zomro's answer was lost): the schedule ids
       * listed before it, so the new owner can look for what it may have made.
       */
      unknownSince?: readonly string[];
    }
  | { state: 'done'; result: StoredResult }
  /** The key was used with another request body. */
  | { state: 'mismatch' };

export interface IdempotencyStore {
  /**
   * Claims `key` for a request with this `fingerprint`. While another request holds the key,
   * waits for it to finish and then answers as if it came after.
   */
  claim(key: string, fingerprint: string): Promise<IdempotencyClaim>;
  complete(key: string, result: StoredResult): Promise<void>;
  /** Nothing was done (e.g. Zomro was busy): the key is free for a retry. */
  release(key: string): Promise<void>;
  /** The outcome is unknown: a retry must first look for a schedule that is not in `beforeIds`. */
  markUnknown(key: string, beforeIds: readonly string[]): Promise<void>;
  close?(): Promise<void>;
}

interface Entry {
  fingerprint: string;
  expiresAt: number;
  state: 'running' | 'done' | 'unknown';
  result?: StoredResult;
  beforeIds?: readonly string[];
  /** Resolved when a running claim ends. */
  settled?: Promise<void>;
  settle?: () => void;
}

export const IDEMPOTENCY_TTL_MS = 24 * 60 * 60 * 1000;

export class MemoryIdempotencyStore implements IdempotencyStore {
  readonly #entries = new Map<string, Entry>();
  readonly #maxEntries: number;
  readonly #ttlMs: number;
  readonly #now: () => number;

  constructor(options: { maxEntries?: number; ttlMs?: number; now?: () => number } = {}) {
    this.#maxEntries = options.maxEntries ?? 10_000;
    this.#ttlMs = options.ttlMs ?? IDEMPOTENCY_TTL_MS;
    this.#now = options.now ?? Date.now;
  }

  async claim(key: string, fingerprint: string): Promise<IdempotencyClaim> {
    for (;;) {
      const entry = this.#live(key);
      if (!entry) {
        this.#start(key, fingerprint);
        return { state: 'claimed' };
      }
      if (entry.fingerprint !== fingerprint) return { state: 'mismatch' };
      if (entry.state === 'done') return { state: 'done', result: entry.result! };
      if (entry.state === 'unknown') {
        const beforeIds = entry.beforeIds ?? [];
        this.#start(key, fingerprint);
        return { state: 'claimed', unknownSince: beforeIds };
      }
      await entry.settled;
    }
  }

  complete(key: string, result: StoredResult): Promise<void> {
    this.#finish(key, (entry) => Object.assign(entry, { state: 'done', result }));
    return Promise.resolve();
  }

  release(key: string): Promise<void> {
    this.#finish(key, () => this.#entries.delete(key));
    return Promise.resolve();
  }

  markUnknown(key: string, beforeIds: readonly string[]): Promise<void> {
    this.#finish(key, (entry) => Object.assign(entry, { state: 'unknown', beforeIds }));
    return Promise.resolve();
  }

  get size(): number {
    return this.#entries.size;
  }

  #live(key: string): Entry | undefined {
    const entry = this.#entries.get(key);
    if (entry && entry.state !== 'running' && entry.expiresAt <= this.#now()) {
      this.#entries.delete(key);
      return undefined;
    }
    return entry;
  }

  #start(key: string, fingerprint: string): void {
    let settle!: () => void;
    const settled = new Promise<void>((resolve) => (settle = resolve));
    this.#entries.delete(key);
    this.#entries.set(key, {
      fingerprint,
      expiresAt: this.#now() + this.#ttlMs,
      state: 'running',
      settled,
      settle,
    });
    this.#evict();
  }

  #finish(key: string, update: (entry: Entry) => void): void {
    const entry = this.#entries.get(key);
    if (!entry || entry.state !== 'running') return;
    const settle = entry.settle;
    update(entry);
    delete entry.settled;
    delete entry.settle;
    settle?.();
  }

  /** Oldest finished records go first once the map is full; running ones are never dropped. */
  #evict(): void {
    if (this.#entries.size <= this.#maxEntries) return;
    for (const [key, entry] of this.#entries) {
      if (this.#entries.size <= this.#maxEntries) break;
      if (entry.state !== 'running') this.#entries.delete(key);
    }
  }
}
