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
import { buildApp } from '../src/app.js';
import type { AppConfig } from '../src/config.js';
import { createLogger } from '../src/logger.js';
import { SESSION_COOKIE } from '../src/plugins/auth.js';
import type { ServiceStores } from '../src/plugins/services.js';
import { MemorySessionStore, type DashboardSession } from '../src/stores/sessions.js';

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

/** A directory with a minimal SPA build (index.html and a hashed asset). */
export function makeWebBuild(): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'bff-web-'));
  writeFileSync(
    path.join(dir, 'index.html'),
    '<!doctype html><title>Dashboard</title><div id=root>',
  );
  mkdirSync(path.join(dir, 'assets'));
  writeFileSync(path.join(dir, 'assets', 'index-3f9a1c.js'), 'console.log("app");');
  writeFileSync(path.join(dir, 'favicon.svg'), '<svg xmlns="http://www.w3.org/2000/svg"/>');
  return dir;
}

export async function buildTestApp(
  options: {
    config?: Partial<AppConfig>;
    emulator?: EmulatorOptions;
    store?: RecordingSessionStore;
    stores?: ServiceStores;
  } = {},
): Promise<TestContext> {
  const emulator = await startEmulator({ port: 0, ...options.emulator });
  const logs: string[] = [];
  const stream = new Writable({
    write(chunk: Buffer, _encoding, callback) {
      logs.push(...chunk.toString('utf8').split('\n').filter(Boolean));
      callback();
    },
  });
  const store = options.store ?? new RecordingSessionStore();
  const config: AppConfig = {
    port: 0,
    host: '127.0.0.1',
    zomroApiUrl: emulator.url,
    upstream: 'emulator',
    zomroTimeoutMs: 5_000,
    sessionIdleTimeoutMs: 3_300_000,
    cookieSecure: false,
    trustProxy: false,
    logLevel: 'trace',
    // No build here: tests that need one pass their own.
    webDistDir: path.join(tmpdir(), 'bff-no-web-build'),
    emulatorPort: 0,
    emulatorTestControl: false,
    team: null,
    operatorsFile: null,
    proxyAuth: null,
    auditLogPath: path.join(tempDir('bff-audit-'), 'audit.log'),
    ...options.config,
  };
  const app = await buildApp(config, {
    logger: createLogger('trace', stream),
    sessionStore: store,
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
