// RFC 6238 one-time codes (HMAC-SHA-1, 30-second steps), as an authenticator app computes them
// for the emulator's two-factor accounts.
import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';

const BASE32_ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';
export const TOTP_STEP_SECONDS = 30;
export const TOTP_DIGITS = 6;

/** Decodes RFC 4648 base32, ignoring case, spaces and padding (authenticator apps show it grouped). */
export function base32Decode(text: string): Buffer {
  const clean = text.replace(/[\s=]/g, '').toUpperCase();
  let bits = 0;
  let value = 0;
  const bytes: number[] = [];
  for (const char of clean) {
    const index = BASE32_ALPHABET.indexOf(char);
    if (index < 0) throw new Error('A TOTP secret must be base32');
    value = (value << 5) | index;
    bits += 5;
    if (bits >= 8) {
      bits -= 8;
      bytes.push((value >>> bits) & 0xff);
    }
  }
  return Buffer.from(bytes);
}

export function base32Encode(bytes: Uint8Array): string {
  let bits = 0;
  let value = 0;
  let out = '';
  for (const byte of bytes) {
    value = (value << 8) | byte;
    bits += 8;
    while (bits >= 5) {
      bits -= 5;
      out += BASE32_ALPHABET[(value >>> bits) & 31];
    }
  }
  if (bits > 0) out += BASE32_ALPHABET[(value << (5 - bits)) & 31];
  return out;
}

/** A fresh 160-bit secret, the size RFC 4226 recommends for SHA-1. */
export function generateTotpSecret(): string {
  return base32Encode(randomBytes(20));
}

/** RFC 4226 HOTP: dynamic truncation of HMAC-SHA-1 over the 8-byte big-endian counter. */
export function hotp(key: Buffer, counter: number, digits = TOTP_DIGITS): string {
  const message = Buffer.alloc(8);
  message.writeBigUInt64BE(BigInt(counter));
  const mac = createHmac('sha1', key).update(message).digest();
  const offset = (mac[mac.length - 1] ?? 0) & 0x0f;
  const binary = mac.readUInt32BE(offset) & 0x7fffffff;
  return String(binary % 10 ** digits).padStart(digits, '0');
}

function stepAt(at: number): number {
  return Math.floor(at / 1000 / TOTP_STEP_SECONDS);
}

/** The 6-digit code valid at `at` (milliseconds since the epoch) for a base32 secret. */
export function totpCode(secretBase32: string, at: number = Date.now()): string {
  return hotp(base32Decode(secretBase32), stepAt(at));
}

/**
 * Whether `code` is valid at `at`, allowing one step either side for clock drift between the
 * phone and the server, as RFC 6238 section 6 suggests.
 */
export function verifyTotp(secretBase32: string, code: string, at: number): boolean {
  if (!/^\d{6}$/.test(code)) return false;
  const key = base32Decode(secretBase32);
  const step = stepAt(at);
  let valid = false;
  for (const candidate of [step - 1, step, step + 1]) {
    // Compare every candidate in constant time so the answer's timing reveals nothing.
    if (timingSafeEqual(Buffer.from(hotp(key, candidate)), Buffer.from(code))) valid = true;
  }
  return valid;
}
