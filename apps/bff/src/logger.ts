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

const OPTIONS = {
  redact: { paths: REDACTED_PATHS, censor: '[redacted]' },
  base: { service: 'bff' },
};

/**
 * The logger. With `logFile`, every line goes to that file and the console (`console`, standard
 * output by default) gets only warnings and worse: the request lines of an operator's clicks would
 * otherwise scroll `npm start`'s banner away.
 */
export function createLogger(
  level: LogLevel,
  destination?: DestinationStream,
  logFile: string | null = null,
  console: DestinationStream = process.stdout,
): Logger {
  if (logFile === null) return pino({ ...OPTIONS, level }, destination);
  // Written as it comes: a line is in the file when the request it tells of has ended.
  const file = pino.destination({ dest: logFile, mkdir: true, sync: true });
  const streams = [{ level, stream: file }];
  // The console never shows more than the file: a LOG_LEVEL of `error` keeps warnings out of both.
  const consoleLevel = pino.levels.values[level]! > pino.levels.values.warn! ? level : 'warn';
  if (level !== 'silent') streams.push({ level: consoleLevel, stream: console as typeof file });
  return pino({ ...OPTIONS, level }, pino.multistream(streams));
}
