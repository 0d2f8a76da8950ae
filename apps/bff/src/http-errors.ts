// Errors the routes throw on purpose, already in the API's shape; the error handler sends them as is.
import type { ApiError, ApiErrorCode } from '@zomro-dash/shared';

export class HttpError extends Error {
  constructor(
    readonly statusCode: number,
    readonly code: ApiErrorCode,
    message: string,
    readonly extra: {
      details?: ApiError['details'];
      upstream?: { type: string; object: string };
      headers?: Record<string, string>;
    } = {},
  ) {
    super(message);
    this.name = 'HttpError';
  }
}

export const httpErrors = {
  unauthenticated: () => new HttpError(401, 'UNAUTHENTICATED', 'Sign in to continue'),
  forbidden: (message = 'This request is not allowed') => new HttpError(403, 'FORBIDDEN', message),
  notFound: (message = 'Not found') => new HttpError(404, 'NOT_FOUND', message),
  unsupportedMediaType: () =>
    new HttpError(415, 'UNSUPPORTED_MEDIA_TYPE', 'Send the request body as application/json'),
};
