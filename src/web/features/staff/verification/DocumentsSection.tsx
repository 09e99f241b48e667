import { Button, Grid, Group, Stack, Text, Title, UnstyledButton } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { ErrorMessage } from '../../../ui/ErrorMessage.tsx';
import { useTranslator } from '../../../ui/use-translator.ts';
import { DocumentViewer } from './DocumentViewer.tsx';
import type { ImageView } from './image-view.ts';
import { RefusalForm } from './RefusalForm.tsx';
import { documentActionsOf, type RefusalValues, type ReviewMode } from './review-rules.ts';
import { StaffStatusBadge } from './StaffStatusBadge.tsx';
import { formatFileSize, formatMoment } from './time-text.ts';
import type { StaffRequest } from './verification-types.ts';

/**
 * The checklist and the document shown: the list on one side (each document's state and refusal),
 * the file on the other with its actions — accept, or refuse with a reason. Read only when another
 * agent has the request open or it is no longer waiting for verification.
 */
export function DocumentsSection(props: {
  request: StaffRequest;
  mode: ReviewMode;
  timeZone: string;
  index: number;
  onShow(index: number): void;
  view: ImageView;
  onView(view: ImageView): void;
  isRefusing: boolean;
  onRefusing(isRefusing: boolean): void;
  onAccept(): void;
  onRefuse(values: RefusalValues): Promise<unknown>;
  isBusy: boolean;
  actionError: unknown;
}) {
  const { request, mode, index } = props;
  const { t } = useTranslation();
  const { intl } = useTranslator();
  const item = request.checklist[index];
  const total = request.checklist.length;
  const labelOf = (kind: string) => t(`document.${kind}`);
  if (!item) return null;
  const label = labelOf(item.kind);
  const actions = documentActionsOf(item, mode);

  return (
    <section aria-labelledby="documents-title">
      <Title order={2} size="h3" id="documents-title" mb="sm">
        {t('staff.verification.documents.title')}
      </Title>
      <Grid gap="lg">
        <Grid.Col span={{ base: 12, md: 4 }}>
          <Stack
            component="ol"
            gap="xs"
            style={{ listStyle: 'none', padding: 0, margin: 0 }}
            data-testid="document-list"
          >
            {request.checklist.map((entry, position) => {
              const isShown = position === index;
              return (
                <li key={entry.kind} data-testid={`document-${entry.kind}`} data-status={entry.status}>
                  <UnstyledButton
                    onClick={() => props.onShow(position)}
                    aria-current={isShown ? 'true' : undefined}
                    p="sm"
                    w="100%"
                    style={{
                      border: `${isShown ? 2 : 1}px solid var(--mantine-color-${isShown ? 'mawid-8' : 'gray-4'})`,
                      borderRadius: 4,
                    }}
                  >
                    <Group justify="space-between" wrap="nowrap" gap="xs" align="flex-start">
                      <Text fw={isShown ? 700 : 500}>
                        {`${(position + 1).toLocaleString(intl)}. ${labelOf(entry.kind)}`}
                      </Text>
                      <StaffStatusBadge kind="document" status={entry.status} />
                    </Group>
                    {entry.status === 'refused' && entry.refusalReason && (
                      <Text size="sm" c="red.9" mt={4}>
                        {t('staff.verification.documents.refusedBecause')} <q dir="auto">{entry.refusalReason}</q>
                      </Text>
                    )}
                  </UnstyledButton>
                </li>
              );
            })}
          </Stack>
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 8 }}>
          <Stack gap="sm">
            <Group justify="space-between" wrap="wrap" gap="xs">
              <Title order={3} size="h4" data-testid="document-shown">
                {t('staff.verification.documents.shown', { number: index + 1, total, document: label })}
              </Title>
              <Group gap="xs">
                <Button
                  variant="default"
                  size="compact-md"
                  onClick={() => props.onShow((index - 1 + total) % total)}
                  disabled={total < 2}
                >
                  {t('staff.verification.documents.previous')}
                </Button>
                <Button
                  variant="default"
                  size="compact-md"
                  onClick={() => props.onShow((index + 1) % total)}
                  disabled={total < 2}
                >
                  {t('staff.verification.documents.next')}
                </Button>
              </Group>
            </Group>
            {item.file && (
              <Text size="sm">
                {t('staff.verification.documents.file', {
                  name: item.file.originalName,
                  size: formatFileSize(item.file.sizeBytes, intl),
                  when: formatMoment(item.file.uploadedAt, props.timeZone, intl),
                })}
              </Text>
            )}
            {(actions.canAccept || actions.canRefuse) && !props.isRefusing && (
              <Group gap="sm">
                {actions.canAccept && (
                  <Button onClick={props.onAccept} loading={props.isBusy} data-testid="accept-document">
                    {t('staff.verification.documents.accept')}
                  </Button>
                )}
                {actions.canRefuse && (
                  <Button
                    color="red.9"
                    variant="outline"
                    onClick={() => props.onRefusing(true)}
                    data-testid="refuse-document"
                  >
                    {t('staff.verification.documents.refuse')}
                  </Button>
                )}
              </Group>
            )}
            <ErrorMessage error={props.actionError} />
            {props.isRefusing && item.documentId && actions.canRefuse && (
              <RefusalForm
                key={item.documentId}
                documentId={item.documentId}
                label={label}
                isBusy={props.isBusy}
                onRefuse={props.onRefuse}
                onCancel={() => props.onRefusing(false)}
              />
            )}
            <DocumentViewer requestId={request.id} item={item} label={label} view={props.view} onView={props.onView} />
          </Stack>
        </Grid.Col>
      </Grid>
    </section>
  );
}
