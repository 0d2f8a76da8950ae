// Any other address.
import { useTranslation } from '@/lib/i18n';
import { Link } from '@/lib/router';
import { paths } from '@/config/paths';
import { useDocumentTitle } from '@/hooks/use-document-title';

export function NotFoundRoute() {
  const { t } = useTranslation();
  useDocumentTitle(t('app.notFoundTitle'));
  return (
    <div className="page">
      <div className="page-head">
        <h1>{t('app.notFoundTitle')}</h1>
        <p className="muted">{t('app.notFoundText')}</p>
      </div>
      <Link to={paths.instances()}>{t('instances.allInstances')}</Link>
    </div>
  );
}

export default NotFoundRoute;
