// Idempotency keys for one apply-to-many run. The same request sent again before its answer came
// (a submit after a lost connection, a second click) carries the same key, so the BFF answers the
// first results and creates nothing twice; once an answer came, the same request (a retry of
// servers that failed) is a new attempt and gets a new key.

export class RunKeys {
  readonly #pending = new Map<string, string>();
  readonly #newKey: () => string;

  constructor(newKey: () => string = () => crypto.randomUUID()) {
    this.#newKey = newKey;
  }

  /** The key for this request: the pending one if the same request is still unanswered. */
  keyFor(request: unknown): string {
    const id = JSON.stringify(request);
    let key = this.#pending.get(id);
    if (key === undefined) {
      key = this.#newKey();
      this.#pending.set(id, key);
    }
    return key;
  }

  /** The request was answered: sending it again is a new attempt. */
  answered(request: unknown): void {
    this.#pending.delete(JSON.stringify(request));
  }
}
