// The API's error codes (zod-free: the web app words every error from its code).
export const API_ERROR_CODES = [
  'VALIDATION_FAILED',
  'INVALID_JSON',
  'PAYLOAD_TOO_LARGE',
  'BAD_CREDENTIALS',
  'TOTP_INVALID',
  'UNAUTHENTICATED',
  'PROXY_IDENTITY_INVALID',
  'SESSION_EXPIRED',
  'FORBIDDEN',
  'NOT_FOUND',
  'UNSUPPORTED_MEDIA_TYPE',
  'PRECONDITION_FAILED',
  'INSTANCE_BLOCKED',
  'IDEMPOTENCY_KEY_REUSED',
  /** 5 manual backups were made today (Zomro's panel's limit); nothing was sent. */
  'BACKUP_QUOTA_REACHED',
  /** The backup is protected: unprotect it first; nothing was sent. */
  'BACKUP_PROTECTED',
  /** The backup is being made or deleted (neither ready nor failed); nothing was sent. */
  'BACKUP_BUSY',
  'RATE_LIMITED',
  'UPSTREAM_REJECTED',
  'UPSTREAM_BUSY',
  'UPSTREAM_BLOCKED',
  'UPSTREAM_BAD_RESPONSE',
  'UPSTREAM_UNAVAILABLE',
  'UPSTREAM_TIMEOUT',
  'UPSTREAM_ACCOUNT_REJECTED',
  'AUDIT_UNAVAILABLE',
  'STORE_UNAVAILABLE',
  'INTERNAL_ERROR',
] as const;
export type ApiErrorCode = (typeof API_ERROR_CODES)[number];
