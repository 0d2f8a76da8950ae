// The small form that changes how many scheduled backups Zomro keeps (1 to 10), for editors.
// Loaded when Change is first pressed.
import { RETENTION_MAX, RETENTION_MIN } from '@zomro-dash/shared/plain';
import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import { ErrorAlert } from '@/components/ui/error-alert';
import { useNotify } from '@/components/ui/notifications';
import { useTranslation } from '@/lib/i18n';
import type { ScheduleRow } from '../api/get-schedules';
import { useUpdateRetention } from '../api/update-retention';
import { coverageText } from './retention-card';

const CHOICES = Array.from(
  { length: RETENTION_MAX - RETENTION_MIN + 1 },
  (_, i) => RETENTION_MIN + i,
);

export function RetentionForm({
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
