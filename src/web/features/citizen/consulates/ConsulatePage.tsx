import { Accordion, Anchor, Badge, Button, Group, List, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { ApiError } from '../../../api/api-error.ts';
import { useConsulate, useConsulateServices } from '../../../api/queries.ts';
import type { Consulate, OfferedService } from '../../../api/types.ts';
import { ErrorMessage } from '../../../ui/ErrorMessage.tsx';
import { ArrowBackIcon, ArrowForwardIcon, ClockIcon, MapPinIcon } from '../../../ui/icons.tsx';
import { Loading } from '../../../ui/Loading.tsx';
import { localized } from '../../../ui/localized.ts';
import { formatMinutes, formatMoney } from '../../../ui/money.ts';
import { PageTitle } from '../../../ui/PageTitle.tsx';
import { useTranslator } from '../../../ui/use-translator.ts';
import { useZoneLabel } from '../../../ui/use-zone-label.ts';
import { NextFreeDate } from './NextFreeDate.tsx';

/** A consulate's services: what each needs, costs and takes, and its next free date. */
export function ConsulatePage() {
  const { consulateId } = useParams();
  const { t } = useTranslation();
  const { locale } = useTranslator();
  const consulate = useConsulate(consulateId);
  const services = useConsulateServices(consulateId);
  const zone = useZoneLabel(consulate.data?.timeZone);
  const [opened, setOpened] = useState<string[]>([]);

  if (consulate.isPending) return <Loading />;
  if (consulate.isError) return <ErrorMessage error={consulate.error} />;
  if (!consulate.data) return <ErrorMessage error={new ApiError(404, 'CONSULATE_NOT_FOUND', undefined)} />;
  const name = localized(consulate.data.name, locale);
  const here = consulate.data;

  return (
    <Stack gap="lg">
      <Anchor component={Link} to="/" size="sm">
        <Group gap={4} component="span">
          <ArrowBackIcon size={16} />
          {t('consulate.back')}
        </Group>
      </Anchor>
      <div>
        <PageTitle documentTitle={name}>{name}</PageTitle>
        <Group gap={6} wrap="nowrap" align="flex-start">
          <MapPinIcon size={16} />
          <Text>
            <bdi>{consulate.data.address}</bdi>
          </Text>
        </Group>
        <Group gap={6} wrap="nowrap" align="flex-start" mt={4}>
          <ClockIcon size={16} />
          <Text size="sm">{t('consulate.timesAre', { zoneTime: zone.zoneTime })}</Text>
        </Group>
      </div>

      <section aria-labelledby="services-title">
        <Title order={2} size="h3" id="services-title" mb="xs">
          {t('consulate.services')}
        </Title>
        <Text mb="md">{t('consulate.servicesIntro')}</Text>
        {services.isPending && <Loading />}
        <ErrorMessage error={services.error} />
        {services.data && (
          <Accordion multiple value={opened} onChange={setOpened} variant="separated">
            {services.data.map((service) => (
              <Accordion.Item key={service.id} value={service.id}>
                <Accordion.Control>
                  <Text fw={600}>{localized(service.name, locale)}</Text>
                  <FeeLine service={service} />
                </Accordion.Control>
                <Accordion.Panel>
                  <ServiceDetails service={service} consulate={here} isOpen={opened.includes(service.id)} />
                </Accordion.Panel>
              </Accordion.Item>
            ))}
          </Accordion>
        )}
      </section>
    </Stack>
  );
}

function FeeLine({ service }: { service: OfferedService }) {
  const { t } = useTranslation();
  const { intl } = useTranslator();
  return (
    <Text size="sm">
      {service.fee.amountMinor > 0 ? formatMoney(service.fee, intl) : t('service.free')} ·{' '}
      {formatMinutes(service.durationMinutes, intl)}
    </Text>
  );
}

function ServiceDetails(props: { service: OfferedService; consulate: Consulate; isOpen: boolean }) {
  const { service, consulate } = props;
  const { t } = useTranslation();
  const { intl, locale } = useTranslator();
  const startLink = `/requests/new?consulateId=${consulate.id}&serviceId=${service.id}`;
  return (
    <Stack gap="sm">
      <Group gap="xs">
        <Badge variant="light" color={service.requiresVerification ? 'orange' : 'green'} tt="none" radius="sm">
          {service.requiresVerification ? t('service.verified') : t('service.direct')}
        </Badge>
      </Group>
      <Text size="sm">{service.requiresVerification ? t('service.verifiedHelp') : t('service.directHelp')}</Text>
      <div>
        <Text fw={600}>{t('service.fee')}</Text>
        <Text>
          {service.fee.amountMinor > 0 ? formatMoney(service.fee, intl) : t('service.free')}
          {service.fee.isDemoValue && ` — ${t('service.demoFee')}`}
        </Text>
      </div>
      <div>
        <Text fw={600}>{t('service.duration')}</Text>
        <Text>{formatMinutes(service.durationMinutes, intl)}</Text>
      </div>
      <div>
        <Text fw={600} id={`documents-${service.id}`}>
          {t('service.documents')}
        </Text>
        <List aria-labelledby={`documents-${service.id}`} spacing={2}>
          {service.requiredDocuments.map((code) => (
            <List.Item key={code}>{t(`document.${code}`)}</List.Item>
          ))}
        </List>
      </div>
      <div>
        <Text fw={600}>{t('service.availability')}</Text>
        {props.isOpen && (
          <NextFreeDate consulateId={consulate.id} serviceId={service.id} timeZone={consulate.timeZone} />
        )}
      </div>
      <Button
        component={Link}
        to={startLink}
        rightSection={<ArrowForwardIcon />}
        aria-label={`${service.requiresVerification ? t('service.start') : t('service.book')} — ${localized(service.name, locale)}`}
        style={{ alignSelf: 'flex-start' }}
      >
        {service.requiresVerification ? t('service.start') : t('service.book')}
      </Button>
    </Stack>
  );
}
