import { Alert, Anchor, Stack } from '@mantine/core';
import { Component, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

function PageFailed() {
  const { t } = useTranslation();
  return (
    <Stack>
      <Alert color="red" role="alert" title={t('errors.title')}>
        {t('errors.PAGE_FAILED')}
      </Alert>
      {/* A full reload fetches the current version of the app. */}
      <Anchor href={window.location.href}>{t('errors.reload')}</Anchor>
    </Stack>
  );
}

/**
 * What shows when a page itself fails (a chunk that no longer exists after a new version was
 * deployed, a bug): a sentence and a way out, never a stack trace. Keyed by the page's address,
 * so moving elsewhere starts afresh.
 */
export class PageErrorBoundary extends Component<{ children: ReactNode }, { hasFailed: boolean }> {
  override state = { hasFailed: false };

  static getDerivedStateFromError() {
    return { hasFailed: true };
  }

  override componentDidCatch(error: unknown) {
    console.error('page failed', error);
  }

  override render() {
    return this.state.hasFailed ? <PageFailed /> : this.props.children;
  }
}
