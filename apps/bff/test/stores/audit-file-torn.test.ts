// A failed append (a full disk) must not hide the entries acknowledged after it: the half line it
// left is cut off before the next write, and while it cannot be cut nothing is written (503).
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { AuditEntry } from '@zomro-dash/shared';
import { describe, expect, it } from 'vitest';
import { FileAuditStore } from '../../src/stores/audit-file.js';
import { AuditUnavailableError, type AuditRecord } from '../../src/stores/audit.js';
import { tempDir } from '../helper.js';
import { FullDisk } from './full-disk.js';

let counter = 0;
function final(): AuditRecord {
  counter++;
  return {
    id: `torn-${counter}`,
    at: new Date(1_700_000_000_000 + counter * 1000).toISOString(),
    actor: 'alice',
    account: 'team',
    action: 'schedule.create',
    instanceId: '1',
    scheduleId: String(counter),
    before: null,
    after: { name: `schedule ${counter}`, days: [1], time: '01:00' },
    outcome: 'ok',
    phase: 'final',
  };
}

const ids = async (store: FileAuditStore) =>
  (await store.page({ account: 'team', limit: 50 })).entries.map((e: AuditEntry) => e.id);

describe('FileAuditStore after a failed append', () => {
  it('cuts the torn line, so what is acknowledged afterwards stays readable', async () => {
    const file = path.join(tempDir(), 'audit.log');
    const disk = new FullDisk();
    const store = await FileAuditStore.open(file, undefined, { openFile: disk.open });
    const [a, b, c] = [final(), final(), final()];
    await store.append(a);
    disk.tear = true;
    await expect(store.append(b)).rejects.toBeInstanceOf(AuditUnavailableError);
    await store.append(c);
    expect(await ids(store)).toEqual([c.id, a.id]);
    await store.close();
    // Every line on disk is whole, and a restart reads both acknowledged entries.
    const lines = readFileSync(file, 'utf8').split('\n').filter(Boolean);
    expect(lines.map((line) => (JSON.parse(line) as { id: string }).id)).toEqual([a.id, c.id]);
    const reopened = await FileAuditStore.open(file);
    expect(await ids(reopened)).toEqual([c.id, a.id]);
    await reopened.close();
  });

  it('writes nothing and is not writable while the torn line cannot be cut', async () => {
    const file = path.join(tempDir(), 'audit.log');
    const disk = new FullDisk();
    const store = await FileAuditStore.open(file, undefined, { openFile: disk.open });
    const [a, b, c, d] = [final(), final(), final(), final()];
    await store.append(a);
    expect(await store.writable()).toBe(true);
    disk.tear = true;
    disk.refuseTruncate = true;
    await expect(store.append(b)).rejects.toBeInstanceOf(AuditUnavailableError);
    await expect(store.append(c)).rejects.toBeInstanceOf(AuditUnavailableError);
    expect(await store.writable()).toBe(false);
    disk.refuseTruncate = false;
    expect(await store.writable()).toBe(true);
    await store.append(d);
    expect(await ids(store)).toEqual([d.id, a.id]);
    await store.close();
  });
});
