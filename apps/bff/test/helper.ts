// Builds the BFF for a test against a fresh emulator on a random port (real HTTP in between), with
// its log lines captured and the Zomro tokens it stored remembered, so that tests can look for leaks.
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Writable } from 'node:stream';
import {
  startEmulator,
  type DemoAccount,
  type EmulatorControl,
  type EmulatorOptions,
} from '@zomro-dash/zomro-emulator';
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { BlockList } from 'node:net';
import { buildApp } from '../src/app.js';
import { hashPassword } from '../src/auth/password-hash.js';
import { Secret, type AppConfig } from '../src/config.js';
import { createLogger } from '../src/logger.js';
import { SESSION_COOKIE } from '../src/plugins/auth.js';
import type { ServiceStores } from '../src/plugins/services.js';
import {
  MemorySessionStore,
  type DashboardSession,
  type SessionStore,
} from '../src/stores/sessions.js';

/** Remembers every Zomro token it was given. */
export class RecordingSessionStore extends MemorySessionStore {
  readonly tokens = new Set<string>();
  override set(id: string, session: DashboardSession, ttlMs: number): Promise<void> {
    if (session.kind === 'zomro') this.tokens.add(session.zomroToken);
    return super.set(id, session, ttlMs);
  }
}

/** A fresh folder for a test's audit trail (and other files). */
export function tempDir(prefix = 'bff-test-'): string {
  return mkdtempSync(path.join(tmpdir(), prefix));
}

export interface TestContext {
  app: FastifyInstance;
  control: EmulatorControl;
  emulatorUrl: string;
  store: RecordingSessionStore;
  config: AppConfig;
  /** Every log line the app wrote, raw JSON text. */
  logs: string[];
  close(): Promise<void>;
}

/** A directory (under `parent`) with a minimal SPA build: index.html, a hashed asset and its map. */
export function makeWebBuild(parent: string = tmpdir()): string {
  mkdirSync(parent, { recursive: true });
  const dir = mkdtempSync(path.join(parent, 'bff-web-'));
  writeFileSync(
    path.join(dir, 'index.html'),
    '<!doctype html><title>Dashboard</title><div id=root>',
  );
  mkdirSync(path.join(dir, 'assets'));
  writeFileSync(path.join(dir, 'assets', 'index-3f9a1c.js'), 'console.log("app");');
  writeFileSync(path.join(dir, 'assets', 'index-3f9a1c.js.map'), '{"version":3,"sources":[]}');
  writeFileSync(path.join(dir, 'favicon.svg'), '<svg xmlns="http://www.w3.org/2000/svg"/>');
  return dir;
}

/** A log destination that appends each line it is given, raw JSON text, to `lines`. */
export function logInto(lines: string[]): Writable {
  return new Writable({
    write(chunk: Buffer, _encoding, callback) {
      lines.push(...chunk.toString('utf8').split('\n').filter(Boolean));
      callback();
    },
  });
}

/** The configuration a test app runs with against the emulator at `emulatorUrl`. */
export function testConfig(emulatorUrl: string, overrides: Partial<AppConfig> = {}): AppConfig {
  return {
    port: 0,
    host: '127.0.0.1',
    zomroApiUrl: emulatorUrl,
    upstream: 'emulator',
    zomroTimeoutMs: 5_000,
    sessionIdleTimeoutMs: 3_300_000,
    sessionMaxAgeMs: 12 * 3_600_000,
    cookieSecure: false,
    trustProxy: false,
    logLevel: 'trace',
    logFile: null,
    // No build here: tests that need one pass their own.
    webDistDir: path.join(tmpdir(), 'bff-no-web-build'),
    emulatorPort: 0,
    emulatorTestControl: false,
    team: null,
    operatorsFile: null,
    proxyAuth: null,
    auditLogPath: path.join(tempDir('bff-audit-'), 'audit.log'),
    fleetConcurrency: 4,
    ...overrides,
  };
}

export async function buildTestApp(
  options: {
    config?: Partial<AppConfig>;
    emulator?: EmulatorOptions;
    store?: RecordingSessionStore;
    /** Any session store instead (`store` stays the recording one, unused). */
    sessionStore?: SessionStore;
    stores?: ServiceStores;
    /** Configuration that needs the running emulator (e.g. a team account made in it). */
    configure?: (control: EmulatorControl) => Partial<AppConfig>;
  } = {},
): Promise<TestContext> {
  const emulator = await startEmulator({ port: 0, ...options.emulator });
  const logs: string[] = [];
  const stream = logInto(logs);
  const store = options.store ?? new RecordingSessionStore();
  const config = testConfig(emulator.url, {
    ...options.config,
    ...options.configure?.(emulator.control),
  });
  const app = await buildApp(config, {
    logger: createLogger('trace', stream),
    sessionStore: options.sessionStore ?? store,
    ...(options.stores && { stores: options.stores }),
  });
  await app.ready();
  return {
    app,
    control: emulator.control,
    emulatorUrl: emulator.url,
    store,
    config,
    logs,
    async close() {
      await app.close();
      await emulator.close();
    },
  };
}

/** The `name=value` of the session cookie a response set, or null. */
export function sessionCookie(response: LightMyRequestResponse): string | null {
  const cookie = response.cookies.find((c) => c.name === SESSION_COOKIE);
  return cookie && cookie.value !== '' ? `${SESSION_COOKIE}=${cookie.value}` : null;
}

/** Signs in (confirming the code for a 2FA account) and returns the cookie header to send. */
export async function signIn(
  app: FastifyInstance,
  account: Pick<DemoAccount, 'username' | 'password'>,
): Promise<string> {
  const response = await app.inject({
    method: 'POST',
    url: '/api/session',
    payload: { username: account.username, password: account.password },
  });
  const cookie = sessionCookie(response);
  if (response.statusCode !== 200 || cookie === null) {
    throw new Error(`sign-in failed: ${response.statusCode} ${response.body}`);
  }
  return cookie;
}

/** A JSON request as the SPA sends it: same-origin, application/json. */
export function json(
  method: 'POST' | 'PUT' | 'DELETE',
  url: string,
  cookie: string | null,
  payload?: unknown,
) {
  return {
    method,
    url,
    headers: {
      ...(cookie && { cookie }),
      ...(payload !== undefined && { 'content-type': 'application/json' }),
    },
    ...(payload !== undefined && { payload: JSON.stringify(payload) }),
  };
}

export interface TestOperator {
  name: string;
  role: 'editor' | 'viewer';
  password: string;
}

/** An operators file (cheap scrypt cost, so tests stay fast) in a fresh folder. */
export async function writeOperatorsFile(operators: readonly TestOperator[]): Promise<string> {
  const lines = await Promise.all(
    operators.map(
      async (o) => `${o.name}:${o.role}:${await hashPassword(o.password, { ln: 10, r: 8, p: 1 })}`,
    ),
  );
  const file = path.join(tempDir('bff-operators-'), 'operators');
  writeFileSync(file, `# name:role:hash\n${lines.join('\n')}\n`, { mode: 0o600 });
  return file;
}

/**
 * Team mode against a fresh emulator account: the server holds that account, operators come from
 * a file (and, with `proxy`, from a trusted header).
 */
export async function buildTeamApp(
  options: {
    operators?: readonly TestOperator[];
    proxy?: Partial<AppConfig['proxyAuth']> & { trustedText?: string };
    totp?: boolean;
    /** Give the server a wrong password for the team account. */
    wrongPassword?: boolean;
    config?: Partial<AppConfig>;
    emulator?: EmulatorOptions;
    sessionStore?: SessionStore;
  } = {},
): Promise<TestContext & { team: DemoAccount }> {
  const operatorsFile =
    options.operators === undefined ? null : await writeOperatorsFile(options.operators);
  let team!: DemoAccount;
  const ctx = await buildTestApp({
    ...(options.emulator && { emulator: options.emulator }),
    ...(options.sessionStore && { sessionStore: options.sessionStore }),
    config: options.config ?? {},
    configure: (control) => {
      team = control.createAccount({ totp: options.totp === true });
      const proxyAuth = options.proxy
        ? {
            header: 'x-forwarded-user',
            trusted: trustedList(options.proxy.trustedText ?? '127.0.0.1'),
            trustedText: options.proxy.trustedText ?? '127.0.0.1',
            editors: new Set<string>(),
            ...options.proxy,
          }
        : null;
      return {
        team: {
          username: team.username,
          password: new Secret(options.wrongPassword ? `${team.password}-wrong` : team.password),
          totpSecret: team.totpSecret ? new Secret(team.totpSecret) : null,
        },
        operatorsFile,
        proxyAuth,
      };
    },
  });
  return { ...ctx, team };
}

function trustedList(text: string): BlockList {
  const list = new BlockList();
  for (const item of text.split(',')) {
    const [address = '', bits] = item.trim().split('/');
    const type = address.includes(':') ? 'ipv6' : 'ipv4';
    if (bits === undefined) list.addAddress(address, type);
    else list.addSubnet(address, Number(bits), type);
  }
  return list;
}
