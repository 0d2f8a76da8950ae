import { describe, expect, it } from 'vitest';
import { base32Decode, base32Encode, hotp, totpCode, verifyTotp } from '../src/totp.js';

// RFC 6238 appendix B, SHA-1 rows: the key is the ASCII string "12345678901234567890".
const RFC_KEY = Buffer.from('12345678901234567890', 'ascii');
const RFC_VECTORS: Array<[seconds: number, code: string]> = [
  [59, '94287082'],
  [1111111109, '07081804'],
  [1111111111, '14050471'],
  [1234567890, '89005924'],
  [2000000000, '69279037'],
  [20000000000, '65353130'],
];

describe('TOTP', () => {
  it.each(RFC_VECTORS)('matches the RFC 6238 test vector at T=%i', (seconds, code) => {
    expect(hotp(RFC_KEY, Math.floor(seconds / 30), 8)).toBe(code);
    // Six digits are the last six of the eight-digit value (truncation is modulo 10^digits).
    expect(totpCode(base32Encode(RFC_KEY), seconds * 1000)).toBe(code.slice(2));
  });

  it('round-trips base32 and ignores case, spaces and padding', () => {
    const secret = base32Encode(RFC_KEY);
    expect(secret).toBe('GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ');
    expect(base32Decode(secret.toLowerCase().replace(/(.{4})/g, '$1 ') + '==')).toEqual(RFC_KEY);
    expect(() => base32Decode('not base32!')).toThrow();
  });

  it('accepts the previous, current and next step only', () => {
    const secret = base32Encode(RFC_KEY);
    const at = 1_700_000_000_000;
    for (const offset of [-30_000, 0, 30_000]) {
      expect(verifyTotp(secret, totpCode(secret, at + offset), at)).toBe(true);
    }
    expect(verifyTotp(secret, totpCode(secret, at - 60_000), at)).toBe(false);
    expect(verifyTotp(secret, totpCode(secret, at + 60_000), at)).toBe(false);
    expect(verifyTotp(secret, '12345', at)).toBe(false);
  });
});
