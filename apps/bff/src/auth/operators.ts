// Team mode's operators file (OPERATORS_FILE): one `name:role:hash` line per operator, read again
// whenever it changes, so operators added with `npm run operator:add` can sign in at once and a
// removed or demoted operator loses access on their next request.
import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { roleSchema, type Role } from '@zomro-dash/shared';
import { decoyHash, isPasswordHash, verifyPassword } from './password-hash.js';

export interface Operator {
  name: string;
  role: Role;
  /**
   * A fingerprint of the operator's password hash (not the hash): a session remembers it, and a
   * changed password no longer matches.
   */
  credential: string;
}

const fingerprint = (hash: string) =>
  createHash('sha256').update(hash).digest('base64url').slice(0, 22);

/** Names: no colon (the separator), no white space, no control characters. */
export const OPERATOR_NAME = /^[^\s:\p{Cc}]{1,100}$/u;

export interface OperatorsLogger {
  warn(details: object, message: string): void;
}

interface Loaded {
  /** The file's text, null when it is missing. */
  text: string | null;
  operators: Map<string, Operator & { hash: string }>;
}

/** Parses the file; bad lines are reported by number (never their content, which holds hashes). */
export function parseOperators(text: string, onBadLine: (line: number) => void) {
  const operators = new Map<string, Operator & { hash: string }>();
  text.split(/\r?\n/).forEach((raw, index) => {
    const line = raw.trim();
    if (line === '' || line.startsWith('#')) return;
    const [name = '', role = '', ...rest] = line.split(':');
    const hash = rest.join(':');
    const parsedRole = roleSchema.safeParse(role);
    if (!OPERATOR_NAME.test(name) || !parsedRole.success || !isPasswordHash(hash)) {
      onBadLine(index + 1);
      return;
    }
    operators.set(name, { name, role: parsedRole.data, hash, credential: fingerprint(hash) });
  });
  return operators;
}

export class OperatorDirectory {
  readonly #file: string;
  readonly #logger: OperatorsLogger | undefined;
  #loaded: Loaded | null = null;
  #checkedAt = 0;
  #reading: Promise<Loaded> | null = null;
  readonly #checkEveryMs: number;

  constructor(file: string, options: { logger?: OperatorsLogger; checkEveryMs?: number } = {}) {
    this.#file = file;
    this.#logger = options.logger;
    this.#checkEveryMs = options.checkEveryMs ?? 1_000;
  }

  /** Reads the file now: at start-up, so that an unreadable file is reported then, not later. */
  async load(): Promise<void> {
    await this.#current(true);
  }

  /** The operator with this name, as the file says now (checked at most once a second). */
  async find(name: string): Promise<Operator | null> {
    const found = (await this.#current()).operators.get(name);
    return found ? { name: found.name, role: found.role, credential: found.credential } : null;
  }

  /** The operator, if the password is theirs; an unknown name takes as long as a wrong password. */
  async verify(name: string, password: string): Promise<Operator | null> {
    const found = (await this.#current(true)).operators.get(name);
    if (!found) {
      await verifyPassword(password, await decoyHash());
      return null;
    }
    return (await verifyPassword(password, found.hash))
      ? { name, role: found.role, credential: found.credential }
      : null;
  }

  async #current(fresh = false): Promise<Loaded> {
    const now = Date.now();
    if (this.#loaded && !fresh && now - this.#checkedAt < this.#checkEveryMs) return this.#loaded;
    this.#reading ??= this.#reload().finally(() => {
      this.#reading = null;
    });
    return this.#reading;
  }

  async #reload(): Promise<Loaded> {
    this.#checkedAt = Date.now();
    // A small file read at most once a second: cheaper than trusting timestamps.
    const text = await readFile(this.#file, 'utf8').catch(() => null);
    if (this.#loaded && this.#loaded.text === text) return this.#loaded;
    if (text === null) {
      this.#logger?.warn(
        { file: this.#file },
        'the operators file cannot be read: nobody can sign in',
      );
      this.#loaded = { text, operators: new Map() };
      return this.#loaded;
    }
    const operators = parseOperators(text, (line) =>
      this.#logger?.warn({ file: this.#file, line }, 'operators file: ignoring a malformed line'),
    );
    this.#loaded = { text, operators };
    return this.#loaded;
  }
}
