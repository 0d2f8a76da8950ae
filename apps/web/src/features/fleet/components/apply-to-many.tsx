// Apply to many: the one schedule form for the selected servers, progress while the BFF works
// through them, then the outcome per server in the form's place (so nothing invites a second
// Create), with only a retry of the failed ones and Done. The form warns per server when the new
// schedule starts at the same minute as one it has, and can spread the start times over a window.
import type {
  BackupSchedule,
  BulkResult,
  ScheduleInput,
  ValidScheduleInput,
} from '@zomro-dash/shared';
import { useEffect, useId, useRef, useState, type ReactNode } from 'react';
import { useTranslation } from '@/lib/i18n';
import { errorMessage } from '@/components/ui/error-alert';
import { ApiError } from '@/lib/api-client';
import { useBulkCreate } from '../api/bulk-create';
import { RunKeys } from '../lib/run-keys';
import { addMinutes, spreadOffsets } from '../lib/spread';
import { SpreadControl } from './spread-control';
import { ChosenServers } from './chosen-servers';

export interface ScheduleFormSlot {
  title: string;
  note?: ReactNode;
  defaultValues: ScheduleInput;
  onSubmit: (values: ValidScheduleInput) => Promise<unknown>;
  onCancel: () => void;
  /** The chosen servers' schedules, named, for the same-minute warning. */
  others?: ReadonlyArray<{
    name: string;
    days: readonly BackupSchedule['days'][number][];
    time: string;
    server: string;
    shift: number;
  }>;
}

/** One bulk call: the servers that get the schedule at this time. */
interface Batch {
  instanceIds: string[];
  input: ValidScheduleInput;
}

export function ApplyToMany({
  targets,
  names,
  schedules,
  initial,
  copiedFrom,
  renderForm,
  onClose,
  onDone,
}: {
  targets: readonly string[];
  names: ReadonlyMap<string, string>;
  /** Each server's schedules as the overview read them. */
  schedules: ReadonlyMap<string, readonly BackupSchedule[]>;
  initial: ScheduleInput;
  copiedFrom?: string;
  renderForm: (slot: ScheduleFormSlot) => ReactNode;
  onClose: () => void;
  /** "Done" after a run: the selection has been served. */
  onDone: () => void;
}) {
  const { t } = useTranslation();
  const outcomeId = useId();
  const bulk = useBulkCreate();
  // One run of the form: its keys make a repeat of a request answer, never create again.
  const [keys] = useState(() => new RunKeys());
  const [results, setResults] = useState<BulkResult[] | null>(null);
  // What each server was sent (a spread gives each its own time): a retry sends it again.
  const [sent, setSent] = useState<ReadonlyMap<string, ValidScheduleInput>>(new Map());
  const [spread, setSpread] = useState<number | null>(null);
  const [running, setRunning] = useState(0);
  const [needTargets, setNeedTargets] = useState(false);
  const outcomeRef = useRef<HTMLElement>(null);
  const hasOutcome = results !== null;
  // The outcome replaces the form: bring it into view and to the keyboard once it is there.
  useEffect(() => {
    if (hasOutcome) outcomeRef.current?.focus();
  }, [hasOutcome]);

  /** The batches for these servers: one, or with a spread one per distinct start time. */
  const plan = (instanceIds: readonly string[], input: ValidScheduleInput): Batch[] => {
    if (spread === null) return [{ instanceIds: [...instanceIds], input }];
    const offsets = spreadOffsets(instanceIds.length, spread, input.time);
    const byTime = new Map<string, string[]>();
    instanceIds.forEach((id, i) => {
      const time = addMinutes(input.time, offsets[i] ?? 0);
      byTime.set(time, [...(byTime.get(time) ?? []), id]);
    });
    return [...byTime].map(([time, ids]) => ({ instanceIds: ids, input: { ...input, time } }));
  };

  const run = async (batches: readonly Batch[]) => {
    setRunning(batches.reduce((n, b) => n + b.instanceIds.length, 0));
    try {
      const answered: BulkResult[] = [];
      for (const batch of batches) {
        // One batch after the other: the BFF bounds its own calls to Zomro per request.
        const results = await bulk.mutateAsync({
          ...batch,
          idempotencyKey: keys.keyFor(batch),
        });
        keys.answered(batch);
        answered.push(...results);
        setSent((current) => {
          const next = new Map(current);
          for (const id of batch.instanceIds) next.set(id, batch.input);
          return next;
        });
      }
      const byId = new Map(answered.map((r) => [r.instanceId, r]));
      // A retry answers only the failed ones: the others keep their first outcome.
      setResults((previous) =>
        previous ? previous.map((r) => byId.get(r.instanceId) ?? r) : answered,
      );
    } finally {
      setRunning(0);
    }
  };

  /** The failed servers again, each with what it was sent, grouped by that. */
  const retryPlan = (ids: readonly string[]): Batch[] => {
    const byInput = new Map<string, Batch>();
    for (const id of ids) {
      const input = sent.get(id);
      if (!input) continue;
      const key = JSON.stringify(input);
      const batch = byInput.get(key) ?? { instanceIds: [], input };
      batch.instanceIds.push(id);
      byInput.set(key, batch);
    }
    return [...byInput.values()];
  };

  const shownOffsets = spread === null ? [] : spreadOffsets(targets.length, spread, '00:00');
  const others = targets.flatMap((id, i) =>
    (schedules.get(id) ?? []).map((s) => ({
      name: s.name,
      days: s.days,
      time: s.time,
      server: names.get(id) ?? id,
      shift: shownOffsets[i] ?? 0,
    })),
  );

  const failed = results?.filter((r) => r.status === 'failed') ?? [];
  const created = (results?.length ?? 0) - failed.length;

  return (
    <div className="apply-to-many">
      {results
        ? null
        : renderForm({
            title: t('fleet.applyTitle', { count: targets.length }),
            note: (
              <>
                {copiedFrom ? (
                  <p className="muted">{t('fleet.copyNote', { name: copiedFrom })}</p>
                ) : null}
                {targets.length > 1 ? <SpreadControl value={spread} onChange={setSpread} /> : null}
                <ChosenServers ids={targets} names={names} offsets={shownOffsets} />
                {needTargets && targets.length === 0 ? (
                  <p className="alert alert-warn" role="alert">
                    {t('fleet.selectFirst')}
                  </p>
                ) : null}
              </>
            ),
            defaultValues: initial,
            onSubmit: async (values) => {
              if (targets.length === 0) {
                setNeedTargets(true);
                return false;
              }
              setNeedTargets(false);
              await run(plan(targets, values));
              return false;
            },
            onCancel: onClose,
            others,
          })}
      {running > 0 ? (
        <div className="apply-progress">
          <div
            className="progress-bar is-indeterminate"
            role="progressbar"
            aria-label={t('fleet.applying', { count: running })}
          />
          <p className="muted" role="status">
            {t('fleet.applying', { count: running })}
          </p>
        </div>
      ) : null}
      {results ? (
        <section
          ref={outcomeRef}
          tabIndex={-1}
          className="panel apply-outcome"
          aria-labelledby={outcomeId}
        >
          <h3 id={outcomeId}>{t('fleet.outcomeTitle')}</h3>
          <p role="status">{t('fleet.outcomeSummary', { created, failed: failed.length })}</p>
          <ul className="outcome-list">
            {results.map((r) => (
              <li key={r.instanceId} className={r.status === 'failed' ? 'is-failed' : 'is-created'}>
                <span className="outcome-name">{names.get(r.instanceId) ?? r.instanceId}</span>{' '}
                <span>
                  {r.status === 'created'
                    ? t('fleet.created')
                    : t('fleet.failed', {
                        message: r.error
                          ? errorMessage(new ApiError({ statusCode: 200, ...r.error }), t, {
                              change: true,
                            })
                          : '',
                      })}
                </span>
              </li>
            ))}
          </ul>
          <div className="form-actions">
            {failed.length > 0 ? (
              <button
                type="button"
                className="btn btn-secondary"
                aria-busy={running > 0}
                disabled={running > 0}
                onClick={() =>
                  void run(retryPlan(failed.map((r) => r.instanceId))).catch(() => undefined)
                }
              >
                {t('fleet.retryFailed', { count: failed.length })}
              </button>
            ) : null}
            <button
              type="button"
              className="btn btn-primary"
              disabled={running > 0}
              onClick={onDone}
            >
              {t('fleet.done')}
            </button>
          </div>
        </section>
      ) : null}
    </div>
  );
}
