// Operator passwords (scrypt, self-describing hashes), the operators file, and the
// `operator:add` command that writes it.
import { spawnSync } from 'node:child_process';
import { readFileSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { OperatorDirectory, parseOperators } from '../../src/auth/operators.js';
import { hashPassword, isPasswordHash, verifyPassword } from '../../src/auth/password-hash.js';
import { tempDir } from '../helper.js';

const PACKAGE_DIR = path.resolve(import.meta.dirname, '../..');
const TSX = path.join(PACKAGE_DIR, 'node_modules/.bin/tsx');
const cheap = { ln: 10, r: 8, p: 1 };

describe('password hashes', () => {
  it('verify the password they were made from and nothing else', async () => {
    const hash = await hashPassword('Пароль & = % + < >', cheap);
    expect(hash).toMatch(/^\$scrypt\$ln=10,r=8,p=1\$[A-Za-z0-9+/]+\$[A-Za-z0-9+/]+$/);
    expect(hash).not.toContain(':');
    expect(isPasswordHash(hash)).toBe(true);
    expect(await verifyPassword('Пароль & = % + < >', hash)).toBe(true);
    expect(await verifyPassword('Пароль & = % + <', hash)).toBe(false);
    expect(await hashPassword('same', cheap)).not.toBe(await hashPassword('same', cheap));
    expect(await verifyPassword('x', '$scrypt$ln=10,r=8,p=1$short$short')).toBe(false);
  });
});

describe('the operators file', () => {
  it('keeps well-formed lines and reports the others by number', async () => {
    const hash = await hashPassword('secret-password', cheap);
    const bad: number[] = [];
    const operators = parseOperators(
      [
        '# comment',
        `alice:editor:${hash}`,
        '',
        `bob:viewer:${hash}`,
        `carol:admin:${hash}`,
        'dave:editor:not-a-hash',
        `with space:editor:${hash}`,
      ].join('\n'),
      (line) => bad.push(line),
    );
    expect([...operators.values()].map((o) => `${o.name}:${o.role}`)).toEqual([
      'alice:editor',
      'bob:viewer',
    ]);
    expect(bad).toEqual([5, 6, 7]);
  });

  it('is read again when it changes, and a missing file lets nobody in', async () => {
    const file = path.join(tempDir(), 'operators');
    const directory = new OperatorDirectory(file, { checkEveryMs: 0 });
    expect(await directory.verify('alice', 'secret-password')).toBeNull();
    writeFileSync(file, `alice:editor:${await hashPassword('secret-password', cheap)}\n`);
    expect(await directory.verify('alice', 'secret-password')).toMatchObject({
      name: 'alice',
      role: 'editor',
    });
    expect(await directory.verify('alice', 'wrong')).toBeNull();
    writeFileSync(file, `alice:viewer:${await hashPassword('secret-password', cheap)}\n`);
    expect(await directory.find('alice')).toMatchObject({ name: 'alice', role: 'viewer' });
  });
});

describe('operator:add', () => {
  const add = (file: string, args: string[], input: string) =>
    spawnSync(TSX, ['--conditions=source', 'src/cli/operator-add.ts', '--file', file, ...args], {
      cwd: PACKAGE_DIR,
      input,
      encoding: 'utf8',
    });

  it('appends name:role:hash after asking twice, to a 0600 file', async () => {
    const file = path.join(tempDir(), 'data', 'operators');
    const first = add(file, ['alice'], 'first-password\nfirst-password\n');
    expect(first.status).toBe(0);
    expect(first.stdout).toContain('Added alice (editor)');
    const second = add(file, ['bob', '--role', 'viewer'], 'second-password\nsecond-password\n');
    expect(second.status).toBe(0);
    const lines = readFileSync(file, 'utf8').trim().split('\n');
    expect(lines.map((l) => l.split(':').slice(0, 2).join(':'))).toEqual([
      'alice:editor',
      'bob:viewer',
    ]);
    expect(readFileSync(file, 'utf8')).not.toContain('password');
    expect(statSync(file).mode & 0o777).toBe(0o600);
    const directory = new OperatorDirectory(file);
    expect(await directory.verify('bob', 'second-password')).toMatchObject({
      name: 'bob',
      role: 'viewer',
    });
  }, 30_000);

  it('refuses differing or short passwords, a taken name and a bad role, writing nothing', () => {
    const file = path.join(tempDir(), 'operators');
    expect(add(file, ['alice'], 'first-password\nother-password\n').stderr).toContain('differ');
    expect(add(file, ['alice'], 'short\nshort\n').stderr).toContain('at least 10');
    expect(add(file, ['alice', '--role', 'admin'], '').stderr).toContain('editor or viewer');
    expect(add(file, ['al:ice'], '').stderr).toContain('colons');
    expect(add(file, ['alice'], 'first-password\nfirst-password\n').status).toBe(0);
    const taken = add(file, ['alice'], 'first-password\nfirst-password\n');
    expect(taken.status).toBe(2);
    expect(taken.stderr).toContain('already');
    expect(readFileSync(file, 'utf8').trim().split('\n')).toHaveLength(1);
  }, 60_000);
});
