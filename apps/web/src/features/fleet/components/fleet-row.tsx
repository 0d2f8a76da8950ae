// One server in the overview's list, as cells: the tick box, the server, its schedules. A new
// column is one more cell component here.
import type { FleetInstance } from '@zomro-dash/shared';
import type { InstanceRetry } from '../hooks/use-instance-retry';
import type { Selection } from '../hooks/use-selection';
import { FleetCellInstance } from './fleet-cell-instance';
import { FleetCellSchedules } from './fleet-cell-schedules';
import { FleetCellSelect } from './fleet-cell-select';

export interface FleetRowProps {
  entry: FleetInstance;
  now: Date;
  /** Absent for a viewer: no tick box. */
  selection?: Selection;
  retry: InstanceRetry;
  onInstanceIntent?: (instanceId: string) => void;
}

export function FleetRow({ entry, now, selection, retry, onInstanceIntent }: FleetRowProps) {
  const { instance } = entry;
  return (
    <li className="fleet-row">
      {selection ? (
        <FleetCellSelect
          name={instance.name}
          checked={selection.has(instance.id)}
          onChange={(on) => selection.toggle(instance.id, on)}
        />
      ) : null}
      <FleetCellInstance
        instance={instance}
        {...(onInstanceIntent && { onIntent: onInstanceIntent })}
      />
      <FleetCellSchedules entry={entry} now={now} retry={retry} />
    </li>
  );
}
