// The audit file: mode 0600 in a 0700 folder, pages newest first across chunk boundaries without
// losing or repeating an entry, a torn last line, and intents a killed process left open.
import { appendFileSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { AuditEntry } from '@zomro-dash/shared';
import { describe, expect, it } from 'vitest';
import { FileAuditStore } from '../../src/stores/audit-file.js';
import type { AuditRecord } from '../../src/stores/audit.js';
import { tempDir } from '../helper.js';

let counter = 0;
function entry(overrides: Partial<AuditEntry> = {}): AuditEntry {
  counter++;
  return {
    id: `id-${counter}`,
    at: new Date(1_700_000_000_000 + counter * 1000).toISOString(),
    actor: 'alice',
    account: 'team',
    action: 'schedule.create',
    instanceId: '1',
    scheduleId: String(counter),
    before: null,
    after: { name: `schedule ${counter} ${'x'.repeat(200)}`, days: [1], time: '01:00' },
    outcome: 'ok',
    ...overrides,
  };
}

const final = (e: AuditEntry): AuditRecord => ({ ...e, phase: 'final' });

describe('FileAuditStore', () => {
  it('creates the file 0600 in a 0700 folder', async () => {
    const file = path.join(tempDir(), 'nested', 'audit.log');
    const store = await FileAuditStore.open(file);
    await store.append(final(entry()));
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(statSync(path.dirname(file)).mode & 0o777).toBe(0o700);
    await store.close();
  });

  it('pages newest first across many chunks, each entry once, with filters', async () => {
    const file = path.join(tempDir(), 'audit.log');
    const store = await FileAuditStore.open(file);
    const written: AuditEntry[] = [];
    // About 300 bytes a line: 1,000 lines span several 64 KiB chunks.
    for (let i = 0; i < 1000; i++) {
      const e = entry({
        actor: i % 3 === 0 ? 'bob' : 'alice',
        account: i % 10 === 0 ? 'other' : 'team',
      });
      written.push(e);
      await store.append({ ...e, phase: 'intent', outcome: 'unknown' });
      await store.append(final(e));
    }
    const expected = written.filter((e) => e.account === 'team' && e.actor === 'bob').reverse();
    const seen: AuditEntry[] = [];
    let cursor: string | undefined;
    for (;;) {
      const page = await store.page({
        account: 'team',
        actor: 'bob',
        limit: 37,
        ...(cursor && { cursor }),
      });
      seen.push(...page.entries);
      if (page.nextCursor === null) break;
      expect(page.entries).toHaveLength(37);
      cursor = page.nextCursor;
    }
    expect(seen.map((e) => e.id)).toEqual(expected.map((e) => e.id));
    expect(seen[0]).toEqual(expected[0]);
    const all = await store.page({ account: 'team', limit: 200 });
    expect(all.entries).toHaveLength(200);
    expect(new Set(all.entries.map((e) => e.id)).size).toBe(200);
    await store.close();
  });

  it('closes intents a killed process left open as unknown, and survives a torn last line', async () => {
    const file = path.join(tempDir(), 'audit.log');
    const first = await FileAuditStore.open(file);
    const done = entry();
    const interrupted = entry({ action: 'schedule.update' });
    await first.append({ ...done, phase: 'intent', outcome: 'unknown' });
    await first.append(final(done));
    await first.append({ ...interrupted, phase: 'intent', outcome: 'unknown' });
    await first.close();
    appendFileSync(file, '{"phase":"final","id":"torn'); // the process died mid-write

    const second = await FileAuditStore.open(file);
    const { entries } = await second.page({ account: 'team', limit: 10 });
    expect(entries.map((e) => [e.id, e.outcome])).toEqual([
      [interrupted.id, 'unknown'],
      [done.id, 'ok'],
    ]);
    await second.append(final(entry({ id: 'after-restart' })));
    await second.close();
    const third = await FileAuditStore.open(file);
    expect((await third.page({ account: 'team', limit: 1 })).entries[0]?.id).toBe('after-restart');
    // Reopening does not close the same intent twice.
    expect(readFileSync(file, 'utf8').split(interrupted.id).length - 1).toBe(2);
    await third.close();
  });

  it('knows each schedule’s last successful change, also after a restart', async () => {
    const file = path.join(tempDir(), 'audit.log');
    writeFileSync(file, '');
    const store = await FileAuditStore.open(file);
    await store.append(final(entry({ id: 'c', scheduleId: '7', actor: 'alice' })));
    await store.append(
      final(entry({ id: 'u', scheduleId: '7', actor: 'bob', action: 'schedule.update' })),
    );
    await store.append(
      final(
        entry({
          id: 'f',
          scheduleId: '7',
          actor: 'carol',
          action: 'schedule.update',
          outcome: 'failed',
        }),
      ),
    );
    await store.append(final(entry({ id: 'd', scheduleId: '8', actor: 'dan' })));
    await store.append(final(entry({ id: 'x', scheduleId: '8', action: 'schedule.delete' })));
    await store.close();
    const reopened = await FileAuditStore.open(file);
    const last = await reopened.lastChanges('team', '1');
    expect([...last.keys()]).toEqual(['7']);
    expect(last.get('7')).toMatchObject({ actor: 'bob', action: 'schedule.update' });
    expect((await reopened.lastChanges('other', '1')).size).toBe(0);
    await reopened.close();
  });
});
