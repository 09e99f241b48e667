import { Alert, Anchor, Group, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link, useParams, useSearchParams } from 'react-router';
import { ApiError } from '../../../api/api-error.ts';
import { useConsulate, useConsulateServices } from '../../../api/queries.ts';
import { ErrorMessage } from '../../../ui/ErrorMessage.tsx';
import { ArrowBackIcon } from '../../../ui/icons.tsx';
import { Loading } from '../../../ui/Loading.tsx';
import { localized } from '../../../ui/localized.ts';
import { PageTitle } from '../../../ui/PageTitle.tsx';
import { useTranslator } from '../../../ui/use-translator.ts';
import { BookingCalendar } from './BookingCalendar.tsx';
import { useBookingTarget } from './booking-target.ts';

const dayjsLocaleOf: Record<string, string> = { ar: 'ar-ma', fr: 'fr', en: 'en-gb', es: 'es' };

/** Choosing a date (only days with free times), then a time, always in the consulate's local time. */
export function BookingPage() {
  const params = useParams();
  const [search] = useSearchParams();
  const { t } = useTranslation();
  const { locale } = useTranslator();
  const booking = useBookingTarget({
    requestId: params.requestId,
    appointmentId: params.appointmentId,
    consulateId: params.consulateId,
    serviceId: params.serviceId,
    personId: search.get('personId') ?? undefined,
  });
  const consulate = useConsulate(booking.target?.consulateId);
  const services = useConsulateServices(booking.target?.consulateId);
  const service = services.data?.find((s) => s.id === booking.target?.serviceId);

  if (booking.isPending || consulate.isPending || services.isPending) return <Loading />;
  if (booking.error) return <ErrorMessage error={booking.error} />;
  if (!booking.target || !consulate.data || !service) {
    return <ErrorMessage error={services.error ?? new ApiError(404, 'SERVICE_NOT_OFFERED', undefined)} />;
  }
  const title = booking.target.kind === 'move' ? t('booking.moveTitle') : t('booking.title');
  const back = booking.target.kind === 'request' ? `/requests/${booking.target.requestId}` : '/appointments';

  return (
    <Stack gap="lg">
      <Anchor component={Link} to={back} size="sm">
        <Group gap={4} component="span">
          <ArrowBackIcon size={16} />
          {booking.target.kind === 'request' ? t('booking.backToRequest') : t('booking.backToAppointments')}
        </Group>
      </Anchor>
      <div>
        <PageTitle documentTitle={title}>{title}</PageTitle>
        <Text fw={600}>{localized(service.name, locale)}</Text>
        <Text>{localized(consulate.data.name, locale)}</Text>
      </div>
      {booking.requestStatus && booking.requestStatus !== 'accepted' ? (
        <Alert color="orange" role="status">
          {t('errors.REQUEST_NOT_ACCEPTED')}
        </Alert>
      ) : booking.hasAppointment ? (
        <Alert color="blue" role="status">
          {t('booking.alreadyBooked')}{' '}
          <Anchor component={Link} to="/appointments">
            {t('nav.appointments')}
          </Anchor>
        </Alert>
      ) : (
        <BookingCalendar
          target={booking.target}
          timeZone={consulate.data.timeZone}
          horizonDays={service.horizonDays}
          dayjsLocale={dayjsLocaleOf[locale] ?? 'fr'}
        />
      )}
    </Stack>
  );
}
