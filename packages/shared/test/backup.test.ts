import { describe, expect, it } from 'vitest';
import {
  backupCreateInputSchema,
  backupDeleteRefusal,
  backupKindFromZomro,
  backupPatchInputSchema,
  backupStatusFromZomro,
  parseProviderDateTime,
  toProviderIso,
  toZomroDateTime,
} from '../src/index.js';

describe('backupStatusFromZomro', () => {
  it.each([
    ['active', 'ready'],
    ['ACTIVE ', 'ready'],
    ['queued', 'in-progress'],
    ['saving', 'in-progress'],
    ['uploading', 'in-progress'],
    ['importing', 'in-progress'],
    ['killed', 'failed'],
    ['suspended', 'failed'],
    ['stopped', 'failed'],
    ['deleted', 'deleting'],
    ['pending_delete', 'deleting'],
    ['deletion in progress', 'deleting'],
    ['deactivated', 'unknown'],
    ['', 'unknown'],
  ])('%j is %s', (word, status) => {
    expect(backupStatusFromZomro(word)).toBe(status);
  });
  it('reads backup_type', () => {
    expect(backupKindFromZomro('auto')).toBe('scheduled');
    expect(backupKindFromZomro('manual')).toBe('manual');
  });
});

describe('backupDeleteRefusal', () => {
  it('refuses protected first, then anything neither ready nor failed', () => {
    expect(backupDeleteRefusal({ status: 'ready', protected: true })).toBe('BACKUP_PROTECTED');
    expect(backupDeleteRefusal({ status: 'in-progress', protected: false })).toBe('BACKUP_BUSY');
    expect(backupDeleteRefusal({ status: 'deleting', protected: false })).toBe('BACKUP_BUSY');
    expect(backupDeleteRefusal({ status: 'unknown', protected: false })).toBe('BACKUP_BUSY');
    expect(backupDeleteRefusal({ status: 'failed', protected: false })).toBeNull();
    expect(backupDeleteRefusal({ status: 'ready', protected: false })).toBeNull();
  });
});

describe('provider time', () => {
  it('writes and reads GMT+3', () => {
    const instant = new Date('2026-12-06T23:04:00Z');
    expect(toProviderIso(instant)).toBe('2026-12-07T02:04:00+03:00');
    expect(toZomroDateTime(instant)).toBe('2026-12-07 02:04:00');
    expect(parseProviderDateTime('2026-12-07 02:04:00')?.toISOString()).toBe(instant.toISOString());
    expect(parseProviderDateTime('2026-12-07 02:04')?.toISOString()).toBe(instant.toISOString());
    expect(parseProviderDateTime('2026-12-07T02:04:00+03:00')?.toISOString()).toBe(
      instant.toISOString(),
    );
    expect(parseProviderDateTime('2026-12-06T23:04:00Z')?.toISOString()).toBe(
      instant.toISOString(),
    );
    expect(parseProviderDateTime('2026-12-07')?.toISOString()).toBe('2026-12-06T21:00:00.000Z');
  });
  it('refuses what is not a date', () => {
    expect(parseProviderDateTime('yesterday')).toBeNull();
    expect(parseProviderDateTime('2026-02-31 10:00')).toBeNull();
    expect(parseProviderDateTime('2026-12-07 24:00')).toBeNull();
  });
});

describe('backup inputs', () => {
  it('names follow the schedule name rules', () => {
    expect(backupCreateInputSchema.parse({ name: '  before upgrade ' })).toEqual({
      name: 'before upgrade',
    });
    expect(backupCreateInputSchema.safeParse({ name: '' }).success).toBe(false);
    expect(backupCreateInputSchema.safeParse({ name: 'a\u0007' }).success).toBe(false);
    expect(backupCreateInputSchema.safeParse({ name: 'x'.repeat(101) }).success).toBe(false);
  });
  it('a patch changes something', () => {
    expect(backupPatchInputSchema.safeParse({}).success).toBe(false);
    expect(backupPatchInputSchema.safeParse({ protected: 'yes' }).success).toBe(false);
    expect(backupPatchInputSchema.parse({ protected: true })).toEqual({ protected: true });
  });
});
