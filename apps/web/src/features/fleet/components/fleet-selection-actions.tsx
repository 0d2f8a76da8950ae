// Selecting for apply-to-many: "select all without a schedule", clear, and Apply to the selected.
import type { FleetInstance } from '@zomro-dash/shared';
import { blocksScheduleChanges } from '@zomro-dash/shared/plain';
import { useTranslation } from '@/lib/i18n';
import type { Selection } from '../hooks/use-selection';
import { unprotected } from '../lib/filter';

export function FleetSelectionActions({
  entries,
  selection,
  onApply,
}: {
  entries: readonly FleetInstance[];
  selection: Selection;
  onApply: () => void;
}) {
  const { t } = useTranslation();
  return (
    <>
      <button
        type="button"
        className="btn btn-secondary btn-small"
        onClick={() =>
          selection.set(
            entries
              .filter((e) => unprotected(e) && !blocksScheduleChanges(e.instance.status))
              .map((e) => e.instance.id),
          )
        }
      >
        {t('fleet.selectUnprotected')}
      </button>
      {selection.ids.size > 0 ? (
        <button type="button" className="btn btn-ghost btn-small" onClick={selection.clear}>
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
    </>
  );
}
