// /instances: the account's instances.
import { useTranslation } from 'react-i18next';
import { InstanceList } from '@/features/instances/components/instance-list';
import { useDocumentTitle } from '@/hooks/use-document-title';

export function InstancesRoute() {
  const { t } = useTranslation();
  useDocumentTitle(t('instances.title'));
  return (
    <div className="page">
      <div className="page-head">
        <h1>{t('instances.title')}</h1>
        <p className="muted">{t('instances.lead')}</p>
      </div>
      <InstanceList />
    </div>
  );
}
