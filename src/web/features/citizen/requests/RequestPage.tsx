import { Anchor, Button, Card, Group, Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation, useParams } from 'react-router';
import { api } from '../../../api/client.ts';
import { useConsulate, useConsulateServices } from '../../../api/queries.ts';
import type { Appointment } from '../../../api/types.ts';
import { ErrorMessage } from '../../../ui/ErrorMessage.tsx';
import { ArrowBackIcon, ArrowForwardIcon } from '../../../ui/icons.tsx';
import { Loading } from '../../../ui/Loading.tsx';
import { formatLocalDate, formatTimeIn } from '../../../ui/local-time.ts';
import { localized, personName } from '../../../ui/localized.ts';
import { PageTitle } from '../../../ui/PageTitle.tsx';
import { StatusBadge } from '../../../ui/StatusBadge.tsx';
import { useTranslator } from '../../../ui/use-translator.ts';
import { useZoneLabel } from '../../../ui/use-zone-label.ts';
import { PaySection } from '../payments/PaySection.tsx';
import { Checklist } from './Checklist.tsx';
import { DecisionNotice } from './DecisionNotice.tsx';
import { FeeStepNotice } from './FeeStepNotice.tsx';
import { isEditable as isEditableStatus, isReadyToSend } from './request-progress.ts';
import { useRequest } from './request-queries.ts';

/** One request: its status, the consulate's answer, its documents, then its appointment and fee. */
export function RequestPage() {
  const { requestId } = useParams();
  const { t } = useTranslation();
  const { locale } = useTranslator();
  const { hash } = useLocation();
  const request = useRequest(requestId);
  const services = useConsulateServices(request.data?.consulate.id);
  const service = services.data?.find((s) => s.id === request.data?.service.id);

  // Sent here to change one document (from checking the request): its upload button takes the
  // focus once the page is in (after the shell's own move to the page, hence the timer).
  const isLoaded = Boolean(request.data);
  useEffect(() => {
    if (!hash || !isLoaded) return;
    const timer = setTimeout(() => document.getElementById(decodeURIComponent(hash.slice(1)))?.focus());
    return () => clearTimeout(timer);
  }, [hash, isLoaded]);

  if (request.isPending) return <Loading />;
  if (request.isError) return <ErrorMessage error={request.error} />;
  const data = request.data;
  const serviceName = localized(data.service.name, locale);
  const isEditable = isEditableStatus(data.status);
  const isBeforeDecision = isEditable || data.status === 'submitted';
  const isReady = isReadyToSend(data.checklist);

  return (
    <Stack gap="lg">
      <Anchor component={Link} to="/requests" size="sm">
        <Group gap={4} component="span">
          <ArrowBackIcon size={16} />
          {t('request.back')}
        </Group>
      </Anchor>
      <div>
        <PageTitle documentTitle={serviceName}>{serviceName}</PageTitle>
        <Group gap="sm" mb="xs">
          <StatusBadge kind="request" status={data.status} />
          <Text size="sm">
            {t('request.reference')} <bdi>{data.reference}</bdi>
          </Text>
        </Group>
        <Text>{localized(data.consulate.name, locale)}</Text>
        <Text>{t('requests.for', { name: personName(data.person, locale) })}</Text>
        <Text mt="sm" data-testid="status-help">
          {t(`request.statusHelp.${data.status}`)}
        </Text>
      </div>

      <DecisionNotice request={data} />

      {/* Once accepted, the next steps (a date, the fee) come before the documents already checked. */}

      {data.status === 'accepted' && (
        <section aria-labelledby="appointment-title">
          <Title order={2} size="h3" id="appointment-title" mb="sm">
            {t('request.appointment')}
          </Title>
          {data.appointmentId ? (
            <AppointmentSummary appointmentId={data.appointmentId} />
          ) : (
            <Button
              component={Link}
              to={`/requests/${data.id}/appointment`}
              rightSection={<ArrowForwardIcon />}
              style={{ alignSelf: 'flex-start' }}
            >
              {t('request.chooseDate')}
            </Button>
          )}
        </section>
      )}

      {(data.status === 'accepted' || data.status === 'completed') && service ? (
        <section aria-labelledby="fee-title">
          <Title order={2} size="h3" id="fee-title" mb="sm">
            {t('request.fee')}
          </Title>
          <PaySection request={data} fee={service.fee} />
        </section>
      ) : (
        isBeforeDecision && (
          // Before acceptance the fee is a step to come, never a document to upload.
          <section aria-labelledby="fee-title">
            <Title order={2} size="h3" id="fee-title" mb="sm">
              {t('request.fee')}
            </Title>
            <FeeStepNotice fee={data.fee} />
          </section>
        )
      )}
      <section aria-labelledby="documents-title">
        <Title order={2} size="h3" id="documents-title" mb="sm">
          {t('request.documents')}
        </Title>
        {isEditable && <Text mb="sm">{t('request.documentsHelp')}</Text>}
        <Checklist request={data} />
        {isEditable && (
          <Stack gap="xs" mt="md">
            {/* Sending goes through checking the request first (GOV.UK "check your answers"). */}
            {isReady ? (
              <Button
                component={Link}
                to={`/requests/${data.id}/check`}
                rightSection={<ArrowForwardIcon />}
                style={{ alignSelf: 'flex-start' }}
              >
                {t('request.continue')}
              </Button>
            ) : (
              <Text size="sm">{t('request.notReady')}</Text>
            )}
          </Stack>
        )}
      </section>
    </Stack>
  );
}

function AppointmentSummary({ appointmentId }: { appointmentId: string }) {
  const { t } = useTranslation();
  const { intl } = useTranslator();
  const appointment = useQuery({
    queryKey: ['appointments', appointmentId],
    queryFn: () => api<Appointment>(`/api/v1/appointments/${appointmentId}`),
  });
  const consulate = useConsulate(appointment.data?.consulateId);
  const zone = useZoneLabel(appointment.data?.timeZone);
  if (appointment.isPending) return <Loading />;
  if (appointment.isError) return <ErrorMessage error={appointment.error} />;
  const a = appointment.data;
  return (
    <Card withBorder padding="md">
      <Text fw={600}>
        {t('appointments.when', {
          date: formatLocalDate(a.localDate, intl),
          time: formatTimeIn(a.startsAt, a.timeZone, intl),
        })}
        {zone.differs && ` (${zone.zoneTime})`}
      </Text>
      {consulate.data && (
        <Text size="sm">
          <bdi>{consulate.data.address}</bdi>
        </Text>
      )}
      <Anchor component={Link} to="/appointments" mt="xs">
        {t('request.seeAppointment')}
      </Anchor>
    </Card>
  );
}
