import { Title } from '@mantine/core';
import { type ReactNode, useEffect } from 'react';
import { useTranslation } from 'react-i18next';

/**
 * The page's one h1, also the document title ("… — Mawid") so that screen readers and tabs say
 * where the person is after each navigation.
 */
export function PageTitle({ children, documentTitle }: { children: ReactNode; documentTitle: string }) {
  const { t } = useTranslation();
  useEffect(() => {
    document.title = `${documentTitle} — ${t('app.name')}`;
  }, [documentTitle, t]);
  return (
    <Title order={1} size="h2" mb="md">
      {children}
    </Title>
  );
}
