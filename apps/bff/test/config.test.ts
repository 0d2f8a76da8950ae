// Configuration: defaults, and a bad value stops the start with a message naming the variable.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { inspect } from 'node:util';
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
      sessionMaxAgeMs: 12 * 3_600_000,
      cookieSecure: false,
      trustProxy: false,
      logLevel: 'info',
      logFile: null,
      webDistDir: DEFAULT_WEB_DIST_DIR,
      emulatorPort: 0,
      emulatorTestControl: false,
      team: null,
      operatorsFile: null,
      proxyAuth: null,
      auditLogPath: path.resolve('data/audit.log'),
      fleetConcurrency: 4,
      redis: null,
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
      SESSION_MAX_AGE_HOURS: '8',
      COOKIE_SECURE: 'true',
      TRUST_PROXY: '10.0.0.1, loopback, fd00::/8',
      LOG_LEVEL: 'WARN',
      WEB_DIST_DIR: 'some/dir',
      EMULATOR_PORT: '8391',
      EMULATOR_TEST_CONTROL: 'yes',
      AUDIT_LOG_PATH: 'var/audit.jsonl',
      FLEET_CONCURRENCY: '8',
      REDIS_URL: 'redis://:pw@10.0.0.7:6380/2',
      REDIS_KEY_PREFIX: 'dash:',
      REDIS_COMMAND_TIMEOUT_MS: '1500',
      REDIS_SOCKET_TIMEOUT_MS: '0',
    });
    expect(config).toEqual({
      port: 9000,
      host: '0.0.0.0',
      zomroApiUrl: 'https://api.zomro.com/',
      zomroTimeoutMs: 2000,
      sessionIdleTimeoutMs: 60_000,
      sessionMaxAgeMs: 8 * 3_600_000,
      cookieSecure: true,
      trustProxy: 'loopback,10.0.0.1,fd00::/8',
      logLevel: 'warn',
      logFile: null,
      webDistDir: path.resolve('some/dir'),
      emulatorPort: 8391,
      emulatorTestControl: true,
      team: null,
      operatorsFile: null,
      proxyAuth: null,
      auditLogPath: path.resolve('var/audit.jsonl'),
      fleetConcurrency: 8,
      redis: {
        url: 'redis://:pw@10.0.0.7:6380/2',
        keyPrefix: 'dash:',
        commandTimeoutMs: 1500,
        socketTimeoutMs: 0,
      },
    });
  });

  it('takes REDIS_URL as redis:// or rediss:// only, and REDIS_KEY_PREFIX only with it', () => {
    expect(loadConfig({ REDIS_URL: 'rediss://cache:6379' }).redis).toEqual({
      url: 'rediss://cache:6379',
      keyPrefix: 'zd:',
      commandTimeoutMs: 2_000,
      socketTimeoutMs: 30_000,
    });
    for (const url of ['http://cache:6379', 'cache:6379x', 'not a url']) {
      expect(() => loadConfig({ REDIS_URL: url })).toThrow('Invalid configuration: REDIS_URL');
    }
    expect(() => loadConfig({ REDIS_KEY_PREFIX: 'x:' })).toThrow(
      'Invalid configuration: REDIS_KEY_PREFIX is only used with REDIS_URL',
    );
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
    ['SESSION_MAX_AGE_HOURS', '0'],
    ['COOKIE_SECURE', 'maybe'],
    ['TRUST_PROXY', 'on?'],
    ['TRUST_PROXY', 'true'],
    ['TRUST_PROXY', '1'],
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

describe('team mode configuration', () => {
  const team = { ZOMRO_USERNAME: 'company', ZOMRO_PASSWORD: 's3cret-pass', OPERATORS_FILE: 'ops' };

  it('is on with a Zomro account and a way for operators to sign in', () => {
    const config = loadConfig(team);
    expect(config.team?.username).toBe('company');
    expect(config.team?.password.reveal()).toBe('s3cret-pass');
    expect(config.team?.totpSecret).toBeNull();
    expect(config.operatorsFile).toBe(path.resolve('ops'));
    expect(config.proxyAuth).toBeNull();
  });

  it('reads the password and the TOTP secret from files, without their final newline', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'config-'));
    writeFileSync(path.join(dir, 'password'), 'from file\n');
    writeFileSync(path.join(dir, 'totp'), 'JBSWY3DPEHPK3PXP\n');
    const config = loadConfig({
      ZOMRO_USERNAME: 'company',
      ZOMRO_PASSWORD_FILE: path.join(dir, 'password'),
      ZOMRO_TOTP_SECRET_FILE: path.join(dir, 'totp'),
      OPERATORS_FILE: 'ops',
    });
    expect(config.team?.password.reveal()).toBe('from file');
    expect(config.team?.totpSecret?.reveal()).toBe('JBSWY3DPEHPK3PXP');
  });

  it('never prints the password or the secret, however the configuration is logged', () => {
    const config = loadConfig({ ...team, ZOMRO_TOTP_SECRET: 'JBSWY3DPEHPK3PXP' });
    for (const text of [
      JSON.stringify(config),
      inspect(config, { depth: 5 }),
      String(config.team?.password),
    ]) {
      expect(text).not.toContain('s3cret-pass');
      expect(text).not.toContain('JBSWY3DPEHPK3PXP');
    }
  });

  it('reads a trusted proxy: header, addresses and ranges, editors', () => {
    const config = loadConfig({
      ZOMRO_USERNAME: 'company',
      ZOMRO_PASSWORD: 'x',
      TRUST_PROXY_AUTH_HEADER: 'X-Forwarded-User',
      TRUSTED_PROXY_IPS: '10.0.0.0/8, 192.168.1.7, ::1',
      EDITOR_OPERATORS: 'eddie, erin',
    });
    const proxy = config.proxyAuth!;
    expect(proxy.header).toBe('x-forwarded-user');
    expect(proxy.trusted.check('10.200.3.4', 'ipv4')).toBe(true);
    expect(proxy.trusted.check('192.168.1.7', 'ipv4')).toBe(true);
    expect(proxy.trusted.check('192.168.1.8', 'ipv4')).toBe(false);
    expect(proxy.trusted.check('::1', 'ipv6')).toBe(true);
    expect(proxy.editors).toEqual(new Set(['eddie', 'erin']));
    expect(config.operatorsFile).toBeNull();
  });

  it.each([
    [{ ZOMRO_USERNAME: 'company', OPERATORS_FILE: 'ops' }, 'ZOMRO_PASSWORD'],
    [{ ZOMRO_PASSWORD: 'x', OPERATORS_FILE: 'ops' }, 'ZOMRO_USERNAME'],
    [{ ...team, ZOMRO_PASSWORD_FILE: '/x' }, 'ZOMRO_PASSWORD'],
    [
      { ...team, ZOMRO_PASSWORD: undefined, ZOMRO_PASSWORD_FILE: '/nonexistent/x' },
      'ZOMRO_PASSWORD_FILE',
    ],
    [{ ZOMRO_USERNAME: 'company', ZOMRO_PASSWORD: 'x' }, 'OPERATORS_FILE'],
    [{ OPERATORS_FILE: 'ops' }, 'OPERATORS_FILE'],
    [
      { TRUST_PROXY_AUTH_HEADER: 'X-User', TRUSTED_PROXY_IPS: '1.2.3.4' },
      'TRUST_PROXY_AUTH_HEADER',
    ],
    [{ ...team, TRUST_PROXY_AUTH_HEADER: 'X-User' }, 'TRUSTED_PROXY_IPS'],
    [
      { ...team, TRUST_PROXY_AUTH_HEADER: 'X User', TRUSTED_PROXY_IPS: '1.2.3.4' },
      'TRUST_PROXY_AUTH_HEADER',
    ],
    [
      { ...team, TRUST_PROXY_AUTH_HEADER: 'X-User', TRUSTED_PROXY_IPS: '1.2.3.4/40' },
      'TRUSTED_PROXY_IPS',
    ],
    [
      { ...team, TRUST_PROXY_AUTH_HEADER: 'X-User', TRUSTED_PROXY_IPS: 'proxy.local' },
      'TRUSTED_PROXY_IPS',
    ],
    [{ ...team, VIEWER_OPERATORS: 'vera' }, 'VIEWER_OPERATORS'],
    [{ ...team, EDITOR_OPERATORS: 'eddie' }, 'EDITOR_OPERATORS'],
    [
      {
        ...team,
        TRUST_PROXY_AUTH_HEADER: 'X-User',
        TRUSTED_PROXY_IPS: '1.2.3.4',
        EDITOR_OPERATORS: 'eddie, *',
      },
      'EDITOR_OPERATORS',
    ],
    [{ ...team, ZOMRO_TOTP_SECRET: 'not base32!' }, 'ZOMRO_TOTP_SECRET'],
    [{ ZOMRO_TOTP_SECRET: 'JBSWY3DPEHPK3PXP' }, 'ZOMRO_TOTP_SECRET'],
  ])('refuses %o, naming %s', (env, variable) => {
    expect(() => loadConfig(env)).toThrow(expect.objectContaining({ variable }) as Error);
  });
});
