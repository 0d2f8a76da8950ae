// Every failure in the API's terms, `{ statusCode, code, message, details?, upstream? }`: the
// services' domain codes and Zomro's typed errors mapped to HTTP here and nowhere else, and a 5xx
// never shows internals. The error-handler plugin sends what this answers.
import type { ApiError, FieldError } from '@zomro-dash/shared';
import type { FastifyError } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import { HttpError } from './http-errors.js';
import { DomainError } from './services/domain-error.js';
import { TeamAccountRejectedError } from './services/team-account.js';
import { AuditUnavailableError } from './stores/audit.js';
import { LockLostError, LockQueueFullError, LockWaitAbortedError } from './stores/locks.js';
import { StoreUnavailableError } from './stores/redis-client.js';
import { isAccessError, isBusyError } from './zomro/client.js';
import {
  ZomroApiError,
  ZomroBadResponseError,
  ZomroBlockedError,
  ZomroSessionExpiredError,
  ZomroTimeoutError,
  ZomroUnavailableError,
} from './zomro/errors.js';
import { VALUE_FIELDS } from './zomro/fields.js';

/** Seconds a client should wait before retrying a change Zomro refused as busy. */
export const BUSY_RETRY_AFTER_SECONDS = 5;

export interface MappedError {
  body: ApiError;
  headers: Record<string, string>;
}

function mapped(
  statusCode: number,
  code: ApiError['code'],
  message: string,
  extra: Partial<Pick<ApiError, 'details' | 'upstream'>> = {},
  headers: Record<string, string> = {},
): MappedError {
  return { body: { statusCode, code, message, ...extra }, headers };
}

const EMPTY_BODY = 'The request needs a JSON object as its body';

function fieldErrors(validation: ReadonlyArray<{ instancePath?: string; message?: string }>) {
  return validation.map((issue): FieldError => {
    // `/days/0` → `days.0`: the field's name in the form.
    const path = (issue.instancePath ?? '').replace(/^\//, '').replaceAll('/', '.');
    // The body itself is missing or no object: our words, not the validator's.
    return { path, message: path === '' ? EMPTY_BODY : (issue.message ?? 'Invalid value') };
  });
}

/** A Zomro `doc.error` in the API's terms; Zomro's own sentence is passed on. */
export function mapZomroApiError(error: ZomroApiError): MappedError {
  const upstream = { type: error.type, object: error.object };
  // Fields named in a JSON `$object`, under the names the operator's form uses.
  const fields = error.fields.map(({ field, message }) => ({ path: field, message }));
  if (isBusyError(error)) {
    return mapped(
      409,
      'UPSTREAM_BUSY',
      error.upstreamMessage || 'Zomro is busy with another operation; try again shortly',
      { upstream },
      { 'retry-after': String(BUSY_RETRY_AFTER_SECONDS) },
    );
  }
  // `missed` on a value the BFF sent is a rejection (422); on an id, the thing is gone (404).
  if (error.type === 'missed' && !VALUE_FIELDS.has(error.object)) {
    return mapped(404, 'NOT_FOUND', error.upstreamMessage || 'Zomro does not know this item', {
      upstream,
    });
  }
  if (isAccessError(error)) {
    return mapped(403, 'FORBIDDEN', error.upstreamMessage || 'Zomro refused this operation', {
      upstream,
    });
  }
  return mapped(422, 'UPSTREAM_REJECTED', error.upstreamMessage || 'Zomro refused the request', {
    upstream,
    ...(fields.length > 0 && { details: fields }),
  });
}

/**
 * Any error thrown while handling a request → the response to send. Zomro's internal error
 * type and object (`upstream`) stay in the log, except on a refusal, where they name the field.
 */
export function toApiError(error: unknown): MappedError {
  const result = mapError(error);
  if (result.body.code === 'UPSTREAM_REJECTED' || result.body.upstream === undefined) return result;
  const body = { ...result.body };
  delete body.upstream;
  return { ...result, body };
}

/** The HTTP status of each code a service throws (DomainError); anything else is a 500. */
const DOMAIN_STATUS: Partial<Record<ApiError['code'], number>> = {
  BAD_CREDENTIALS: 401,
  TOTP_INVALID: 401,
  SESSION_EXPIRED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  INSTANCE_BLOCKED: 409,
  PRECONDITION_FAILED: 412,
  IDEMPOTENCY_KEY_REUSED: 422,
  UPSTREAM_BLOCKED: 503,
  AUDIT_UNAVAILABLE: 503,
};

/** The API code an error stands for (audit entries, per-instance results): no status needed. */
export function errorCodeOf(error: unknown): ApiError['code'] {
  return toApiError(error).body.code;
}

/** The code and the operator's sentence of an error (a bulk apply's per-instance results). */
export function errorSummary(error: unknown): { code: ApiError['code']; message: string } {
  const { code, message } = toApiError(error).body;
  return { code, message };
}

function mapError(error: unknown): MappedError {
  if (error instanceof DomainError) {
    const { details, upstream, retryAfterSeconds } = error.extra;
    return mapped(
      DOMAIN_STATUS[error.code] ?? 500,
      error.code,
      error.message,
      { ...(details && { details }), ...(upstream && { upstream }) },
      retryAfterSeconds === undefined ? {} : { 'retry-after': String(retryAfterSeconds) },
    );
  }
  if (error instanceof HttpError) {
    const { details, upstream, headers } = error.extra;
    return mapped(
      error.statusCode,
      error.code,
      error.message,
      { ...(details && { details }), ...(upstream && { upstream }) },
      headers,
    );
  }
  if (hasZodFastifySchemaValidationErrors(error)) {
    return mapped(400, 'VALIDATION_FAILED', 'Some fields are not valid', {
      details: fieldErrors(error.validation),
    });
  }
  if (error instanceof TeamAccountRejectedError) {
    return mapped(
      503,
      'UPSTREAM_ACCOUNT_REJECTED',
      'Zomro does not accept the dashboard’s Zomro account; whoever runs the dashboard must fix ' +
        'ZOMRO_USERNAME / ZOMRO_PASSWORD',
      {},
      { 'retry-after': String(error.retryAfterSeconds) },
    );
  }
  if (error instanceof AuditUnavailableError) {
    return mapped(503, 'AUDIT_UNAVAILABLE', 'The audit trail cannot be written; nothing was sent');
  }
  if (error instanceof LockLostError) {
    return mapped(
      503,
      'STORE_UNAVAILABLE',
      'The dashboard’s shared store stopped answering during the change; check the list before trying again',
      {},
      { 'retry-after': '5' },
    );
  }
  if (error instanceof StoreUnavailableError) {
    return mapped(
      503,
      'STORE_UNAVAILABLE',
      'The dashboard’s shared store is not answering; nothing was changed, try again shortly',
      {},
      { 'retry-after': '5' },
    );
  }
  if (error instanceof LockQueueFullError) {
    return mapped(
      409,
      'UPSTREAM_BUSY',
      'Too many changes are waiting for this instance; try again shortly',
      {},
      { 'retry-after': String(BUSY_RETRY_AFTER_SECONDS) },
    );
  }
  if (error instanceof LockWaitAbortedError) {
    // Nobody is listening any more; the status is for the log.
    return mapped(409, 'UPSTREAM_BUSY', 'The request went away before its turn; nothing was sent');
  }
  if (error instanceof ZomroSessionExpiredError) {
    return mapped(401, 'SESSION_EXPIRED', 'Your Zomro session has expired; sign in again');
  }
  if (error instanceof ZomroApiError) return mapZomroApiError(error);
  if (error instanceof ZomroBlockedError) {
    return mapped(
      503,
      'UPSTREAM_BLOCKED',
      'Zomro is refusing requests from this server for a while; try again later',
    );
  }
  if (error instanceof ZomroBadResponseError) {
    return mapped(502, 'UPSTREAM_BAD_RESPONSE', 'Zomro sent an answer that could not be read');
  }
  if (error instanceof ZomroUnavailableError) {
    return mapped(502, 'UPSTREAM_UNAVAILABLE', 'Zomro could not be reached');
  }
  if (error instanceof ZomroTimeoutError) {
    return mapped(504, 'UPSTREAM_TIMEOUT', 'Zomro did not answer in time');
  }
  const fastifyError = error as Partial<FastifyError> | null;
  const status = typeof fastifyError?.statusCode === 'number' ? fastifyError.statusCode : 500;
  if (status >= 400 && status < 500) {
    if (fastifyError?.validation) {
      return mapped(400, 'VALIDATION_FAILED', 'Some fields are not valid', {
        details: fieldErrors(fastifyError.validation),
      });
    }
    switch (fastifyError?.code) {
      case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
        return mapped(415, 'UNSUPPORTED_MEDIA_TYPE', 'Send the request body as application/json');
      case 'FST_ERR_CTP_BODY_TOO_LARGE':
        return mapped(413, 'PAYLOAD_TOO_LARGE', 'The request body is too large');
      case 'FST_ERR_CTP_INVALID_JSON_BODY':
        return mapped(400, 'INVALID_JSON', 'The request body is not valid JSON');
      case 'FST_ERR_CTP_EMPTY_JSON_BODY':
        return mapped(400, 'INVALID_JSON', EMPTY_BODY);
    }
    if (error instanceof SyntaxError) {
      return mapped(400, 'INVALID_JSON', 'The request body is not valid JSON');
    }
    const code =
      status === 401
        ? 'UNAUTHENTICATED'
        : status === 403
          ? 'FORBIDDEN'
          : status === 404
            ? 'NOT_FOUND'
            : status === 415
              ? 'UNSUPPORTED_MEDIA_TYPE'
              : 'VALIDATION_FAILED';
    return mapped(status, code, fastifyError?.message ?? 'Bad request');
  }
  return mapped(500, 'INTERNAL_ERROR', 'Something went wrong on the server');
}
