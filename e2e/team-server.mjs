// The team-mode BFF of the Playwright suite: writes an operators file with the passwords in
// e2e/team/operators.json, then runs the built server holding the emulator's `demo` account.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

const { hashPassword } = await import('../apps/bff/dist/auth/password-hash.js');
const operators = JSON.parse(
  readFileSync(new URL('./team/operators.json', import.meta.url), 'utf8'),
);
const dir = mkdtempSync(path.join(tmpdir(), 'e2e-team-'));
const lines = await Promise.all(
  operators.map(async (o) => `${o.name}:${o.role}:${await hashPassword(o.password)}`),
);
writeFileSync(path.join(dir, 'operators'), `${lines.join('\n')}\n`, { mode: 0o600 });

Object.assign(process.env, {
  ZOMRO_USERNAME: 'demo',
  ZOMRO_PASSWORD: 'demo',
  OPERATORS_FILE: path.join(dir, 'operators'),
  AUDIT_LOG_PATH: path.join(dir, 'audit.log'),
});
await import('../apps/bff/dist/server.js');
