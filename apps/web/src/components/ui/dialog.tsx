// A modal dialog on the native <dialog>: the browser traps focus, makes the page behind inert,
// closes on Escape and gives focus back to where it was.
import { useLayoutEffect, useRef, type ReactNode, type RefObject } from 'react';

interface DialogProps {
  open: boolean;
  onClose: () => void;
  labelledBy: string;
  describedBy?: string;
  /** The control to focus when the dialog opens (the least destructive one). */
  initialFocus?: RefObject<HTMLElement | null>;
  className?: string;
  children: ReactNode;
}

export function Dialog({
  open,
  onClose,
  labelledBy,
  describedBy,
  initialFocus,
  className,
  children,
}: DialogProps) {
  const ref = useRef<HTMLDialogElement>(null);
  // A layout effect: the dialog is open (and its controls focusable) before the effects of what it
  // contains run, so a form inside can focus its own first field.
  useLayoutEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    if (open && !dialog.open) {
      dialog.showModal();
      initialFocus?.current?.focus();
    } else if (!open && dialog.open) {
      dialog.close();
    }
  }, [open, initialFocus]);
  return (
    <dialog
      ref={ref}
      className={['dialog', className].filter(Boolean).join(' ')}
      aria-labelledby={labelledBy}
      aria-describedby={describedBy}
      onClose={() => {
        if (open) onClose();
      }}
    >
      {open ? children : null}
    </dialog>
  );
}
