// Creates answered 202 pending (Zomro accepted them, their row did not show in time) are followed
// up off the request: the list is read again a few times over about a minute, and the audit entry,
// recorded `pending`, gets its last word — `ok` with the schedule's id, or `unknown`.
import type { ListedSchedule } from '../zomro/mappers.js';

/** Waits before each look after the 202 (the request already looked for ~2.5 s). */
export const FOLLOW_UP_DELAYS_MS = [5_000, 15_000, 40_000];

export interface PendingCreateLogger {
  warn(details: object, message: string): void;
}

export class PendingCreates {
  readonly #sleep: (ms: number) => Promise<void>;
  readonly #running = new Set<Promise<void>>();
  /** Resolves when the process stops: a follow-up stops waiting and leaves the entry pending. */
  readonly #stopped: Promise<void>;
  #stop!: () => void;
  #closed = false;

  constructor(sleep: (ms: number) => Promise<void>) {
    this.#sleep = sleep;
    this.#stopped = new Promise((resolve) => (this.#stop = resolve));
  }

  /**
   * Looks with `look` (the row, null when not there, throws when the list cannot be read) until
   * it shows or the delays run out, then tells `close` what it found (null: never showed).
   */
  follow(
    look: () => Promise<ListedSchedule | null>,
    close: (made: ListedSchedule | null) => Promise<void>,
  ): void {
    const run = (async () => {
      for (const delay of FOLLOW_UP_DELAYS_MS) {
        const stopped = await Promise.race([
          this.#sleep(delay).then(() => false),
          this.#stopped.then(() => true),
        ]);
        if (stopped || this.#closed) return;
        const made = await look().catch(() => null);
        if (made) return close(made);
      }
      if (!this.#closed) await close(null);
    })().catch(() => undefined);
    this.#running.add(run);
    void run.finally(() => this.#running.delete(run));
  }

  /** Resolves when every follow-up running now has ended (tests; a graceful stop). */
  async settled(): Promise<void> {
    while (this.#running.size > 0) await Promise.all([...this.#running]);
  }

  /** Stops waiting: follow-ups between looks end, their entries stay `pending`. */
  async close(): Promise<void> {
    this.#closed = true;
    this.#stop();
    await this.settled();
  }
}
