// The SPA's one way to the BFF: JSON over fetch with the session cookie. Error bodies
// `{ statusCode, code, message, details }` become ApiError; a lost session waits for sign-in.
// Answers are not parsed with the shared zod schemas here: the BFF checks every answer against
// those schemas before sending it (its serializer), and zod would double the first screen's
// JavaScript budget (docs/decisions/017-first-screen.md). What is checked is what a proxy or an
// older server could get wrong: that a JSON object came back where one was expected.
import type { BackupSchedule, FieldError } from '@zomro-dash/shared';
import type { z } from 'zod';
import { loadMoreTexts } from './i18n';
import { sessionExpiry } from './session-expiry';

/** What a route answers, as its shared schema describes it (a type only: no zod is loaded). */
export type Answer<Schema extends z.ZodType> = z.output<Schema>;

export class ApiError extends Error {
  readonly statusCode: number;
  readonly code: string;
  /** 400: the fields at fault. */
  readonly details: readonly FieldError[];
  /** 412 PRECONDITION_FAILED: the schedule as it is now. */
  readonly current: BackupSchedule | null;
  /** Seconds from `Retry-After` (Zomro busy), when the BFF sent it. */
  readonly retryAfterSeconds: number | null;

  constructor(init: {
    statusCode: number;
    code: string;
    message: string;
    details?: readonly FieldError[] | BackupSchedule;
    retryAfterSeconds?: number | null;
  }) {
    super(init.message);
    this.name = 'ApiError';
    this.statusCode = init.statusCode;
    this.code = init.code;
    this.details = Array.isArray(init.details) ? init.details : [];
    this.current =
      init.details !== undefined && !Array.isArray(init.details)
        ? (init.details as BackupSchedule)
        : null;
    this.retryAfterSeconds = init.retryAfterSeconds ?? null;
  }

  /** The dashboard session (or Zomro's behind it) is gone: signing in again fixes it. */
  get isSessionLost(): boolean {
    return (
      this.statusCode === 401 &&
      (this.code === 'SESSION_EXPIRED' || this.code === 'UNAUTHENTICATED')
    );
  }

  /** Worth a Retry button: the server or Zomro may answer differently next time. */
  get isRetryable(): boolean {
    return this.statusCode === 0 || this.statusCode === 409 || this.statusCode >= 500;
  }
}

export interface RequestOptions {
  method?: 'GET' | 'POST' | 'PUT' | 'DELETE';
  body?: unknown;
  /**
   * Whether the answer must be a JSON object (else BAD_RESPONSE). Default: yes, but for DELETE,
   * which the API answers 204 with no body.
   */
  json?: boolean;
  /** Extra request headers (`Idempotency-Key`, `If-Match`). */
  headers?: Record<string, string>;
  /** Session endpoints answer 401 as a result, not as a lost session. */
  waitForSignInOn401?: boolean;
  /** Statuses that answer the question rather than fail (GET /api/session: 401 is "nobody"). */
  answerStatuses?: readonly number[];
  signal?: AbortSignal;
}

async function readJson(response: Response): Promise<unknown> {
  const text = await response.text();
  if (text.length === 0) return undefined;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return text;
  }
}

async function send<T>(path: string, options: RequestOptions): Promise<T> {
  try {
    return await sendOnce<T>(path, options);
  } catch (error) {
    // The texts that word errors load with the first one (they are not on the first screen's
    // path); when they cannot load, the first screen's own NETWORK_ERROR and UNKNOWN texts speak.
    if (error instanceof ApiError && !options.answerStatuses?.includes(error.statusCode)) {
      await loadMoreTexts().catch(() => undefined);
    }
    throw error;
  }
}

async function sendOnce<T>(path: string, options: RequestOptions): Promise<T> {
  const headers: Record<string, string> = { Accept: 'application/json', ...options.headers };
  if (options.body !== undefined) headers['Content-Type'] = 'application/json';
  let response: Response;
  try {
    response = await fetch(path, {
      method: options.method ?? 'GET',
      headers,
      body: options.body === undefined ? undefined : JSON.stringify(options.body),
      credentials: 'same-origin',
      signal: options.signal,
    });
  } catch (error) {
    if (error instanceof DOMException && error.name === 'AbortError') throw error;
    throw new ApiError({
      statusCode: 0,
      code: 'NETWORK_ERROR',
      message: 'The dashboard server cannot be reached. Check the connection and retry.',
    });
  }
  const body = await readJson(response);
  if (!response.ok) {
    const retryAfter = Number(response.headers.get('Retry-After'));
    throw new ApiError(
      isApiErrorBody(body)
        ? {
            statusCode: body.statusCode,
            code: body.code,
            message: body.message,
            ...(body.details !== undefined && { details: body.details }),
            retryAfterSeconds: Number.isFinite(retryAfter) && retryAfter > 0 ? retryAfter : null,
          }
        : {
            statusCode: response.status,
            code: 'BAD_RESPONSE',
            message:
              `The dashboard server answered ${response.status} ${response.statusText}`.trim(),
          },
    );
  }
  if (!(options.json ?? options.method !== 'DELETE')) return body as T;
  if (typeof body !== 'object' || body === null || Array.isArray(body)) {
    throw new ApiError({
      statusCode: response.status,
      code: 'BAD_RESPONSE',
      message: 'The dashboard server sent an answer this page does not understand.',
    });
  }
  return body as T;
}

/** The API's error shape (`apiErrorSchema` in packages/shared), checked by hand. */
function isApiErrorBody(body: unknown): body is {
  statusCode: number;
  code: string;
  message: string;
  details?: readonly FieldError[] | BackupSchedule;
} {
  if (typeof body !== 'object' || body === null) return false;
  const { statusCode, code, message, details } = body as Record<string, unknown>;
  return (
    Number.isInteger(statusCode) &&
    typeof code === 'string' &&
    typeof message === 'string' &&
    (details === undefined || typeof details === 'object')
  );
}

export async function apiRequest<T>(path: string, options: RequestOptions = {}): Promise<T> {
  for (;;) {
    try {
      return await send(path, options);
    } catch (error) {
      // A request refused for a lost session never reached Zomro's change, so sending it again
      // after sign-in is safe, also for a create.
      if (
        options.waitForSignInOn401 !== false &&
        error instanceof ApiError &&
        error.isSessionLost
      ) {
        // A read in the background after the operator closed the dialog shows the error with a
        // "Sign in again" button instead of opening the dialog again; a change always asks.
        const isRead = (options.method ?? 'GET') === 'GET';
        if (isRead && sessionExpiry.wasDismissed()) throw error;
        await sessionExpiry.waitForSignIn();
        continue;
      }
      throw error;
    }
  }
}
