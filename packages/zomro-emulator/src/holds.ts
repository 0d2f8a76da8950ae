// Holds that keep calls waiting until a test lets them go: an explicit barrier for tests that need
// calls to be in flight together (a bound on concurrency reached, reads that must overlap), where
// a latency would only make the overlap likely — and not on a busy machine.
import type { CallHold } from './types.js';

interface Gate {
  func: string | undefined;
  /** How many calls it still takes. */
  left: number;
  held: number;
  open: () => void;
  opened: Promise<void>;
}

export class CallHolds {
  #gates: Gate[] = [];

  /** Holds the next `count` calls of `func` (every function when it is undefined). */
  add(func: string | undefined, count: number): CallHold {
    if (!Number.isInteger(count) || count < 1) throw new Error('A hold takes a positive count');
    let open!: () => void;
    const opened = new Promise<void>((resolve) => (open = resolve));
    const gate: Gate = { func, left: count, held: 0, open, opened };
    this.#gates.push(gate);
    return {
      get held() {
        return gate.held;
      },
      release: () => this.#release(gate),
    };
  }

  /** Waits at the first gate that still takes a call of `func`; at once when none does. */
  async pass(func: string): Promise<void> {
    const gate = this.#gates.find((g) => g.left > 0 && (g.func === undefined || g.func === func));
    if (!gate) return;
    gate.left -= 1;
    gate.held += 1;
    await gate.opened;
    gate.held -= 1;
  }

  /** Lets every held call go (a reset must never leave a call waiting for ever). */
  releaseAll(): void {
    for (const gate of [...this.#gates]) this.#release(gate);
  }

  #release(gate: Gate): void {
    gate.left = 0;
    gate.open();
    this.#gates = this.#gates.filter((g) => g !== gate);
  }
}
