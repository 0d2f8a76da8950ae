// Another operator changed a schedule between loading and saving (412 PRECONDITION_FAILED): the
// values now in Zomro beside the operator's own, and the choice to keep theirs or save over them.
// For a delete it shows the schedule as it is now and asks again.
import type { BackupSchedule, ValidScheduleInput } from '@zomro-dash/shared';
import { isWeekday } from '@zomro-dash/shared/plain';
import { useId, useRef } from 'react';
import { useTranslation } from '@/lib/i18n';
import { Dialog } from '@/components/ui/dialog';
import { summarizeDays } from '@/lib/weekdays';

export type Conflict =
  | { kind: 'edit'; theirs: BackupSchedule; mine: ValidScheduleInput }
  | { kind: 'delete'; theirs: BackupSchedule };

interface ConflictDialogProps {
  conflict: Conflict | null;
  /** Edit: keep their version (reload the form). Delete: leave the schedule as it is. */
  onKeepTheirs: () => void;
  /** Edit: save mine over theirs. Delete: delete their version anyway. */
  onOverride: () => void;
  /** Closed without choosing (Escape): back to where the operator was. */
  onClose: () => void;
}

export function ConflictDialog({
  conflict,
  onKeepTheirs,
  onOverride,
  onClose,
}: ConflictDialogProps) {
  const { t, i18n } = useTranslation();
  const titleId = useId();
  const textId = useId();
  const safeRef = useRef<HTMLButtonElement>(null);
  const theirs = conflict?.theirs;
  const actor = theirs?.lastChange?.actor;
  const values = (s: Pick<BackupSchedule, 'name' | 'days' | 'time'>) => ({
    name: s.name,
    days: summarizeDays(s.days.filter(isWeekday), i18n.language),
    time: s.time,
  });
  const now = theirs ? values(theirs) : null;
  const mine = conflict?.kind === 'edit' ? values(conflict.mine) : null;
  const rows = [
    ['name', t('form.name')],
    ['days', t('form.days')],
    ['time', t('schedules.columns.time')],
  ] as const;
  const isDelete = conflict?.kind === 'delete';
  const textKey = isDelete
    ? actor
      ? 'conflict.deleteText'
      : 'conflict.deleteTextUnknown'
    : actor
      ? 'conflict.text'
      : 'conflict.textUnknown';

  return (
    <Dialog
      open={conflict !== null}
      onClose={onClose}
      labelledBy={titleId}
      describedBy={textId}
      initialFocus={safeRef}
      className={isDelete ? 'dialog-danger' : undefined}
    >
      <h2 id={titleId} className="dialog-title">
        {t(isDelete ? 'conflict.deleteTitle' : 'conflict.title')}
      </h2>
      <p id={textId}>{t(textKey, { actor, name: theirs?.name ?? '' })}</p>
      {now ? (
        <table className="conflict-table">
          <thead>
            <tr>
              <th scope="col">
                <span className="visually-hidden">{t('conflict.field')}</span>
              </th>
              <th scope="col">{t('conflict.theirs')}</th>
              {mine ? <th scope="col">{t('conflict.mine')}</th> : null}
            </tr>
          </thead>
          <tbody>
            {rows.map(([key, label]) => {
              const different = mine !== null && mine[key] !== now[key];
              return (
                <tr key={key}>
                  <th scope="row">{label}</th>
                  <td className={different ? 'is-different' : undefined}>{now[key]}</td>
                  {mine ? (
                    <td className={different ? 'is-different' : undefined}>{mine[key]}</td>
                  ) : null}
                </tr>
              );
            })}
          </tbody>
        </table>
      ) : null}
      <div className="dialog-actions">
        <button ref={safeRef} type="button" className="btn btn-secondary" onClick={onKeepTheirs}>
          {t(isDelete ? 'app.cancel' : 'conflict.reload')}
        </button>
        <button
          type="button"
          className={isDelete ? 'btn btn-danger' : 'btn btn-primary'}
          onClick={onOverride}
        >
          {t(isDelete ? 'conflict.deleteAnyway' : 'conflict.overwrite')}
        </button>
      </div>
    </Dialog>
  );
}
