// The Activity table words every action the audit trail records, a change of how many backups are
// kept included (it used to read "Other (instance.retention)" with no change shown), in both
// languages.
import type { AuditEntry } from '@zomro-dash/shared';
import { render, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { ActivityTable } from '@/features/activity/components/activity-table';
import { i18n } from '@/lib/i18n';
import { Router } from '@/lib/router';

const RETENTION: AuditEntry = {
  id: '1',
  at: '2026-11-29T08:00:00.000Z',
  actor: 'alice',
  action: 'instance.retention',
  instanceId: '5203773',
  scheduleId: null,
  before: null,
  after: null,
  retention: { before: 3, after: 5 },
  outcome: 'ok',
} as AuditEntry;

function renderTable(entries: AuditEntry[]) {
  render(
    <Router>
      <ActivityTable entries={entries} instances={new Map()} now={new Date('2026-11-29T09:00Z')} />
    </Router>,
  );
}

describe('ActivityTable', () => {
  it('names a change of the backups kept and shows it, in English', () => {
    renderTable([RETENTION]);
    const row = screen.getByRole('row', { name: /alice/ });
    expect(row.textContent).toContain('Changed how many backups are kept');
    expect(row.textContent).toContain('Backups kept: 3 → 5');
    expect(row.textContent).not.toContain('Other');
  });

  it('does so in Russian, and says "?" when Zomro had not said how many', async () => {
    await i18n.changeLanguage('ru');
    renderTable([{ ...RETENTION, retention: { before: null, after: 2 } }]);
    const row = screen.getByRole('row', { name: /alice/ });
    expect(row.textContent).toContain('Изменил(а) число хранимых копий');
    expect(row.textContent).toContain('Хранить копий: ? → 2');
  });

  it('keeps "Other" for an action it does not know', () => {
    renderTable([{ ...RETENTION, action: 'session.renewed' as AuditEntry['action'] }]);
    expect(screen.getByRole('row', { name: /alice/ }).textContent).toContain(
      'Other (session.renewed)',
    );
  });
});

describe('ActivityTable times and reasons', () => {
  it('gives the exact time in the operator’s zone and in GMT+3 beside the relative one', async () => {
    await i18n.changeLanguage('en');
    renderTable([{ ...RETENTION, at: '2026-11-29T08:00:00.000Z' }]);
    const row = screen.getByRole('row', { name: /alice/ });
    expect(row.textContent).toContain('1 hour ago');
    expect(row.textContent).toContain('your time');
    expect(row.textContent).toMatch(/11:00\s*GMT\+3/);
  });

  it('says why a sign-in failed without repeating the action', () => {
    renderTable([
      {
        ...RETENTION,
        action: 'session.sign-in-failed',
        instanceId: null,
        retention: undefined,
        outcome: 'failed',
        errorCode: 'BAD_CREDENTIALS',
      },
    ]);
    const row = screen.getByRole('row', { name: /alice/ });
    expect(row.textContent).toContain('Sign-in failed');
    expect(row.textContent).toContain('Failed: wrong username or password');
    expect(row.textContent).not.toContain('Failed: Sign-in failed');
  });
});

describe('ActivityTable pending creates', () => {
  const PENDING = {
    ...RETENTION,
    action: 'schedule.create',
    retention: undefined,
    after: { name: 'Nightly', days: [1], time: '03:00' },
    outcome: 'pending',
  } as AuditEntry;

  it('shows a pending create as pending, not failed, in English', async () => {
    await i18n.changeLanguage('en');
    renderTable([PENDING]);
    const row = screen.getByRole('row', { name: /alice/ });
    expect(row.textContent).toContain('Pending');
    expect(row.textContent).toContain('Zomro accepted the change');
    expect(row.textContent).not.toContain('Failed');
  });

  it('and in Russian', async () => {
    await i18n.changeLanguage('ru');
    renderTable([PENDING]);
    const row = screen.getByRole('row', { name: /alice/ });
    expect(row.textContent).toContain('Ожидает');
    expect(row.textContent).not.toContain('Ошибка');
    await i18n.changeLanguage('en');
  });
});
