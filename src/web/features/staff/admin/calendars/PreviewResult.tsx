import { Alert, Badge, Group, Table, Text, Title } from '@mantine/core';
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { formatLocalDate, formatTimeIn } from '../../../../ui/local-time.ts';
import { useTranslator } from '../../../../ui/use-translator.ts';
import type { HoursPreview } from '../admin-types.ts';
import { previewDays, strandedCount } from './preview-days.ts';
import { StrandedList } from './StrandedList.tsx';

/**
 * What proposed hours would give, nothing changed yet: first the booked appointments they would
 * strand (by local date and time), then each day's times with their places.
 */
export function PreviewResult({ preview }: { preview: HoursPreview }) {
  const { t } = useTranslation();
  const { intl } = useTranslator();
  const box = useRef<HTMLElement>(null);
  // The answer takes the focus: a screen reader reads it at once, a keyboard goes on from it.
  useEffect(() => {
    box.current?.focus();
  }, []);
  const days = previewDays(preview);
  const stranded = strandedCount(preview.conflicts);
  const date = (local: string) => formatLocalDate(local, intl);

  return (
    <section aria-labelledby="preview-title" tabIndex={-1} ref={box} data-testid="hours-preview">
      <Title order={2} size="h3" id="preview-title" mb="xs">
        {t('staff.admin.calendars.previewTitle')}
      </Title>
      <Text mb="sm">
        {t('staff.admin.calendars.previewWindow', { from: date(preview.fromDate), to: date(preview.toDate) })}
      </Text>
      {stranded > 0 ? (
        <Alert color="orange" variant="light" mb="md" data-testid="preview-stranded">
          <Text fw={600} mb="xs">
            {t('staff.admin.calendars.strandedCount', { number: stranded })}
          </Text>
          <StrandedList conflicts={preview.conflicts} timeZone={preview.timeZone} />
        </Alert>
      ) : (
        <Alert color="green" variant="light" mb="md">
          {t('staff.admin.calendars.strandedNone')}
        </Alert>
      )}
      {preview.resolved.length > 0 && (
        <Text mb="md">{t('staff.admin.calendars.resolvedCount', { number: strandedCount(preview.resolved) })}</Text>
      )}
      <Table.ScrollContainer minWidth={640}>
        <Table verticalSpacing="xs" aria-labelledby="preview-title">
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">{t('staff.admin.calendars.previewColumns.date')}</Table.Th>
              <Table.Th scope="col">{t('staff.admin.calendars.previewColumns.times')}</Table.Th>
              <Table.Th scope="col">{t('staff.admin.calendars.previewColumns.places')}</Table.Th>
              <Table.Th scope="col">{t('staff.admin.calendars.previewColumns.booked')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {days.map((day) => (
              <Table.Tr key={day.date} data-testid={`preview-day-${day.date}`}>
                <Table.Th scope="row" fw={600}>
                  {date(day.date)}
                </Table.Th>
                <Table.Td>
                  {day.times.length === 0 ? (
                    t('staff.admin.calendars.closedDay')
                  ) : (
                    <Group gap={4} component="ul" style={{ listStyle: 'none', padding: 0, margin: 0 }}>
                      {day.times.map((time) => (
                        <li key={time.startsAt}>
                          <Badge
                            variant="light"
                            color={time.booked > time.capacity ? 'orange' : 'gray'}
                            radius="sm"
                            tt="none"
                            size="md"
                          >
                            <bdi>{formatTimeIn(time.startsAt, preview.timeZone, intl)}</bdi>
                            {' · '}
                            {time.booked > 0
                              ? t('staff.admin.calendars.bookedOfTime', {
                                  capacity: time.capacity,
                                  booked: time.booked,
                                })
                              : t('staff.admin.calendars.placesOfTime', { capacity: time.capacity })}
                          </Badge>
                        </li>
                      ))}
                    </Group>
                  )}
                </Table.Td>
                <Table.Td>{day.seats}</Table.Td>
                <Table.Td>{day.booked}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    </section>
  );
}
