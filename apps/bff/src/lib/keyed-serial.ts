// Runs tasks one at a time per key (tasks with different keys run concurrently). Used to send
// Zomro one change per instance at a time: it refuses concurrent operations ("Request in process").

export class KeyedSerial {
  readonly #tails = new Map<string, Promise<unknown>>();

  run<T>(key: string, task: () => Promise<T>): Promise<T> {
    const previous = this.#tails.get(key) ?? Promise.resolve();
    // Whatever the previous task did, ours starts after it has settled.
    const result = previous.then(task, task);
    const tail = result.then(
      () => undefined,
      () => undefined,
    );
    this.#tails.set(key, tail);
    void tail.then(() => {
      // The last one out removes the key so that the map does not grow with every instance seen.
      if (this.#tails.get(key) === tail) this.#tails.delete(key);
    });
    return result;
  }

  /** Keys with a task running or waiting (for tests). */
  get size(): number {
    return this.#tails.size;
  }
}
