// The per-instance change lock: Zomro refuses concurrent operations ("Request in process"), so
// changes to one instance of one Zomro account run one at a time. Behind an interface so that a
// Redis lock can replace this in-process queue when several BFF processes share the work.

/** More changes are waiting for this instance than the queue takes. */
export class LockQueueFullError extends Error {
  constructor(readonly key: string) {
    super('Too many changes are waiting for this instance');
    this.name = 'LockQueueFullError';
  }
}

/** The request went away before its turn came: the change was never started. */
export class LockWaitAbortedError extends Error {
  constructor() {
    super('The request was aborted while waiting for the instance');
    this.name = 'LockWaitAbortedError';
  }
}

/**
 * The lock could not be kept while the change ran (its renewal failed or found it taken): the
 * change is failed rather than run on unguarded. If it was sent, its outcome is unknown.
 */
export class LockLostError extends Error {
  constructor(options?: { cause?: unknown }) {
    super('The instance lock was lost while the change ran', options);
    this.name = 'LockLostError';
  }
}

export interface InstanceLocks {
  /**
   * Runs `task` once it holds the lock of `key` (tasks of other keys run meanwhile). Throws
   * LockQueueFullError when too many tasks wait already, LockWaitAbortedError when `signal`
   * aborts before the task started.
   */
  run<T>(key: string, task: () => Promise<T>, options?: { signal?: AbortSignal }): Promise<T>;
  close?(): Promise<void>;
}

interface Waiter {
  start: () => void;
  cancel: () => void;
}

interface Lane {
  running: boolean;
  waiting: Waiter[];
}

/** A lock per key in this process: a FIFO queue with a bound on how many may wait. */
export class MemoryInstanceLocks implements InstanceLocks {
  readonly #lanes = new Map<string, Lane>();
  readonly #maxWaiting: number;

  constructor(options: { maxWaiting?: number } = {}) {
    this.#maxWaiting = options.maxWaiting ?? 8;
  }

  async run<T>(key: string, task: () => Promise<T>, options: { signal?: AbortSignal } = {}) {
    const { signal } = options;
    if (signal?.aborted) throw new LockWaitAbortedError();
    let lane = this.#lanes.get(key);
    if (!lane) {
      lane = { running: false, waiting: [] };
      this.#lanes.set(key, lane);
    }
    if (lane.running) await this.#wait(key, lane, signal);
    lane.running = true;
    try {
      return await task();
    } finally {
      this.#release(key, lane);
    }
  }

  #wait(key: string, lane: Lane, signal: AbortSignal | undefined): Promise<void> {
    if (lane.waiting.length >= this.#maxWaiting) throw new LockQueueFullError(key);
    return new Promise<void>((resolve, reject) => {
      const onAbort = () => {
        lane.waiting = lane.waiting.filter((w) => w !== waiter);
        reject(new LockWaitAbortedError());
      };
      const waiter: Waiter = {
        start: () => {
          signal?.removeEventListener('abort', onAbort);
          resolve();
        },
        cancel: onAbort,
      };
      lane.waiting.push(waiter);
      signal?.addEventListener('abort', onAbort, { once: true });
    });
  }

  #release(key: string, lane: Lane): void {
    const next = lane.waiting.shift();
    if (next) {
      // The lane stays taken: the next task starts in its own microtask.
      next.start();
      return;
    }
    lane.running = false;
    this.#lanes.delete(key);
  }

  /** Keys with a task running or waiting (for tests). */
  get size(): number {
    return this.#lanes.size;
  }
}
