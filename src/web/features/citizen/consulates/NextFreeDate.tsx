import { Group, Skeleton, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { ErrorMessage } from '../../../ui/ErrorMessage.tsx';
import { CalendarIcon } from '../../../ui/icons.tsx';
import { formatList } from '../../../ui/list-format.ts';
import { addDays, formatLocalDate, formatTimeIn, todayIn } from '../../../ui/local-time.ts';
import { useTranslator } from '../../../ui/use-translator.ts';
import { useZoneLabel } from '../../../ui/use-zone-label.ts';
import { freeCalendar } from '../booking/free-days.ts';
import { useAvailability } from './use-availability.ts';

// How far ahead the consulate page looks for the next free date.
const LOOK_AHEAD_DAYS = 30;
const TIMES_SHOWN = 6;

/** The first day with free times in the next 30 days, and its first times, in the consulate's time. */
export function NextFreeDate(props: { consulateId: string; serviceId: string; timeZone: string }) {
  const { t } = useTranslation();
  const { intl } = useTranslator();
  const from = todayIn(props.timeZone);
  const availability = useAvailability(props.consulateId, props.serviceId, from, addDays(from, LOOK_AHEAD_DAYS));
  const zone = useZoneLabel(props.timeZone);

  if (availability.isPending) return <Skeleton height={40} aria-label={t('common.loading')} />;
  if (availability.isError) return <ErrorMessage error={availability.error} />;
  const calendar = freeCalendar(availability.data);
  if (!calendar.first) {
    return <Text>{t('service.noFreeDate', { days: LOOK_AHEAD_DAYS })}</Text>;
  }
  const times = calendar.timesOf(calendar.first);
  const shown = times.slice(0, TIMES_SHOWN).map((time) => formatTimeIn(time.startsAt, props.timeZone, intl));
  return (
    <div>
      <Group gap={6} wrap="nowrap" align="flex-start">
        <CalendarIcon />
        <Text fw={600}>{formatLocalDate(calendar.first, intl)}</Text>
      </Group>
      <Text size="sm">
        {t('service.firstTimes', { times: formatList(shown, intl) })} {zone.differs && `(${zone.zoneTime})`}
      </Text>
    </div>
  );
}
