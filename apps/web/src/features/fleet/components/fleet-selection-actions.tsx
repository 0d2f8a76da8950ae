// Selecting for apply-to-many: "select all without a schedule" among the servers the filter shows
// (never hidden ones), saying which it left out and why; clear; and Apply to the selected.
import type { FleetInstance } from '@zomro-dash/shared';
import { blocksScheduleChanges } from '@zomro-dash/shared/plain';
import { useState } from 'react';
import { useTranslation } from '@/lib/i18n';
import type { Selection } from '../hooks/use-selection';
import { unprotected } from '../lib/filter';

export function FleetSelectionActions({
  shown,
  selection,
  onApply,
}: {
  /** What the filter shows: "select all" takes only these. */
  shown: readonly FleetInstance[];
  selection: Selection;
  onApply: () => void;
}) {
  const { t } = useTranslation();
  const [leftOut, setLeftOut] = useState<readonly string[]>([]);
  const selectUnprotected = () => {
    const candidates = shown.filter(unprotected);
    const blocked = candidates.filter((e) => blocksScheduleChanges(e.instance.status));
    selection.set(candidates.filter((e) => !blocked.includes(e)).map((e) => e.instance.id));
    setLeftOut(blocked.map((e) => e.instance.name));
  };
  return (
    <>
      <button type="button" className="btn btn-secondary btn-small" onClick={selectUnprotected}>
        {t('fleet.selectUnprotected')}
      </button>
      {selection.ids.size > 0 ? (
        <button
          type="button"
          className="btn btn-ghost btn-small"
          onClick={() => {
            selection.clear();
            setLeftOut([]);
          }}
        >
          {t('fleet.clearSelection')}
        </button>
      ) : null}
      <button
        type="button"
        className="btn btn-primary btn-small"
        disabled={selection.ids.size === 0}
        onClick={onApply}
      >
        {t('fleet.applyToSelected', { count: selection.ids.size })}
      </button>
      {leftOut.length > 0 ? (
        <p className="fleet-left-out muted" role="status">
          {t('fleet.leftOut', { count: leftOut.length, names: leftOut.join(', ') })}
        </p>
      ) : null}
    </>
  );
}
