// The overview's 7 × 24 grid behind a disclosure, closed until the operator opens it (and then
// open on their next visits): the grid's code and texts load only then, which keeps the first
// screen under its 100 KB (docs/decisions/017-first-screen.md).
import type { FleetInstance } from '@zomro-dash/shared';
import { useState } from 'react';
import { RouteLoading } from '@/components/ui/route-loading';
import { useTranslation } from '@/lib/i18n';
import { lazyWithTexts } from '@/lib/lazy';

const HeatGrid = lazyWithTexts(() => import('./heat-grid').then((m) => ({ default: m.HeatGrid })));

const STORAGE_KEY = 'zomro-dash.grid-open';

function remembered(): boolean {
  try {
    return localStorage.getItem(STORAGE_KEY) === '1';
  } catch {
    return false;
  }
}

export function GridDisclosure({ entries, now }: { entries: readonly FleetInstance[]; now: Date }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(remembered);
  return (
    <details
      className="panel heat-panel"
      open={open}
      onToggle={(event) => {
        const isOpen = event.currentTarget.open;
        setOpen(isOpen);
        try {
          localStorage.setItem(STORAGE_KEY, isOpen ? '1' : '0');
        } catch {
          // Storage can be disabled; the grid then starts closed each time.
        }
      }}
    >
      <summary className="heat-summary">{t('fleet.gridTitle')}</summary>
      {open ? (
        <RouteLoading>
          <HeatGrid entries={entries} now={now} />
        </RouteLoading>
      ) : null}
    </details>
  );
}
