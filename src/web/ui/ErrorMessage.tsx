import { Alert } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { problemMessage } from './problem-message.ts';
import { useTranslator } from './use-translator.ts';

/**
 * A failure said as a sentence, announced to screen readers at once (role="alert"). Renders
 * nothing without an error, so it can sit in place before anything fails. `message` replaces the
 * general sentence when the caller knows better (an upload refused for its content).
 */
export function ErrorMessage({ error, id, message }: { error: unknown; id?: string; message?: string }) {
  const { tr } = useTranslator();
  const { t } = useTranslation();
  if (!error) return null;
  return (
    <Alert color="red" variant="light" role="alert" id={id} title={t('errors.title')} data-testid="error-message">
      {message ?? problemMessage(error, tr)}
    </Alert>
  );
}
