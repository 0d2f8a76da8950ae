// The servers apply-to-many will change, named in the form: listed when few, behind a disclosure
// when many, so "11 servers" never hides which eleven.
import { useTranslation } from '@/lib/i18n';

const OPEN_UP_TO = 5;

export function ChosenServers({
  ids,
  names,
}: {
  ids: readonly string[];
  names: ReadonlyMap<string, string>;
}) {
  const { t } = useTranslation();
  if (ids.length === 0) return null;
  const list = (
    <ul className="chosen-list">
      {ids.map((id) => (
        <li key={id}>{names.get(id) ?? id}</li>
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
