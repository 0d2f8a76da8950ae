// `npm run operator:add -- <name> [--role viewer] [--file <path>]`: asks for the new operator's
// password twice without echo and appends `name:role:hash` to the operators file (OPERATORS_FILE).
// Reads the two passwords from standard input when it is not a terminal (scripts, tests).
import { appendFile, mkdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { Writable } from 'node:stream';
import { parseArgs } from 'node:util';
import { roleSchema } from '@zomro-dash/shared';
import { hashPassword } from '../auth/password-hash.js';
import { OPERATOR_NAME, parseOperators } from '../auth/operators.js';

const MIN_PASSWORD = 10;

class UsageError extends Error {}

/** Prompts on stderr; with a terminal, what is typed is not echoed. */
function passwordReader() {
  const terminal = process.stdin.isTTY;
  let muted = false;
  const output = new Writable({
    write(chunk: Buffer, _encoding, callback) {
      if (!muted) process.stderr.write(chunk);
      callback();
    },
  });
  const rl = createInterface({ input: process.stdin, output, terminal });
  const lines = rl[Symbol.asyncIterator]();
  return {
    async ask(prompt: string): Promise<string> {
      process.stderr.write(prompt);
      muted = true;
      const next: IteratorResult<string> = await lines.next();
      muted = false;
      if (terminal) process.stderr.write('\n');
      if (next.done === true) throw new UsageError('no password given');
      return next.value;
    },
    close: () => rl.close(),
  };
}

async function main(): Promise<number> {
  const { values, positionals } = parseArgs({
    args: process.argv.slice(2),
    options: {
      role: { type: 'string', default: 'editor' },
      file: { type: 'string' },
    },
    allowPositionals: true,
  });
  const [name] = positionals;
  if (positionals.length !== 1 || name === undefined) {
    throw new UsageError('usage: npm run operator:add -- <name> [--role editor|viewer]');
  }
  if (!OPERATOR_NAME.test(name)) {
    throw new UsageError('a name is 1–100 characters without spaces or colons');
  }
  const role = roleSchema.safeParse(values.role);
  if (!role.success) throw new UsageError('--role is editor or viewer');
  const file = path.resolve(values.file ?? 'data/operators');
  const existing = await readFile(file, 'utf8').catch(() => '');
  if (parseOperators(existing, () => undefined).has(name)) {
    throw new UsageError(`${name} is already in ${file}; remove their line first to replace it`);
  }

  const reader = passwordReader();
  let password: string;
  try {
    password = await reader.ask(`Password for ${name}: `);
    const again = await reader.ask('The same password again: ');
    if (password !== again) throw new UsageError('the two passwords differ; nothing was written');
  } finally {
    reader.close();
  }
  if ([...password].length < MIN_PASSWORD) {
    throw new UsageError(`a password has at least ${MIN_PASSWORD} characters; nothing was written`);
  }

  await mkdir(path.dirname(file), { recursive: true, mode: 0o700 });
  const separator = existing === '' || existing.endsWith('\n') ? '' : '\n';
  const line = `${name}:${role.data}:${await hashPassword(password)}\n`;
  await appendFile(file, `${separator}${line}`, { mode: 0o600 });
  process.stdout.write(
    `Added ${name} (${role.data}) to ${file}.\n` +
      `The dashboard reads it in team mode when OPERATORS_FILE=${file}.\n`,
  );
  return 0;
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error instanceof UsageError ? error.message : error);
    process.exit(error instanceof UsageError ? 2 : 1);
  },
);
