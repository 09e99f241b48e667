import { Card, Group, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { RequestDetail } from '../../../api/types.ts';
import { StatusBadge } from '../../../ui/StatusBadge.tsx';
import { DocumentUpload } from './DocumentUpload.tsx';

/** The documents the service asks for, each with its state; uploads while the request is editable. */
export function Checklist({ request }: { request: RequestDetail }) {
  const { t } = useTranslation();
  const isEditable = request.status === 'draft' || request.status === 'more_info_requested';
  return (
    <Stack gap="sm" component="ul" style={{ listStyle: 'none', padding: 0, margin: 0 }}>
      {request.checklist.map((item) => {
        const label = t(`document.${item.kind}`);
        return (
          <Card
            withBorder
            padding="sm"
            key={item.kind}
            component="li"
            data-testid={`checklist-${item.kind}`}
            data-status={item.status}
          >
            <Stack gap="xs">
              <Group justify="space-between" align="flex-start" wrap="nowrap" gap="sm">
                <Text fw={600}>{label}</Text>
                <StatusBadge kind="document" status={item.status} />
              </Group>
              {item.status === 'refused' && item.refusalReason && (
                <Text size="sm" c="red.9">
                  {t('checklist.refusedBecause')} <q dir="auto">{item.refusalReason}</q>
                </Text>
              )}
              {isEditable && item.status !== 'accepted' && (
                <DocumentUpload requestId={request.id} item={item} label={label} />
              )}
            </Stack>
          </Card>
        );
      })}
    </Stack>
  );
}
