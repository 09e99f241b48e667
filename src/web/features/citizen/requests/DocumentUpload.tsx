import { Button, FileButton, Group, Progress, Stack, Text } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ChecklistItem, UploadedDocument } from '../../../api/types.ts';
import { uploadFile } from '../../../api/upload.ts';
import { ErrorMessage } from '../../../ui/ErrorMessage.tsx';
import { CheckIcon, UploadIcon } from '../../../ui/icons.tsx';
import { useTranslator } from '../../../ui/use-translator.ts';
import { documentAnchor } from './request-progress.ts';
import { requestKey } from './request-queries.ts';
import { uploadRefusal } from './upload-refusal.ts';

// What the server accepts (checked there by the file's bytes): offered first by the file picker.
const accepted = 'application/pdf,image/jpeg,image/png,.pdf,.jpg,.jpeg,.png';

/** Picks a file for one checklist item and uploads it with a progress bar; a refusal is said plainly. */
export function DocumentUpload(props: { requestId: string; item: ChecklistItem; label: string }) {
  const { requestId, item, label } = props;
  const { t } = useTranslation();
  const { tr } = useTranslator();
  const queryClient = useQueryClient();
  const [progress, setProgress] = useState<number | null>(null);
  const upload = useMutation({
    mutationFn: (file: File) => {
      setProgress(0);
      return uploadFile<UploadedDocument>(
        `/api/v1/requests/${requestId}/documents`,
        { kind: item.kind },
        file,
        setProgress,
      ).done;
    },
    onSuccess: () => queryClient.invalidateQueries({ queryKey: requestKey(requestId) }),
    onSettled: () => setProgress(null),
  });
  const hasFile = item.status !== 'missing';

  return (
    <Stack gap={6}>
      <Group gap="sm">
        <FileButton
          onChange={(file) => file && upload.mutate(file)}
          accept={accepted}
          disabled={upload.isPending}
          inputProps={{ id: `document-file-${item.kind}`, 'aria-label': `${t('upload.choose')} — ${label}` }}
        >
          {(buttonProps) => (
            <Button
              {...buttonProps}
              id={documentAnchor(item.kind)}
              variant={hasFile ? 'default' : 'filled'}
              leftSection={<UploadIcon size={16} />}
              loading={upload.isPending}
              aria-label={`${hasFile ? t('upload.replace') : t('upload.choose')} — ${label}`}
            >
              {hasFile ? t('upload.replace') : t('upload.choose')}
            </Button>
          )}
        </FileButton>
        <Text size="sm">{t('upload.formats')}</Text>
      </Group>
      {progress !== null && (
        <Progress
          value={Math.round(progress * 100)}
          size="lg"
          aria-label={t('upload.progress', { document: label })}
          animated={progress < 1}
        />
      )}
      <div aria-live="polite">
        {upload.isSuccess && progress === null && (
          <Group gap={4} c="mawid.8" wrap="nowrap" align="flex-start">
            <CheckIcon size={16} />
            <Text size="sm" c="mawid.8">
              {t('upload.done', { document: label })}
            </Text>
          </Group>
        )}
      </div>
      <ErrorMessage error={upload.error} message={upload.error ? uploadRefusal(upload.error, tr) : undefined} />
    </Stack>
  );
}
