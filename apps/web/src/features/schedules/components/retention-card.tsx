// "Backups kept: N" for an instance: how many scheduled backups Zomro keeps, what that means in
// days for the schedules it has, and (for editors) a small form to change it, 1 to 10.
import { Suspense, useEffect, useRef, useState } from 'react';
import type { TFunction } from '@/lib/i18n';
import { useTranslation } from '@/lib/i18n';
import { lazyWithTexts } from '@/lib/lazy';
import type { ScheduleRow } from '../api/get-schedules';
import { retentionCoverage } from '../lib/retention';

// The form loads when Change is first pressed (docs/decisions/017-first-screen.md).
const RetentionForm = lazyWithTexts(() =>
  import('./retention-form').then((m) => ({ default: m.RetentionForm })),
);

/**
 * "7 daily backups ≈ the last 6–7 days", for the schedules the instance has: the range over the
 * week of how far back the kept backups reach (../lib/retention.ts).
 */
export function coverageText(
  t: TFunction,
  kept: number,
  schedules: ReadonlyArray<Pick<ScheduleRow, 'days' | 'time'>>,
): string {
  const coverage = retentionCoverage(kept, schedules);
  if (!coverage) return t('retention.noSchedules');
  const period = periodText(t, Math.round(coverage.minDays), Math.round(coverage.maxDays));
  if (coverage.perWeek === 7) return t('retention.coverageDaily', { count: kept, period });
  if (coverage.perWeek === 1) return t('retention.coverageWeekly', { count: kept, period });
  return t('retention.coverage', { count: kept, perWeek: coverage.perWeek, period });
}

/** "the last 3 days", "the last 1–5 days", "from under a day to the last 2 days". */
function periodText(t: TFunction, from: number, to: number): string {
  if (to < 1) return t('retention.lessThanDay');
  if (from === to)
    return to === 1 ? t('retention.lastDay') : t('retention.lastDays', { count: to });
  if (from < 1) return t('retention.underDayTo', { count: to });
  return t('retention.lastDaysRange', { from, count: to });
}

interface RetentionCardProps {
  instanceId: string;
  /** How many backups Zomro keeps; null when Zomro did not say. */
  retention: number | null;
  schedules: readonly ScheduleRow[];
  /** Viewers see the number but cannot change it. */
  canChange: boolean;
}

export function RetentionCard({ instanceId, retention, schedules, canChange }: RetentionCardProps) {
  const { t } = useTranslation();
  const [editing, setEditing] = useState(false);
  const changeRef = useRef<HTMLButtonElement>(null);
  const returnFocus = useRef(false);

  // Back from the form, the keyboard continues from the Change button.
  useEffect(() => {
    if (!editing && returnFocus.current) {
      returnFocus.current = false;
      changeRef.current?.focus();
    }
  }, [editing]);

  const close = () => {
    returnFocus.current = true;
    setEditing(false);
  };

  return (
    <div className="retention">
      {editing ? (
        <Suspense fallback={<span className="spinner" aria-hidden="true" />}>
          <RetentionForm
            instanceId={instanceId}
            initial={retention ?? 3}
            schedules={schedules}
            onDone={close}
          />
        </Suspense>
      ) : (
        <div className="retention-summary">
          <p className="retention-value">
            {retention === null
              ? t('retention.unknown')
              : t('retention.value', { count: retention })}
          </p>
          {retention !== null ? (
            <p className="retention-coverage muted">{coverageText(t, retention, schedules)}</p>
          ) : null}
          {canChange ? (
            <button
              ref={changeRef}
              type="button"
              className="btn btn-secondary btn-small"
              aria-label={t('retention.changeLabel')}
              onClick={() => setEditing(true)}
            >
              {t('retention.change')}
            </button>
          ) : null}
        </div>
      )}
    </div>
  );
}
