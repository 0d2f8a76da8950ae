// Names the browser tab after the page, so several open tabs stay apart.
import { useEffect } from 'react';
import { useTranslation } from '@/lib/i18n';

export function useDocumentTitle(title?: string) {
  const { t } = useTranslation();
  const app = t('app.title');
  useEffect(() => {
    document.title = title ? `${title} · ${app}` : app;
  }, [title, app]);
}
