import { Alert, Anchor, Button, Card, Group, Stack, Text, Title } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { api, newIdempotencyKey } from '../../../api/client.ts';
import { useConsulate, useConsulateServices } from '../../../api/queries.ts';
import type { Appointment, PersonSummary } from '../../../api/types.ts';
import { ErrorMessage } from '../../../ui/ErrorMessage.tsx';
import { CalendarIcon, DownloadIcon } from '../../../ui/icons.tsx';
import { formatList } from '../../../ui/list-format.ts';
import { formatLocalDate, formatTimeIn, todayIn } from '../../../ui/local-time.ts';
import { localized, personName } from '../../../ui/localized.ts';
import { StatusBadge } from '../../../ui/StatusBadge.tsx';
import { useTranslator } from '../../../ui/use-translator.ts';
import { useZoneLabel } from '../../../ui/use-zone-label.ts';
import { buildCalendarFile } from './calendar-file.ts';

/** One appointment: when and where, in the consulate's time; move, cancel, convocation, calendar. */
export function AppointmentCard(props: {
  appointment: Appointment;
  person?: PersonSummary;
  notice?: 'booked' | 'moved';
}) {
  const { appointment: a, person } = props;
  const { t } = useTranslation();
  const { locale, intl } = useTranslator();
  const queryClient = useQueryClient();
  const consulate = useConsulate(a.consulateId);
  const services = useConsulateServices(a.consulateId);
  const service = services.data?.find((s) => s.id === a.serviceId);
  const zone = useZoneLabel(a.timeZone, new Date(a.startsAt));
  const [isConfirming, setConfirming] = useState(false);
  const cancelKey = useRef<string | null>(null);
  const confirmation = useRef<HTMLParagraphElement>(null);
  // The question gets the focus when it opens: keyboard and screen-reader users land on it.
  useEffect(() => {
    if (isConfirming) confirmation.current?.focus();
  }, [isConfirming]);
  const cancel = useMutation({
    mutationFn: () => {
      cancelKey.current ??= newIdempotencyKey();
      return api<Appointment>(`/api/v1/appointments/${a.id}/cancel`, {
        method: 'POST',
        headers: { 'idempotency-key': cancelKey.current },
      });
    },
    onSuccess: () => {
      setConfirming(false);
      void queryClient.invalidateQueries({ queryKey: ['appointments'] });
      void queryClient.invalidateQueries({ queryKey: ['requests'] });
    },
  });

  const serviceName = service ? localized(service.name, locale) : '';
  const consulateName = consulate.data ? localized(consulate.data.name, locale) : '';
  const time = formatTimeIn(a.startsAt, a.timeZone, intl);
  const date = formatLocalDate(a.localDate, intl);
  const isActive = a.status === 'booked';
  const cutoff = service ? new Date(new Date(a.startsAt).getTime() - service.cancellationCutoffMinutes * 60_000) : null;
  const canChange = isActive && cutoff !== null && Date.now() < cutoff.getTime();
  // The cut-off is a time at the consulate too: named like the appointment's ("heure de Paris").
  const cutoffZone = useZoneLabel(a.timeZone, cutoff ?? new Date(a.startsAt));

  const downloadCalendar = () => {
    const text = buildCalendarFile({
      uid: `${a.reference}@mawid`,
      startsAt: a.startsAt,
      endsAt: a.endsAt,
      title: t('calendar.title', { service: serviceName }),
      location: [consulateName, consulate.data?.address ?? ''].join(t('common.separator')),
      description: [
        t('calendar.reference', { reference: a.reference }),
        service
          ? t('calendar.bring', {
              documents: formatList(
                service.requiredDocuments.map((d) => t(`document.${d}`)),
                intl,
              ),
            })
          : '',
      ].join('\n'),
    });
    const url = URL.createObjectURL(new Blob([text], { type: 'text/calendar;charset=utf-8' }));
    const link = document.createElement('a');
    link.href = url;
    link.download = `mawid-${a.reference}.ics`;
    document.body.appendChild(link);
    link.click();
    link.remove();
    setTimeout(() => URL.revokeObjectURL(url), 10_000);
  };

  return (
    <Card withBorder padding="md" component="li" data-testid={`appointment-${a.reference}`}>
      <Stack gap="xs">
        {props.notice && (
          <Alert
            color="green"
            variant="light"
            role="status"
            title={props.notice === 'moved' ? t('appointments.movedTitle') : t('appointments.bookedTitle')}
          >
            {t('appointments.bookedBody')}
          </Alert>
        )}
        <Group justify="space-between" align="flex-start" wrap="nowrap" gap="sm">
          <div>
            <Title order={3} size="h4">
              {serviceName}
            </Title>
            <Text>{consulateName}</Text>
          </div>
          <StatusBadge kind="appointment" status={a.status} />
        </Group>
        <Group gap={6} wrap="nowrap" align="flex-start">
          <CalendarIcon />
          <Text fw={600} data-testid="appointment-when">
            {t('appointments.when', { date, time })}
            {zone.differs && ` (${zone.zoneTime})`}
          </Text>
        </Group>
        {consulate.data && (
          <Text size="sm">
            <bdi>{consulate.data.address}</bdi>
          </Text>
        )}
        <Text size="sm">
          {person && `${t('requests.for', { name: personName(person, locale) })} · `}
          {t('appointments.reference')} <bdi>{a.reference}</bdi>
        </Text>
        {a.status === 'not_served' && a.notServedReason && (
          <Text size="sm" data-testid="appointment-not-served">
            {t('appointments.notServed.reasonLabel', {
              reason: t(`appointments.notServed.reason.${a.notServedReason}`),
            })}{' '}
            {t('appointments.notServed.rebook')}
          </Text>
        )}
        {isActive && cutoff && (
          <Text size="sm" data-testid="appointment-cutoff">
            {canChange
              ? t('appointments.changeUntil', {
                  date: formatLocalDate(todayIn(a.timeZone, cutoff), intl),
                  time: cutoffZone.differs
                    ? `${formatTimeIn(cutoff, a.timeZone, intl)} (${cutoffZone.zoneTime})`
                    : formatTimeIn(cutoff, a.timeZone, intl),
                })
              : t('errors.CANCELLATION_TOO_LATE')}
          </Text>
        )}
        {isActive && (
          <Group gap="xs" mt="xs">
            <Button
              component="a"
              href={`/api/v1/appointments/${a.id}/convocation.pdf?lang=${locale}`}
              download
              variant="light"
              leftSection={<DownloadIcon size={16} />}
            >
              {t('appointments.convocation')}
            </Button>
            <Button variant="light" leftSection={<CalendarIcon size={16} />} onClick={downloadCalendar}>
              {t('appointments.addToCalendar')}
            </Button>
            {canChange && (
              <>
                <Button component={Link} to={`/appointments/${a.id}/move`} variant="default">
                  {t('appointments.move')}
                </Button>
                <Button variant="default" color="red" onClick={() => setConfirming(true)} aria-expanded={isConfirming}>
                  {t('appointments.cancel')}
                </Button>
              </>
            )}
          </Group>
        )}
        {isConfirming && (
          <Card withBorder padding="sm" bg="red.0">
            <Stack gap="xs">
              <Text ref={confirmation} tabIndex={-1}>
                {t('appointments.cancelConfirm', { date, time })}
              </Text>
              <ErrorMessage error={cancel.error} />
              <Group gap="xs">
                <Button color="red" onClick={() => cancel.mutate()} loading={cancel.isPending}>
                  {t('appointments.cancelYes')}
                </Button>
                <Button variant="default" onClick={() => setConfirming(false)}>
                  {t('appointments.cancelNo')}
                </Button>
              </Group>
            </Stack>
          </Card>
        )}
        {a.requestId && (
          <Anchor component={Link} to={`/requests/${a.requestId}`} size="sm">
            {t('appointments.seeRequest')}
          </Anchor>
        )}
      </Stack>
    </Card>
  );
}
