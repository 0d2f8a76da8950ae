// Typed failures of calls to Zomro. None of them carries the session token, the password or the
// request body: they are safe to log and to map to API errors.

/** Base class: something went wrong talking to Zomro. */
export abstract class ZomroError extends Error {
  abstract readonly kind: string;
  constructor(
    message: string,
    /** The function that was called (`instances`, `auth`, …), for logs. */
    readonly func: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = new.target.name;
  }
}

/** A field Zomro named as wrong in a JSON `$object`. */
export interface ZomroFieldError {
  /** Zomro's name (`rotation_time`). */
  zomroField: string;
  /** The API's name (`time`). */
  field: string;
  message: string;
}

/** Zomro answered with `doc.error` (HTTP 200, as it always does). */
export class ZomroApiError extends ZomroError {
  readonly kind = 'api';
  constructor(
    func: string,
    /** `doc.error.$type`: `access`, `missed`, `value`, `auth`, … */
    readonly type: string,
    /**
     * `doc.error.$object`: the field or the reason (`badpassword`, `runningoperation`, …); may be
     * empty. For a JSON `$object`, its first field.
     */
    readonly object: string,
    /** `doc.error.msg.$`, Zomro's sentence (asked for in English; may come in Russian); may be empty. */
    readonly upstreamMessage: string,
    /** The fields of a JSON `$object`, when Zomro sent one. */
    readonly fields: readonly ZomroFieldError[] = [],
  ) {
    super(upstreamMessage || `Zomro refused ${func} (${type}${object ? `/${object}` : ''})`, func);
  }
}

/** An `access` error that `keepalive` confirmed: the Zomro session is over. */
export class ZomroSessionExpiredError extends ZomroError {
  readonly kind = 'session-expired';
  constructor(func: string) {
    super('The Zomro session has expired', func);
  }
}

/** HTTP 403 or 460 from Zomro's edge: this server's IP is blocked for a while. */
export class ZomroBlockedError extends ZomroError {
  readonly kind = 'blocked';
  constructor(
    func: string,
    readonly status: number,
  ) {
    super(`Zomro refused the connection with HTTP ${status}`, func);
  }
}

/** An answer that is not the JSON envelope: not JSON, no `doc`, an unexpected HTTP status. */
export class ZomroBadResponseError extends ZomroError {
  readonly kind = 'bad-response';
}

/** No answer: the connection could not be made or broke. */
export class ZomroUnavailableError extends ZomroError {
  readonly kind = 'unavailable';
}

/** No answer within ZOMRO_TIMEOUT_MS. */
export class ZomroTimeoutError extends ZomroError {
  readonly kind = 'timeout';
}
