// The overview's filter: the text lives in the address (`?q=`, so Back and reload keep it), "only
// without a schedule" in the page; `shown` is what the list shows.
import type { FleetInstance } from '@zomro-dash/shared';
import { useState } from 'react';
import { useTranslation } from '@/lib/i18n';
import { useSearchParams } from '@/lib/router';
import { matches, unprotected } from '../lib/filter';

export interface FleetFilter {
  text: string;
  setText: (value: string) => void;
  onlyUnprotected: boolean;
  setOnlyUnprotected: (value: boolean) => void;
  shown: FleetInstance[];
}

export function useFleetFilter(entries: readonly FleetInstance[]): FleetFilter {
  const { t } = useTranslation();
  const [searchParams, setSearchParams] = useSearchParams();
  const text = searchParams.get('q') ?? '';
  const setText = (value: string) =>
    setSearchParams(
      (params) => {
        const next = new URLSearchParams(params);
        if (value) next.set('q', value);
        else next.delete('q');
        return next;
      },
      { replace: true },
    );
  const [onlyUnprotected, setOnlyUnprotected] = useState(false);
  const shown = entries.filter(
    (e) =>
      matches(
        e.instance,
        text,
        t(`instances.status.${e.instance.status.toLowerCase()}`, {
          defaultValue: e.instance.status,
        }),
      ) &&
      (!onlyUnprotected || unprotected(e)),
  );
  return { text, setText, onlyUnprotected, setOnlyUnprotected, shown };
}
