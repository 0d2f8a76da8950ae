// Coordinates a lost session: requests that meet a 401 wait here while the sign-in dialog is
// open, and are sent again once the operator has signed in, so no page or form is lost — unless
// someone else signs in: then they are dropped, never sent with the new user's cookie.
import { useSyncExternalStore } from 'react';

interface Waiting {
  promise: Promise<void>;
  resolve: () => void;
  reject: (reason: unknown) => void;
}

let waiting: Waiting | null = null;
// After the operator closed the dialog, background reads fail at once instead of asking again.
let dismissed = false;
const listeners = new Set<() => void>();

function notify() {
  for (const listener of listeners) listener();
}

/** A request that waited for sign-in and was dropped because another user signed in. */
export class RequestDroppedError extends Error {
  constructor() {
    super('Dropped: another user signed in');
    this.name = 'RequestDroppedError';
  }
}

export function isDropped(error: unknown): boolean {
  return error instanceof RequestDroppedError;
}

export const sessionExpiry = {
  /** Resolves when the operator has signed in again; rejects when they give up. */
  waitForSignIn: (): Promise<void> => {
    if (!waiting) {
      let resolve!: () => void;
      let reject!: (reason: unknown) => void;
      const promise = new Promise<void>((res, rej) => {
        resolve = res;
        reject = rej;
      });
      waiting = { promise, resolve, reject };
      notify();
    }
    return waiting.promise;
  },
  signedIn: (): void => {
    const current = waiting;
    waiting = null;
    dismissed = false;
    current?.resolve();
    notify();
  },
  /** Someone else signed in: the waiting requests (the last user's) are dropped, not sent. */
  userChanged: (): void => {
    const current = waiting;
    waiting = null;
    dismissed = false;
    current?.reject(new RequestDroppedError());
    notify();
  },
  /** The operator closed the dialog: the waiting requests fail with this reason. */
  dismiss: (reason: unknown): void => {
    const current = waiting;
    waiting = null;
    dismissed = true;
    current?.reject(reason);
    notify();
  },
  /** The operator closed the sign-in dialog and has not signed in since. */
  wasDismissed: (): boolean => dismissed,
  /** The operator asks to sign in (a "Sign in again" button): opens the dialog. */
  requestSignIn: (): Promise<void> => {
    dismissed = false;
    return sessionExpiry.waitForSignIn();
  },
  isExpired: (): boolean => {
    return waiting !== null;
  },
  subscribe: (listener: () => void): (() => void) => {
    listeners.add(listener);
    return () => listeners.delete(listener);
  },
};

export function useSessionExpired(): boolean {
  return useSyncExternalStore(sessionExpiry.subscribe, sessionExpiry.isExpired, () => false);
}
