// "Backups kept: N" for an instance: how many scheduled backups Zomro keeps, what that means in
// days for the schedules it has, and (for editors) a small form to change it, 1 to 10.
import { RETENTION_MAX, RETENTION_MIN } from '@zomro-dash/shared/plain';
import type { TFunction } from '@/lib/i18n';
import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from '@/lib/i18n';
import { ErrorAlert } from '@/components/ui/error-alert';
import { useNotify } from '@/components/ui/notifications';
import type { ScheduleRow } from '../api/get-schedules';
import { useUpdateRetention } from '../api/update-retention';
import { retentionCoverage } from '../lib/retention';

const CHOICES = Array.from(
  { length: RETENTION_MAX - RETENTION_MIN + 1 },
  (_, i) => RETENTION_MIN + i,
);

/** "7 daily backups ≈ the last 7 days", for the schedules the instance has. */
export function coverageText(
  t: TFunction,
  kept: number,
  schedules: ReadonlyArray<Pick<ScheduleRow, 'days'>>,
): string {
  const coverage = retentionCoverage(kept, schedules);
  if (!coverage) return t('retention.noSchedules');
  const period =
    coverage.days < 1
      ? t('retention.lessThanDay')
      : coverage.days === 1
        ? t('retention.lastDay')
        : t('retention.lastDays', { count: coverage.days });
  if (coverage.perWeek === 7) return t('retention.coverageDaily', { count: kept, period });
  if (coverage.perWeek === 1) return t('retention.coverageWeekly', { count: kept, period });
  return t('retention.coverage', { count: kept, perWeek: coverage.perWeek, period });
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
        <RetentionForm
          instanceId={instanceId}
          initial={retention ?? 3}
          schedules={schedules}
          onDone={close}
        />
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

function RetentionForm({
  instanceId,
  initial,
  schedules,
  onDone,
}: {
  instanceId: string;
  initial: number;
  schedules: readonly ScheduleRow[];
  onDone: () => void;
}) {
  const { t } = useTranslation();
  const notify = useNotify();
  const update = useUpdateRetention(instanceId);
  const [value, setValue] = useState(initial);
  const selectId = useId();
  const hintId = useId();
  const selectRef = useRef<HTMLSelectElement>(null);

  useEffect(() => selectRef.current?.focus(), []);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (update.isPending) return;
    update.mutate(value, {
      onSuccess: (saved) => {
        notify({ tone: 'success', text: t('retention.saved', { count: saved }) });
        onDone();
      },
    });
  };

  return (
    <form className="retention-form" onSubmit={submit}>
      <div className="retention-row">
        <label className="field-label" htmlFor={selectId}>
          {t('retention.label')}
        </label>
        <select
          ref={selectRef}
          id={selectId}
          className="input retention-select"
          value={value}
          aria-describedby={hintId}
          disabled={update.isPending}
          onChange={(event) => setValue(Number(event.target.value))}
          onKeyDown={(event) => {
            if (event.key === 'Escape') onDone();
          }}
        >
          {CHOICES.map((choice) => (
            <option key={choice} value={choice}>
              {choice}
            </option>
          ))}
        </select>
        <span className="retention-actions">
          <button
            type="submit"
            className="btn btn-primary btn-small"
            aria-busy={update.isPending}
            disabled={update.isPending}
          >
            {update.isPending ? <span className="spinner" aria-hidden="true" /> : null}
            {update.isPending ? t('retention.saving') : t('retention.save')}
          </button>
          <button
            type="button"
            className="btn btn-ghost btn-small"
            disabled={update.isPending}
            onClick={onDone}
          >
            {t('retention.cancel')}
          </button>
        </span>
      </div>
      <p id={hintId} className="field-hint">
        {t('retention.hint')}
        <br />
        {coverageText(t, value, schedules)}
      </p>
      {update.isError ? (
        <ErrorAlert error={update.error} title={t('retention.saveFailed')} change />
      ) : null}
    </form>
  );
}
