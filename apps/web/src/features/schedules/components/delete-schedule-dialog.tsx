// Asks before a schedule is deleted, naming the schedule and its instance; Cancel has focus.
import { useId, useRef } from 'react';
import { useTranslation } from '@/lib/i18n';
import { Dialog } from '@/components/ui/dialog';

interface DeleteScheduleDialogProps {
  scheduleName: string | null;
  instanceName: string;
  onConfirm: () => void;
  onClose: () => void;
}

export function DeleteScheduleDialog({
  scheduleName,
  instanceName,
  onConfirm,
  onClose,
}: DeleteScheduleDialogProps) {
  const { t } = useTranslation();
  const titleId = useId();
  const textId = useId();
  const cancelRef = useRef<HTMLButtonElement>(null);
  return (
    <Dialog
      open={scheduleName !== null}
      onClose={onClose}
      labelledBy={titleId}
      describedBy={textId}
      initialFocus={cancelRef}
      className="dialog-danger"
    >
      <h2 id={titleId} className="dialog-title">
        {t('deleteDialog.title')}
      </h2>
      <p id={textId}>
        {t('deleteDialog.text', { name: scheduleName ?? '', instance: instanceName })}
      </p>
      <div className="dialog-actions">
        <button ref={cancelRef} type="button" className="btn btn-secondary" onClick={onClose}>
          {t('deleteDialog.cancel')}
        </button>
        <button type="button" className="btn btn-danger" onClick={onConfirm}>
          {t('deleteDialog.confirm')}
        </button>
      </div>
    </Dialog>
  );
}
