// The overview: counts at the top, the 7 × 24 grid, apply-to-many, the filter, selection and
// exports, and every server as a row of cells (./fleet-row.tsx). Loading, the URL filter, the
// selection and the retry of a failed read are hooks (../hooks); this file only lays them out.
import type { Instance } from '@zomro-dash/shared';
import { useMemo, useState, type ReactNode } from 'react';
import { ErrorAlert } from '@/components/ui/error-alert';
import { useNow } from '@/hooks/use-now';
import { useTranslation } from '@/lib/i18n';
import { useFleet } from '../api/get-fleet';
import { useFleetFilter } from '../hooks/use-fleet-filter';
import { useInstanceRetry } from '../hooks/use-instance-retry';
import { useSelection } from '../hooks/use-selection';
import { ApplyPanel, type ApplyRequest, type CopiedSchedule } from './apply-panel';
import type { ScheduleFormSlot } from './apply-to-many';
import { FleetCounts } from './fleet-counts';
import { FleetExport } from './fleet-export';
import { FleetFilterBar } from './fleet-filter-bar';
import { FleetList } from './fleet-list';
import { FleetLoading } from './fleet-loading';
import { FleetSelectionActions } from './fleet-selection-actions';
import { GridDisclosure } from './grid-disclosure';
import '../fleet.css';

export type { CopiedSchedule };

export function FleetOverview({
  known,
  canChange,
  copied,
  renderForm,
  onInstanceIntent,
}: {
  /** The instance list, when already read: shown while the schedules are still coming. */
  known?: readonly Instance[];
  canChange: boolean;
  copied?: CopiedSchedule;
  renderForm: (slot: ScheduleFormSlot) => ReactNode;
  /** The pointer or the keyboard is on an instance's link: a click may follow (prefetch then). */
  onInstanceIntent?: (instanceId: string) => void;
}) {
  const { t } = useTranslation();
  const now = useNow();
  const fleet = useFleet();
  const entries = fleet.data;
  const filter = useFleetFilter(entries ?? []);
  const selection = useSelection();
  const retry = useInstanceRetry();
  const [apply, setApply] = useState<ApplyRequest | null>(
    copied ? { initial: copied, from: copied.from } : null,
  );
  const names = useMemo(
    () => new Map((entries ?? []).map((e) => [e.instance.id, e.instance.name])),
    [entries],
  );
  const schedules = useMemo(
    () => new Map((entries ?? []).map((e) => [e.instance.id, e.schedules])),
    [entries],
  );

  if (fleet.isError) {
    return (
      <ErrorAlert
        error={fleet.error}
        title={t('fleet.loadFailed')}
        onRetry={() => void fleet.refetch()}
        retrying={fleet.isFetching}
      />
    );
  }
  if (!entries) {
    return (
      <FleetLoading {...(known && { known })} {...(onInstanceIntent && { onInstanceIntent })} />
    );
  }
  if (entries.length === 0) {
    return (
      <div className="empty-state">
        <p className="empty-title">{t('fleet.empty')}</p>
      </div>
    );
  }

  return (
    <div className="fleet">
      <FleetCounts entries={entries} />
      <GridDisclosure entries={entries} now={now} />
      {apply && canChange ? (
        <ApplyPanel
          apply={apply}
          targets={[...selection.ids]}
          names={names}
          schedules={schedules}
          {...(known && { known })}
          renderForm={renderForm}
          onClose={() => setApply(null)}
          onDone={() => {
            selection.clear();
            setApply(null);
          }}
        />
      ) : null}
      <FleetFilterBar filter={filter} total={entries.length} />
      <div className="fleet-actions">
        {canChange ? (
          <FleetSelectionActions
            shown={filter.shown}
            selection={selection}
            onApply={() =>
              setApply((current) => current ?? { initial: { name: '', days: [], time: '03:00' } })
            }
          />
        ) : null}
        <FleetExport entries={entries} now={now} />
      </div>
      <FleetList
        filter={filter}
        now={now}
        {...(canChange && { selection })}
        retry={retry}
        {...(onInstanceIntent && { onInstanceIntent })}
      />
    </div>
  );
}
