import { Alert, Anchor, Button, Card, Group, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { ErrorMessage } from '../../../ui/ErrorMessage.tsx';
import { ArrowForwardIcon } from '../../../ui/icons.tsx';
import { Loading } from '../../../ui/Loading.tsx';
import { deviceTimeZone, formatLocalDate, todayIn } from '../../../ui/local-time.ts';
import { localized, personName } from '../../../ui/localized.ts';
import { PageTitle } from '../../../ui/PageTitle.tsx';
import { StatusBadge } from '../../../ui/StatusBadge.tsx';
import { useTranslator } from '../../../ui/use-translator.ts';
import { useRequests } from './request-queries.ts';

/** The citizen's requests and their relatives', newest first. */
export function RequestsPage() {
  const { t } = useTranslation();
  const { locale, intl } = useTranslator();
  const requests = useRequests();
  const [params] = useSearchParams();
  // The gateway sent the browser back with something we could not match to a payment.
  const paymentNotice = params.get('payment');

  return (
    <Stack gap="lg">
      <Group justify="space-between" align="flex-end">
        <PageTitle documentTitle={t('requests.title')}>{t('requests.title')}</PageTitle>
        <Button component={Link} to="/" variant="light">
          {t('requests.new')}
        </Button>
      </Group>
      {paymentNotice && (
        <Alert color="orange" role="status">
          {t('payment.returnUnmatched')}
        </Alert>
      )}
      {requests.isPending && <Loading />}
      <ErrorMessage error={requests.error} />
      {requests.data?.length === 0 && (
        <Card withBorder padding="lg">
          <Text mb="sm">{t('requests.none')}</Text>
          <Anchor component={Link} to="/">
            {t('requests.findConsulate')}
          </Anchor>
        </Card>
      )}
      <Stack gap="md" component="ul" style={{ listStyle: 'none', padding: 0, margin: 0 }}>
        {requests.data?.map((request) => (
          <Card withBorder padding="md" key={request.id} component="li">
            <Group justify="space-between" align="flex-start" gap="sm">
              <div>
                <Title order={2} size="h4">
                  <Anchor component={Link} to={`/requests/${request.id}`} inherit>
                    {localized(request.service.name, locale)}
                  </Anchor>
                </Title>
                <Text size="sm">{localized(request.consulate.name, locale)}</Text>
                <Text size="sm">
                  {t('requests.for', { name: personName(request.person, locale) })} · <bdi>{request.reference}</bdi>
                </Text>
                <Text size="sm" c="dimmed">
                  {t('requests.openedOn', {
                    date: formatLocalDate(todayIn(deviceTimeZone(), new Date(request.createdAt)), intl, 'long'),
                  })}
                </Text>
              </div>
              <StatusBadge kind="request" status={request.status} />
            </Group>
            <Button
              component={Link}
              to={`/requests/${request.id}`}
              variant="subtle"
              mt="xs"
              px={0}
              rightSection={<ArrowForwardIcon size={16} />}
              aria-label={`${t('requests.open')} — ${localized(request.service.name, locale)} ${request.reference}`}
            >
              {t('requests.open')}
            </Button>
          </Card>
        ))}
      </Stack>
    </Stack>
  );
}
