// Where apply-to-many opens on the overview: the form (loaded when first opened) for the selected
// servers, with "Copied from …" when a schedule row's "Copy to other servers" led here.
import type { BackupSchedule, Instance, ScheduleInput } from '@zomro-dash/shared';
import type { ReactNode } from 'react';
import { RouteLoading } from '@/components/ui/route-loading';
import { lazyWithTexts } from '@/lib/lazy';
import type { ScheduleFormSlot } from './apply-to-many';

const ApplyToMany = lazyWithTexts(() =>
  import('./apply-to-many').then((m) => ({ default: m.ApplyToMany })),
);

export interface CopiedSchedule extends ScheduleInput {
  /**
   * The schedule's name and its instance, for the note above the form. The instance is named here,
   * from the fleet, since its row may have been copied before its name was known there.
   */
  from: { schedule: string; instanceId: string };
}

export interface ApplyRequest {
  initial: ScheduleInput;
  from?: CopiedSchedule['from'];
}

export function ApplyPanel({
  apply,
  targets,
  names,
  schedules,
  known,
  renderForm,
  onClose,
  onDone,
}: {
  apply: ApplyRequest;
  targets: readonly string[];
  names: ReadonlyMap<string, string>;
  schedules: ReadonlyMap<string, readonly BackupSchedule[]>;
  known?: readonly Instance[];
  renderForm: (slot: ScheduleFormSlot) => ReactNode;
  onClose: () => void;
  onDone: () => void;
}) {
  const from = apply.from;
  return (
    <RouteLoading>
      <ApplyToMany
        key={JSON.stringify(apply)}
        targets={targets}
        names={names}
        schedules={schedules}
        initial={apply.initial}
        {...(from && {
          copiedFrom: `${from.schedule} · ${
            names.get(from.instanceId) ||
            known?.find((i) => i.id === from.instanceId)?.name ||
            from.instanceId
          }`,
        })}
        renderForm={renderForm}
        onClose={onClose}
        onDone={onDone}
      />
    </RouteLoading>
  );
}
