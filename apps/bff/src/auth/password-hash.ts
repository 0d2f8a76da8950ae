// Operator passwords as scrypt hashes (node:crypto), in a PHC-style string that carries its own
// parameters: `$scrypt$ln=15,r=8,p=1$<salt>$<hash>` (base64, no padding, no colons).
import { randomBytes, scrypt, timingSafeEqual, type ScryptOptions } from 'node:crypto';

const KEY_LENGTH = 32;
/** 2^15 × r 8 ≈ 32 MiB and ~0.1 s per hash: slow for a guesser, fine for a sign-in. */
const DEFAULT_COST = { ln: 15, r: 8, p: 1 };

function derive(password: string, salt: Buffer, cost: typeof DEFAULT_COST, length: number) {
  const options: ScryptOptions = {
    N: 2 ** cost.ln,
    r: cost.r,
    p: cost.p,
    maxmem: 256 * 2 ** cost.ln * cost.r,
  };
  return new Promise<Buffer>((resolve, reject) =>
    scrypt(password.normalize('NFC'), salt, length, options, (error, key) =>
      error ? reject(error) : resolve(key),
    ),
  );
}

const b64 = (buffer: Buffer) => buffer.toString('base64').replace(/=+$/, '');

export async function hashPassword(password: string, cost = DEFAULT_COST): Promise<string> {
  const salt = randomBytes(16);
  const key = await derive(password, salt, cost, KEY_LENGTH);
  return `$scrypt$ln=${cost.ln},r=${cost.r},p=${cost.p}$${b64(salt)}$${b64(key)}`;
}

const FORMAT =
  /^\$scrypt\$ln=(\d{1,2}),r=(\d{1,2}),p=(\d{1,2})\$([A-Za-z0-9+/]{16,})\$([A-Za-z0-9+/]{16,})$/;

/** Whether a stored hash is one this module can check. */
export function isPasswordHash(hash: string): boolean {
  const match = FORMAT.exec(hash);
  return match !== null && Number(match[1]) >= 10 && Number(match[1]) <= 20;
}

/** Whether `password` is the one `hash` was made from (false for a malformed hash). */
export async function verifyPassword(password: string, hash: string): Promise<boolean> {
  const match = FORMAT.exec(hash);
  if (!match || !isPasswordHash(hash)) return false;
  const cost = { ln: Number(match[1]), r: Number(match[2]), p: Number(match[3]) };
  const expected = Buffer.from(match[5]!, 'base64');
  const key = await derive(password, Buffer.from(match[4]!, 'base64'), cost, expected.length);
  return timingSafeEqual(key, expected);
}

/** A hash of nothing anyone knows, checked for unknown names so they take as long as known ones. */
let decoy: Promise<string> | null = null;
export function decoyHash(): Promise<string> {
  decoy ??= hashPassword(randomBytes(16).toString('hex'));
  return decoy;
}
