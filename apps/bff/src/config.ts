// The BFF's configuration: read from the environment once, at boot, and validated so that a bad
// value stops the start with a message naming the variable. Nothing else reads process.env.
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export type UpstreamKind = 'emulator' | 'zomro';
export type LogLevel = 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent';

/** What the environment says. `zomroApiUrl` is null when the embedded emulator should be used. */
export interface ServerConfig {
  port: number;
  host: string;
  zomroApiUrl: string | null;
  zomroTimeoutMs: number;
  sessionIdleTimeoutMs: number;
  cookieSecure: boolean;
  trustProxy: boolean;
  logLevel: LogLevel;
  webDistDir: string;
  emulatorPort: number;
  emulatorTestControl: boolean;
}

/** What the app is built with: the upstream is known (the emulator has been started if needed). */
export interface AppConfig extends Omit<ServerConfig, 'zomroApiUrl'> {
  zomroApiUrl: string;
  upstream: UpstreamKind;
}

export class ConfigError extends Error {
  constructor(
    readonly variable: string,
    problem: string,
  ) {
    super(`Invalid configuration: ${variable} ${problem}`);
    this.name = 'ConfigError';
  }
}

const LOG_LEVELS: readonly LogLevel[] = [
  'fatal',
  'error',
  'warn',
  'info',
  'debug',
  'trace',
  'silent',
];

// The bff package directory, from src/ (tsx, vitest) and from dist/ (node) alike.
const PACKAGE_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const DEFAULT_WEB_DIST_DIR = path.resolve(PACKAGE_DIR, '../web/dist');

type Env = Readonly<Record<string, string | undefined>>;

function raw(env: Env, name: string): string | undefined {
  const value = env[name]?.trim();
  return value === undefined || value === '' ? undefined : value;
}

function integer(env: Env, name: string, fallback: number, min: number, max: number): number {
  const value = raw(env, name);
  if (value === undefined) return fallback;
  if (!/^\d+$/.test(value) || Number(value) < min || Number(value) > max) {
    throw new ConfigError(name, `must be a whole number from ${min} to ${max}`);
  }
  return Number(value);
}

function boolean(env: Env, name: string, fallback: boolean): boolean {
  const value = raw(env, name)?.toLowerCase();
  if (value === undefined) return fallback;
  if (['true', '1', 'yes'].includes(value)) return true;
  if (['false', '0', 'no'].includes(value)) return false;
  throw new ConfigError(name, 'must be true or false');
}

function upstreamUrl(env: Env): string | null {
  const value = raw(env, 'ZOMRO_API_URL');
  if (value === undefined) return null;
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new ConfigError('ZOMRO_API_URL', 'must be an absolute http(s) URL');
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new ConfigError('ZOMRO_API_URL', 'must be an absolute http(s) URL');
  }
  // Credentials in the URL would end up in logs and error messages.
  if (url.username !== '' || url.password !== '') {
    throw new ConfigError('ZOMRO_API_URL', 'must not contain credentials');
  }
  return url.href;
}

/** Reads and validates the configuration; throws ConfigError naming the first bad variable. */
export function loadConfig(env: Env): ServerConfig {
  const logLevel = (raw(env, 'LOG_LEVEL') ?? 'info').toLowerCase();
  if (!LOG_LEVELS.includes(logLevel as LogLevel)) {
    throw new ConfigError('LOG_LEVEL', `must be one of ${LOG_LEVELS.join(', ')}`);
  }
  const host = raw(env, 'HOST') ?? '127.0.0.1';
  if (/\s/.test(host)) throw new ConfigError('HOST', 'must be a host name or address');
  const webDist = raw(env, 'WEB_DIST_DIR');
  return {
    port: integer(env, 'PORT', 8080, 0, 65535),
    host,
    zomroApiUrl: upstreamUrl(env),
    zomroTimeoutMs: integer(env, 'ZOMRO_TIMEOUT_MS', 15_000, 1, 600_000),
    // Zomro drops a session an hour after its last request; ours must end first.
    sessionIdleTimeoutMs: integer(env, 'SESSION_IDLE_TIMEOUT_MS', 3_300_000, 1_000, 3_600_000),
    cookieSecure: boolean(env, 'COOKIE_SECURE', false),
    trustProxy: boolean(env, 'TRUST_PROXY', false),
    logLevel: logLevel as LogLevel,
    webDistDir: webDist === undefined ? DEFAULT_WEB_DIST_DIR : path.resolve(webDist),
    emulatorPort: integer(env, 'EMULATOR_PORT', 0, 0, 65535),
    emulatorTestControl: boolean(env, 'EMULATOR_TEST_CONTROL', false),
  };
}

/** Whether the built SPA is there to serve. */
export function hasWebBuild(webDistDir: string): boolean {
  return existsSync(path.join(webDistDir, 'index.html'));
}
