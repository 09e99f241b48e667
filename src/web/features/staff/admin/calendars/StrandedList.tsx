import { List, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { formatLocalDate, formatTimeIn } from '../../../../ui/local-time.ts';
import { useTranslator } from '../../../../ui/use-translator.ts';
import type { SlotConflict } from '../admin-types.ts';
import { conflictsByDate } from './preview-days.ts';

/** Slots holding appointments the calendar no longer allows, by local date then time, each with why. */
export function StrandedList({
  conflicts,
  timeZone,
}: {
  conflicts: readonly (SlotConflict & { isNew?: boolean })[];
  timeZone: string;
}) {
  const { t } = useTranslation();
  const { intl } = useTranslator();
  return (
    <Stack gap="xs" data-testid="stranded-list">
      {conflictsByDate(conflicts, timeZone).map((group) => (
        <div key={group.date}>
          <Text fw={600}>{formatLocalDate(group.date, intl)}</Text>
          <List spacing={2}>
            {group.conflicts.map((conflict) => (
              <List.Item key={conflict.slotId}>
                <bdi>{formatTimeIn(conflict.startsAt, timeZone, intl)}</bdi>
                {' — '}
                {t(`staff.admin.conflicts.reason.${conflict.reason}`, {
                  booked: conflict.booked,
                  capacity: conflict.plannedCapacity,
                })}
                {conflict.isNew === false && ` ${t('staff.admin.calendars.alreadyConflict')}`}
              </List.Item>
            ))}
          </List>
        </div>
      ))}
    </Stack>
  );
}
