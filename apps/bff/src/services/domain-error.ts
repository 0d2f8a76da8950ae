// What a service throws when it refuses or cannot do something: a code from packages/shared and a
// sentence for the operator, never an HTTP status — the error handler alone maps codes to statuses
// (src/error-mapping.ts), so services know nothing of HTTP.
import type { ApiError, ApiErrorCode } from '@zomro-dash/shared';

export class DomainError extends Error {
  constructor(
    readonly code: ApiErrorCode,
    message: string,
    readonly extra: {
      details?: ApiError['details'];
      /** Zomro's error type and object, for the log (shown only on a refusal). */
      upstream?: { type: string; object: string };
      /** When trying again may help. */
      retryAfterSeconds?: number;
    } = {},
  ) {
    super(message);
    this.name = 'DomainError';
  }
}
