import { Anchor, Table, Text, VisuallyHidden } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { localized } from '../../../ui/localized.ts';
import { useTranslator } from '../../../ui/use-translator.ts';
import { PersonName } from './PersonName.tsx';
import { type QueueFilters, requestLink } from './queue-filters.ts';
import { formatWaiting } from './time-text.ts';
import type { QueueEntry } from './verification-types.ts';

/**
 * The queue, oldest first: each request's reference (its link), the person in both scripts, the
 * service, how long it has waited, and who has it open now. Scrolls sideways on a narrow tablet.
 */
export function QueueTable(props: { entries: QueueEntry[]; filters: QueueFilters; myAccountId: string }) {
  const { entries, filters, myAccountId } = props;
  const { t } = useTranslation();
  const { locale, intl } = useTranslator();
  return (
    <Table.ScrollContainer minWidth={760} type="native">
      <Table striped highlightOnHover verticalSpacing="sm" data-testid="queue-table">
        <caption>
          <VisuallyHidden>{t('staff.verification.queue.caption')}</VisuallyHidden>
        </caption>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{t('staff.verification.queue.reference')}</Table.Th>
            <Table.Th scope="col">{t('staff.verification.queue.person')}</Table.Th>
            <Table.Th scope="col">{t('staff.verification.queue.serviceColumn')}</Table.Th>
            <Table.Th scope="col">{t('staff.verification.queue.waiting')}</Table.Th>
            <Table.Th scope="col">{t('staff.verification.queue.reviewer')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {entries.map((entry) => (
            <Table.Tr key={entry.id} data-testid={`queue-row-${entry.reference}`}>
              <Table.Td>
                <Anchor component={Link} to={requestLink(entry.id, filters)} fw={600} data-queue-link>
                  <bdi>{entry.reference}</bdi>
                </Anchor>
              </Table.Td>
              <Table.Td>
                <PersonName person={entry.person} />
              </Table.Td>
              <Table.Td>{localized(entry.service.name, locale)}</Table.Td>
              <Table.Td>{formatWaiting(entry.ageMinutes, intl)}</Table.Td>
              <Table.Td>
                {entry.reviewer &&
                  (entry.reviewer.accountId === myAccountId ? (
                    <Text size="sm">{t('staff.verification.queue.openByYou')}</Text>
                  ) : (
                    <Text size="sm" fw={700}>
                      {t('staff.verification.queue.reviewedBy', { name: entry.reviewer.name })}
                    </Text>
                  ))}
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
