// The pino logger of the BFF: structured JSON, with every place a secret could sit redacted.
import pino, { type DestinationStream, type Logger } from 'pino';
import type { LogLevel } from './config.js';

/** Paths pino censors wherever they appear in a log line (ours never put secrets there; this is the net). */
export const REDACTED_PATHS = [
  'password',
  'zomroToken',
  'token',
  'auth',
  'cookie',
  '*.password',
  '*.zomroToken',
  '*.token',
  '*.auth',
  '*.cookie',
  'req.headers.cookie',
  'req.headers.authorization',
  'res.headers["set-cookie"]',
  'headers.cookie',
  'headers["set-cookie"]',
];

export function createLogger(level: LogLevel, destination?: DestinationStream): Logger {
  return pino(
    {
      level,
      redact: { paths: REDACTED_PATHS, censor: '[redacted]' },
      base: { service: 'bff' },
    },
    destination,
  );
}
