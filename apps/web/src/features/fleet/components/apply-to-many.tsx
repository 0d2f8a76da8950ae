// Apply to many: the one schedule form for the selected servers, progress while the BFF works
// through them, then the outcome per server in the form's place (so nothing invites a second
// Create), with only a retry of the failed ones and Done.
import type { BulkResult, ScheduleInput, ValidScheduleInput } from '@zomro-dash/shared';
import { useEffect, useId, useRef, useState, type ReactNode } from 'react';
import { useTranslation } from '@/lib/i18n';
import { errorMessage } from '@/components/ui/error-alert';
import { ApiError } from '@/lib/api-client';
import { useBulkCreate } from '../api/bulk-create';
import { RunKeys } from '../lib/run-keys';
import { ChosenServers } from './chosen-servers';

export interface ScheduleFormSlot {
  title: string;
  note?: ReactNode;
  defaultValues: ScheduleInput;
  onSubmit: (values: ValidScheduleInput) => Promise<unknown>;
  onCancel: () => void;
}

export function ApplyToMany({
  targets,
  names,
  initial,
  copiedFrom,
  renderForm,
  onClose,
  onDone,
}: {
  targets: readonly string[];
  names: ReadonlyMap<string, string>;
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
  const [sent, setSent] = useState<ValidScheduleInput | null>(null);
  const [running, setRunning] = useState(0);
  const [needTargets, setNeedTargets] = useState(false);
  const outcomeRef = useRef<HTMLElement>(null);
  const hasOutcome = results !== null;
  // The outcome replaces the form: bring it into view and to the keyboard once it is there.
  useEffect(() => {
    if (hasOutcome) outcomeRef.current?.focus();
  }, [hasOutcome]);

  const run = async (instanceIds: string[], input: ValidScheduleInput) => {
    const request = { instanceIds, input };
    setRunning(instanceIds.length);
    try {
      const answered = await bulk.mutateAsync({
        ...request,
        idempotencyKey: keys.keyFor(request),
      });
      keys.answered(request);
      const byId = new Map(answered.map((r) => [r.instanceId, r]));
      // A retry answers only the failed ones: the others keep their first outcome.
      setResults((previous) =>
        previous ? previous.map((r) => byId.get(r.instanceId) ?? r) : answered,
      );
      setSent(input);
    } finally {
      setRunning(0);
    }
  };

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
                <ChosenServers ids={targets} names={names} />
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
              await run([...targets], values);
              return false;
            },
            onCancel: onClose,
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
            {failed.length > 0 && sent ? (
              <button
                type="button"
                className="btn btn-secondary"
                aria-busy={running > 0}
                disabled={running > 0}
                onClick={() =>
                  void run(
                    failed.map((r) => r.instanceId),
                    sent,
                  ).catch(() => undefined)
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
