// The servers apply-to-many will change, named in the form: listed when few, behind a disclosure
// when many, so "11 servers" never hides which eleven.
import { useTranslation } from '@/lib/i18n';

const OPEN_UP_TO = 5;

export function ChosenServers({
  ids,
  names,
  offsets = [],
}: {
  ids: readonly string[];
  names: ReadonlyMap<string, string>;
  /** With a spread: minutes after the form's time each server starts. */
  offsets?: readonly number[];
}) {
  const { t } = useTranslation();
  if (ids.length === 0) return null;
  const list = (
    <ul className="chosen-list">
      {ids.map((id, i) => (
        <li key={id}>
          {names.get(id) ?? id}
          {offsets[i] !== undefined ? (
            <span className="muted"> {t('fleet.spreadOffset', { minutes: offsets[i] })}</span>
          ) : null}
        </li>
      ))}
    </ul>
  );
  const title = t('fleet.chosen', { count: ids.length });
  return ids.length <= OPEN_UP_TO ? (
    <div className="chosen-servers">
      <p className="muted">{title}</p>
      {list}
    </div>
  ) : (
    <details className="chosen-servers">
      <summary>{title}</summary>
      {list}
    </details>
  );
}
