// The BFF's configuration: read from the environment once, at boot, and validated so that a bad
// value stops the start with a message naming the variable. Nothing else reads process.env.
import { existsSync, readFileSync } from 'node:fs';
import { BlockList, isIP } from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export type UpstreamKind = 'emulator' | 'zomro';
export type LogLevel = 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent';

/**
 * A password or secret from the environment: it never prints, whether logged, serialised or
 * interpolated, so that a stray `log(config)` cannot leak it.
 */
export class Secret {
  readonly #value: string;
  constructor(value: string) {
    this.#value = value;
  }
  reveal(): string {
    return this.#value;
  }
  toString(): string {
    return '[secret]';
  }
  toJSON(): string {
    return '[secret]';
  }
  [Symbol.for('nodejs.util.inspect.custom')](): string {
    return '[secret]';
  }
}

/** Team mode: the Zomro account the server holds for every operator. */
export interface TeamAccountConfig {
  username: string;
  password: Secret;
  /** Base32 TOTP secret of a two-factor account, so that the server completes the code step. */
  totpSecret: Secret | null;
}

/** Team mode: operators named by a trusted proxy (oauth2-proxy, an SSO gateway). */
export interface ProxyAuthConfig {
  /** Lower-case header name, e.g. `x-forwarded-user`. */
  header: string;
  /** Peer addresses whose header is believed. */
  trusted: BlockList;
  /** The trusted addresses as configured, for logs. */
  trustedText: string;
  /**
   * Proxy operators who are editors (`*`: all of them); everyone else it names is a viewer. The
   * operators file's role wins for a name it lists.
   */
  editors: ReadonlySet<string> | '*';
}

/** What the environment says. `zomroApiUrl` is null when the embedded emulator should be used. */
export interface ServerConfig {
  port: number;
  host: string;
  zomroApiUrl: string | null;
  zomroTimeoutMs: number;
  sessionIdleTimeoutMs: number;
  /** However busy, a session ends this long after its sign-in. */
  sessionMaxAgeMs: number;
  cookieSecure: boolean;
  /**
   * Fastify's `trustProxy`: false, or the proxies' addresses (comma-separated). The environment
   * cannot say `true` (tests may), which would take the client-written left-most X-Forwarded-For
   * entry as the address.
   */
  trustProxy: boolean | string;
  logLevel: LogLevel;
  /**
   * Set: every log line (at `logLevel`) goes to this file and the console shows only warnings and
   * errors, so that `npm start`'s banner stays readable. Null: every line to standard output.
   */
  logFile: string | null;
  webDistDir: string;
  emulatorPort: number;
  emulatorTestControl: boolean;
  /** Set: team mode. Null: personal mode (each operator signs in with Zomro credentials). */
  team: TeamAccountConfig | null;
  /** Team mode: `name:role:hash` lines. */
  operatorsFile: string | null;
  proxyAuth: ProxyAuthConfig | null;
  /** JSON lines, created with mode 0600 (its folder too). */
  auditLogPath: string;
  /** The fleet view and bulk applies: at most this many Zomro calls (or creates) at once. */
  fleetConcurrency: number;
  /** Set: every piece of shared state in Redis (several BFF processes). Unset: memory and file. */
  redis?: RedisConfig | null;
}

export interface RedisConfig {
  /** `redis://` or `rediss://`; may hold a password, so it is never logged as is. */
  url: string;
  /** Put before every key, so that several deployments can share one Redis. */
  keyPrefix: string;
  /** A command unanswered this long fails (503 STORE_UNAVAILABLE) instead of waiting. */
  commandTimeoutMs?: number;
  /** A connection silent this long (nothing sent or received) is closed and opened again; 0: never. */
  socketTimeoutMs?: number;
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

function redisConfig(env: Env): RedisConfig | null {
  const value = raw(env, 'REDIS_URL');
  const keyPrefix = raw(env, 'REDIS_KEY_PREFIX') ?? 'zd:';
  if (value === undefined) {
    if (raw(env, 'REDIS_KEY_PREFIX') !== undefined) {
      throw new ConfigError('REDIS_KEY_PREFIX', 'is only used with REDIS_URL');
    }
    return null;
  }
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new ConfigError('REDIS_URL', 'must be a redis:// or rediss:// URL');
  }
  if (url.protocol !== 'redis:' && url.protocol !== 'rediss:') {
    throw new ConfigError('REDIS_URL', 'must be a redis:// or rediss:// URL');
  }
  if (/\s/.test(keyPrefix)) throw new ConfigError('REDIS_KEY_PREFIX', 'must not contain spaces');
  return {
    url: value,
    keyPrefix,
    commandTimeoutMs: integer(env, 'REDIS_COMMAND_TIMEOUT_MS', 2_000, 1, 600_000),
    socketTimeoutMs: integer(env, 'REDIS_SOCKET_TIMEOUT_MS', 30_000, 0, 3_600_000),
  };
}

/** A secret given directly (`NAME`) or as a file (`NAME_FILE`, for secrets mounted as files). */
function secret(env: Env, name: string): Secret | null {
  const direct = raw(env, name);
  const file = raw(env, `${name}_FILE`);
  if (direct !== undefined && file !== undefined) {
    throw new ConfigError(name, `and ${name}_FILE are both set; set one`);
  }
  if (file === undefined) return direct === undefined ? null : new Secret(direct);
  let content: string;
  try {
    content = readFileSync(file, 'utf8');
  } catch {
    throw new ConfigError(`${name}_FILE`, 'names a file that cannot be read');
  }
  // A file written by `echo` ends with a newline that is not part of the secret.
  const value = content.replace(/\r?\n$/, '');
  if (value === '') throw new ConfigError(`${name}_FILE`, 'names an empty file');
  return new Secret(value);
}

function teamAccount(env: Env): TeamAccountConfig | null {
  const username = raw(env, 'ZOMRO_USERNAME');
  const password = secret(env, 'ZOMRO_PASSWORD');
  const totpSecret = secret(env, 'ZOMRO_TOTP_SECRET');
  if (username === undefined && password === null) {
    if (totpSecret !== null) {
      throw new ConfigError('ZOMRO_TOTP_SECRET', 'needs ZOMRO_USERNAME and ZOMRO_PASSWORD');
    }
    return null;
  }
  if (username === undefined) throw new ConfigError('ZOMRO_USERNAME', 'is needed with a password');
  if (password === null) {
    throw new ConfigError('ZOMRO_PASSWORD', 'or ZOMRO_PASSWORD_FILE is needed with ZOMRO_USERNAME');
  }
  if (totpSecret !== null && !/^[A-Z2-7]+=*$/i.test(totpSecret.reveal().replace(/\s/g, ''))) {
    throw new ConfigError('ZOMRO_TOTP_SECRET', 'must be the base32 secret of the authenticator');
  }
  return { username, password, totpSecret };
}

const list = (value: string | undefined): string[] =>
  (value ?? '')
    .split(',')
    .map((item) => item.trim())
    .filter((item) => item !== '');

/** Addresses and CIDR ranges, IPv4 or IPv6, comma-separated; each checked. */
function addressList(name: string, value: string) {
  return list(value).map((item) => {
    const [address = '', prefix] = item.split('/');
    const family = isIP(address);
    const bits = prefix === undefined ? null : Number(prefix);
    const maxBits = family === 6 ? 128 : 32;
    if (family === 0 || (bits !== null && (!/^\d+$/.test(prefix!) || bits > maxBits))) {
      throw new ConfigError(name, `has "${item}", which is not an IP address or CIDR`);
    }
    return { address, bits, type: family === 6 ? ('ipv6' as const) : ('ipv4' as const) };
  });
}

/** `TRUSTED_PROXY_IPS`: addresses and CIDR ranges, IPv4 or IPv6. */
function trustedAddresses(value: string): BlockList {
  const blocks = new BlockList();
  for (const { address, bits, type } of addressList('TRUSTED_PROXY_IPS', value)) {
    if (bits === null) blocks.addAddress(address, type);
    else blocks.addSubnet(address, bits, type);
  }
  return blocks;
}

/** proxy-addr's names for address ranges, allowed in `TRUST_PROXY`. */
const RANGE_NAMES = new Set(['loopback', 'linklocal', 'uniquelocal']);

/**
 * `TRUST_PROXY`: the addresses of the proxies in front (addresses, CIDR ranges, or `loopback`,
 * `linklocal`, `uniquelocal`); `false` by default. The client's address is then the right-most
 * X-Forwarded-For entry that is not one of them. Never `true` (a client would choose its own
 * address, and with it dodge the sign-in limits), nor a hop count, which Fastify 5.12 ignores
 * because it cannot tell a proxy from a client connecting directly. Decision 081.
 */
function trustProxy(env: Env): string | false {
  const value = raw(env, 'TRUST_PROXY');
  if (value === undefined || ['false', 'no', '0'].includes(value.toLowerCase())) return false;
  if (/^(\d+|true|yes)$/i.test(value)) {
    throw new ConfigError(
      'TRUST_PROXY',
      'must list the addresses of the proxies in front (e.g. 127.0.0.1 or 10.0.0.0/8): trusting ' +
        'any peer lets a client name its own address',
    );
  }
  const items = list(value);
  const named = items.filter((item) => RANGE_NAMES.has(item.toLowerCase()));
  const ranges = addressList(
    'TRUST_PROXY',
    items.filter((item) => !RANGE_NAMES.has(item.toLowerCase())).join(','),
  ).map(({ address, bits }) => (bits === null ? address : `${address}/${bits}`));
  return [...named.map((item) => item.toLowerCase()), ...ranges].join(',');
}

/** `EDITOR_OPERATORS`: names, comma-separated, or `*` for every operator the proxy names. */
function editorOperators(env: Env): ReadonlySet<string> | '*' {
  const value = raw(env, 'EDITOR_OPERATORS');
  if (value === '*') return '*';
  const names = list(value);
  if (names.includes('*')) {
    throw new ConfigError('EDITOR_OPERATORS', 'is either * alone or a list of names');
  }
  return new Set(names);
}

function proxyAuth(env: Env): ProxyAuthConfig | null {
  const header = raw(env, 'TRUST_PROXY_AUTH_HEADER');
  const trusted = raw(env, 'TRUSTED_PROXY_IPS');
  if (header === undefined) {
    if (trusted !== undefined) {
      throw new ConfigError('TRUSTED_PROXY_IPS', 'is only used with TRUST_PROXY_AUTH_HEADER');
    }
    return null;
  }
  if (!/^[A-Za-z0-9-]+$/.test(header)) {
    throw new ConfigError(
      'TRUST_PROXY_AUTH_HEADER',
      'must be a header name, e.g. X-Forwarded-User',
    );
  }
  if (trusted === undefined) {
    throw new ConfigError(
      'TRUSTED_PROXY_IPS',
      'is needed with TRUST_PROXY_AUTH_HEADER: the addresses whose header is believed',
    );
  }
  return {
    header: header.toLowerCase(),
    trusted: trustedAddresses(trusted),
    trustedText: trusted,
    editors: editorOperators(env),
  };
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
  const team = teamAccount(env);
  const operatorsFile = raw(env, 'OPERATORS_FILE') ?? null;
  const proxy = proxyAuth(env);
  if (team === null && (operatorsFile !== null || proxy !== null)) {
    throw new ConfigError(
      operatorsFile !== null ? 'OPERATORS_FILE' : 'TRUST_PROXY_AUTH_HEADER',
      'is for team mode, which needs ZOMRO_USERNAME and ZOMRO_PASSWORD',
    );
  }
  if (team !== null && operatorsFile === null && proxy === null) {
    throw new ConfigError(
      'OPERATORS_FILE',
      'or TRUST_PROXY_AUTH_HEADER is needed in team mode: operators must sign in as themselves',
    );
  }
  if (raw(env, 'VIEWER_OPERATORS') !== undefined) {
    throw new ConfigError(
      'VIEWER_OPERATORS',
      'is no longer read: proxy operators are viewers unless EDITOR_OPERATORS lists them (or is *)',
    );
  }
  if (raw(env, 'EDITOR_OPERATORS') !== undefined && proxy === null) {
    throw new ConfigError('EDITOR_OPERATORS', 'is only used with TRUST_PROXY_AUTH_HEADER');
  }
  return {
    port: integer(env, 'PORT', 8080, 0, 65535),
    host,
    zomroApiUrl: upstreamUrl(env),
    zomroTimeoutMs: integer(env, 'ZOMRO_TIMEOUT_MS', 15_000, 1, 600_000),
    // Zomro drops a session an hour after its last request; ours must end first.
    sessionIdleTimeoutMs: integer(env, 'SESSION_IDLE_TIMEOUT_MS', 3_300_000, 1_000, 3_600_000),
    sessionMaxAgeMs: integer(env, 'SESSION_MAX_AGE_HOURS', 12, 1, 24 * 30) * 3_600_000,
    cookieSecure: boolean(env, 'COOKIE_SECURE', false),
    trustProxy: trustProxy(env),
    logLevel: logLevel as LogLevel,
    logFile: raw(env, 'LOG_FILE') === undefined ? null : path.resolve(raw(env, 'LOG_FILE')!),
    webDistDir: webDist === undefined ? DEFAULT_WEB_DIST_DIR : path.resolve(webDist),
    emulatorPort: integer(env, 'EMULATOR_PORT', 0, 0, 65535),
    emulatorTestControl: boolean(env, 'EMULATOR_TEST_CONTROL', false),
    team,
    operatorsFile: operatorsFile === null ? null : path.resolve(operatorsFile),
    proxyAuth: proxy,
    auditLogPath: path.resolve(raw(env, 'AUDIT_LOG_PATH') ?? 'data/audit.log'),
    fleetConcurrency: integer(env, 'FLEET_CONCURRENCY', 4, 1, 64),
    redis: redisConfig(env),
  };
}

/** Whether the built SPA is there to serve. */
export function hasWebBuild(webDistDir: string): boolean {
  return existsSync(path.join(webDistDir, 'index.html'));
}
