// Configuration: defaults, and a bad value stops the start with a message naming the variable.
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigError, DEFAULT_WEB_DIST_DIR, loadConfig } from '../src/config.js';

describe('loadConfig', () => {
  it('has the documented defaults', () => {
    expect(loadConfig({})).toEqual({
      port: 8080,
      host: '127.0.0.1',
      zomroApiUrl: null,
      zomroTimeoutMs: 15_000,
      sessionIdleTimeoutMs: 3_300_000,
      cookieSecure: false,
      trustProxy: false,
      logLevel: 'info',
      webDistDir: DEFAULT_WEB_DIST_DIR,
      emulatorPort: 0,
      emulatorTestControl: false,
      team: null,
      operatorsFile: null,
      proxyAuth: null,
      auditLogPath: path.resolve('data/audit.log'),
    });
    expect(DEFAULT_WEB_DIST_DIR).toBe(path.resolve(import.meta.dirname, '../../web/dist'));
  });

  it('reads every variable', () => {
    const config = loadConfig({
      PORT: '9000',
      HOST: '0.0.0.0',
      ZOMRO_API_URL: 'https://api.zomro.com/',
      ZOMRO_TIMEOUT_MS: '2000',
      SESSION_IDLE_TIMEOUT_MS: '60000',
      COOKIE_SECURE: 'true',
      TRUST_PROXY: '1',
      LOG_LEVEL: 'WARN',
      WEB_DIST_DIR: 'some/dir',
      EMULATOR_PORT: '8391',
      EMULATOR_TEST_CONTROL: 'yes',
      AUDIT_LOG_PATH: 'var/audit.jsonl',
    });
    expect(config).toEqual({
      port: 9000,
      host: '0.0.0.0',
      zomroApiUrl: 'https://api.zomro.com/',
      zomroTimeoutMs: 2000,
      sessionIdleTimeoutMs: 60_000,
      cookieSecure: true,
      trustProxy: true,
      logLevel: 'warn',
      webDistDir: path.resolve('some/dir'),
      emulatorPort: 8391,
      emulatorTestControl: true,
      team: null,
      operatorsFile: null,
      proxyAuth: null,
      auditLogPath: path.resolve('var/audit.jsonl'),
    });
  });

  it('treats empty values as unset', () => {
    expect(loadConfig({ ZOMRO_API_URL: '', PORT: ' ' })).toMatchObject({
      zomroApiUrl: null,
      port: 8080,
    });
  });

  it.each([
    ['PORT', 'abc'],
    ['PORT', '70000'],
    ['PORT', '-1'],
    ['ZOMRO_TIMEOUT_MS', '0'],
    ['ZOMRO_TIMEOUT_MS', '1.5'],
    ['SESSION_IDLE_TIMEOUT_MS', '7200000'],
    ['COOKIE_SECURE', 'maybe'],
    ['TRUST_PROXY', 'on?'],
    ['LOG_LEVEL', 'verbose'],
    ['ZOMRO_API_URL', 'not a url'],
    ['ZOMRO_API_URL', 'ftp://api.zomro.com/'],
    ['ZOMRO_API_URL', 'https://user:secret@api.zomro.com/'],
    ['EMULATOR_PORT', 'x'],
    ['EMULATOR_TEST_CONTROL', '2'],
    ['HOST', 'two words'],
  ])('refuses %s=%s, naming the variable', (variable, value) => {
    let caught: unknown;
    try {
      loadConfig({ [variable]: value });
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(ConfigError);
    expect((caught as ConfigError).variable).toBe(variable);
    expect((caught as ConfigError).message).toContain(variable);
    // The value may be a secret (a URL with credentials): it is not repeated.
    if (value.length > 3) expect((caught as ConfigError).message).not.toContain(value);
  });
});
