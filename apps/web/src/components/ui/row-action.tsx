// A table row's action as a labelled icon: four actions in words squeezed the names out of the
// schedules table (issue 20 item 3, decision 091), so the button shows an icon and its whole name
// ("Delete MySchedule") goes to screen readers (aria-label) and to a pointer (title).
import type { ButtonHTMLAttributes } from 'react';

const PATHS = {
  // A pencil.
  edit: 'M3 13.5V16h2.5l7.4-7.4-2.5-2.5L3 13.5Zm11.8-6.8a.7.7 0 0 0 0-1l-1.5-1.5a.7.7 0 0 0-1 0l-1.2 1.2 2.5 2.5 1.2-1.2Z',
  // A bin.
  delete: 'M6 3h6v1.5h3.5V6h-13V4.5H6V3Zm-2 4h10l-.8 9H4.8L4 7Zm3 2v5h1.2V9H7Zm2.8 0v5H11V9H9.8Z',
  // Two servers with an arrow between them.
  copyToOthers:
    'M2 3h6v4H2V3Zm0 8h6v4H2v-4Zm8.5-6.5h3.2L12.3 3 13.3 2l3.2 3.2-3.2 3.2-1-1 1.4-1.4h-3.2V4.5Zm0 8h3.2l-1.4-1.4 1-1 3.2 3.2-3.2 3.2-1-1 1.4-1.4h-3.2v-1.6Z',
  // A terminal prompt.
  curl: 'M2 3h14v12H2V3Zm1.5 1.5v9h11v-9h-11Zm1.3 1.8 2.9 2.7-2.9 2.7-.9-1 1.9-1.7-1.9-1.7.9-1Zm3.7 4.4h4v1.4h-4v-1.4Z',
} as const;

export type RowActionIcon = keyof typeof PATHS;

export function RowAction({
  icon,
  label,
  danger = false,
  ...button
}: {
  icon: RowActionIcon;
  /** The action's whole name ("Delete MySchedule"): what a screen reader and a tooltip say. */
  label: string;
  danger?: boolean;
} & Omit<ButtonHTMLAttributes<HTMLButtonElement>, 'aria-label' | 'title' | 'children' | 'type'>) {
  return (
    <button
      type="button"
      className={danger ? 'btn btn-ghost btn-icon btn-danger-text' : 'btn btn-ghost btn-icon'}
      aria-label={label}
      title={label}
      {...button}
    >
      <svg aria-hidden="true" viewBox="0 0 18 18" width="18" height="18" fill="currentColor">
        <path d={PATHS[icon]} />
      </svg>
    </button>
  );
}
