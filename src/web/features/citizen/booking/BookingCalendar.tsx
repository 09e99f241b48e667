import '@mantine/dates/styles.css';
import 'dayjs/locale/ar-ma';
import 'dayjs/locale/en-gb';
import 'dayjs/locale/es';
import 'dayjs/locale/fr';
import { Button, Card, Stack, Text, Title } from '@mantine/core';
import { DatePicker, DatesProvider } from '@mantine/dates';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { isApiError } from '../../../api/api-error.ts';
import { api, newIdempotencyKey } from '../../../api/client.ts';
import type { Appointment, AvailableTime } from '../../../api/types.ts';
import { ChipRadioGroup } from '../../../ui/ChipRadioGroup.tsx';
import { ErrorMessage } from '../../../ui/ErrorMessage.tsx';
import { Loading } from '../../../ui/Loading.tsx';
import { addDays, deviceTimeZone, formatLocalDate, formatTimeIn, todayIn } from '../../../ui/local-time.ts';
import { useTranslator } from '../../../ui/use-translator.ts';
import { useZoneLabel } from '../../../ui/use-zone-label.ts';
import { useAvailability } from '../consulates/use-availability.ts';
import type { BookingTarget } from './booking-target.ts';
import { freeCalendar } from './free-days.ts';

// The API answers at most 92 days at once.
const MAX_DAYS = 91;
// A time lost this way is gone: pick another one (the day is kept when it still has free times).
const lostTimeCodes = new Set([
  'SLOT_FULL',
  'SLOT_UNAVAILABLE',
  'SLOT_TOO_SOON',
  'SLOT_BEYOND_HORIZON',
  'SLOT_NOT_FOUND',
]);

/**
 * The calendar shows only days with free times (the others are disabled); a day's times follow,
 * in the consulate's local time. Booking sends one Idempotency-Key per attempt; a time lost to
 * someone else (SLOT_FULL) is said plainly and taken off, and the person picks another.
 */
export function BookingCalendar(props: {
  target: BookingTarget;
  timeZone: string;
  horizonDays: number;
  dayjsLocale: string;
}) {
  const { target, timeZone } = props;
  const { t } = useTranslation();
  const { intl } = useTranslator();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const zone = useZoneLabel(timeZone);
  const from = todayIn(timeZone);
  const to = addDays(from, Math.min(props.horizonDays, MAX_DAYS));
  const availability = useAvailability(target.consulateId, target.serviceId, from, to);
  // Times lost to someone else while choosing: hidden at once, before the availability is read again.
  const [lostSlots, setLostSlots] = useState<number[]>([]);
  const currentSlot = target.kind === 'move' ? [target.appointment.slotId] : [];
  const calendar = freeCalendar(availability.data, [...lostSlots, ...currentSlot]);
  const [date, setDate] = useState<string | null>(null);
  const [slotId, setSlotId] = useState<string | null>(null);
  const attempt = useRef<{ slotId: string; key: string } | null>(null);
  const chosenDate = date && calendar.isFree(date) ? date : null;
  const times = chosenDate ? calendar.timesOf(chosenDate) : [];
  const chosenTime = times.find((time) => String(time.slotId) === slotId);

  const book = useMutation({
    mutationFn: (time: AvailableTime) => {
      // One Idempotency-Key per attempt: retrying the same time after a lost answer books once.
      if (attempt.current?.slotId !== String(time.slotId)) {
        attempt.current = { slotId: String(time.slotId), key: newIdempotencyKey() };
      }
      const headers = { 'idempotency-key': attempt.current.key };
      if (target.kind === 'move') {
        return api<Appointment>(`/api/v1/appointments/${target.appointment.id}/move`, {
          method: 'POST',
          headers,
          body: { slotId: time.slotId },
        });
      }
      return api<Appointment>('/api/v1/appointments', {
        method: 'POST',
        headers,
        body: {
          consulateId: target.consulateId,
          serviceId: target.serviceId,
          slotId: time.slotId,
          ...(target.kind === 'request' ? { requestId: target.requestId } : {}),
          ...(target.kind === 'direct' && target.personId ? { personId: target.personId } : {}),
        },
      });
    },
    onSuccess: (appointment) => {
      void queryClient.invalidateQueries({ queryKey: ['appointments'] });
      void queryClient.invalidateQueries({ queryKey: ['requests'] });
      void queryClient.invalidateQueries({ queryKey: ['availability'] });
      void navigate('/appointments', { state: { justBooked: appointment.id, wasMoved: target.kind === 'move' } });
    },
    onError: (error, time) => {
      attempt.current = null;
      if (isApiError(error) && lostTimeCodes.has(error.code)) {
        // The person keeps their day and picks another time; the calendar is read again.
        setLostSlots((lost) => [...lost, time.slotId]);
        setSlotId(null);
        void availability.refetch();
      }
    },
  });

  if (availability.isPending) return <Loading />;
  if (availability.isError) return <ErrorMessage error={availability.error} />;
  if (!calendar.first) return <Text>{t('booking.noFreeDate')}</Text>;

  const dateLabel = chosenDate ? formatLocalDate(chosenDate, intl) : '';
  return (
    <Stack gap="lg">
      <Text size="sm" data-testid="zone-note">
        {zone.note}
      </Text>
      <DatesProvider
        settings={{ locale: props.dayjsLocale, firstDayOfWeek: 1, consistentWeeks: true, weekendDays: [] }}
      >
        <Card withBorder padding="sm" style={{ alignSelf: 'flex-start', maxWidth: '100%' }}>
          <Title order={2} size="h5" mb="xs" id="calendar-title">
            {t('booking.pickDate')}
          </Title>
          <DatePicker
            value={chosenDate}
            onChange={(value) => {
              setDate(value);
              setSlotId(null);
              book.reset();
            }}
            defaultDate={calendar.first}
            minDate={calendar.first}
            maxDate={calendar.last ?? undefined}
            excludeDate={(day) => !calendar.isFree(day)}
            getDayAriaLabel={(day) =>
              calendar.isFree(day)
                ? t('booking.dayFree', { date: formatLocalDate(day, intl) })
                : t('booking.dayNotFree', { date: formatLocalDate(day, intl) })
            }
            aria-labelledby="calendar-title"
            maxLevel="month"
            ariaLabels={{ previousMonth: t('booking.previousMonth'), nextMonth: t('booking.nextMonth') }}
          />
        </Card>
      </DatesProvider>

      <div aria-live="polite">
        <ErrorMessage error={book.error} />
      </div>

      {chosenDate && (
        <div>
          <Title order={2} size="h5" id="time-title">
            {t('booking.pickTime', { date: dateLabel })}
            {zone.differs && ` — ${zone.zoneTime}`}
          </Title>
          {/* One tab stop for the whole day; the arrow keys move between the times (WAI-ARIA radio group). */}
          <ChipRadioGroup
            labelledBy="time-title"
            testId="time-choice"
            value={slotId}
            onChange={(value) => {
              setSlotId(value);
              book.reset();
            }}
            choices={times.map((time) => ({
              value: String(time.slotId),
              label: <bdi>{formatTimeIn(time.startsAt, timeZone, intl)}</bdi>,
            }))}
          />
        </div>
      )}

      {chosenDate && chosenTime && (
        <Card withBorder padding="md">
          <Stack gap="xs">
            <Text fw={600} data-testid="booking-summary">
              {t('booking.summary', { date: dateLabel, time: formatTimeIn(chosenTime.startsAt, timeZone, intl) })}
              {zone.differs && ` (${zone.zoneTime})`}
            </Text>
            {zone.differs && (
              <Text size="sm">
                {t('booking.yourClock', { time: formatTimeIn(chosenTime.startsAt, deviceTimeZone(), intl) })}
              </Text>
            )}
            <Button
              onClick={() => book.mutate(chosenTime)}
              loading={book.isPending}
              style={{ alignSelf: 'flex-start' }}
            >
              {target.kind === 'move' ? t('booking.confirmMove') : t('booking.confirm')}
            </Button>
          </Stack>
        </Card>
      )}
    </Stack>
  );
}
