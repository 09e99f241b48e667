import { Alert, Anchor, Button, Card, Group, Loader, Stack, Text } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams, useSearchParams } from 'react-router';
import { api } from '../../../api/client.ts';
import { ErrorMessage } from '../../../ui/ErrorMessage.tsx';
import { ArrowForwardIcon, DownloadIcon } from '../../../ui/icons.tsx';
import { PageTitle } from '../../../ui/PageTitle.tsx';
import { useTranslator } from '../../../ui/use-translator.ts';
import { useRequest } from '../requests/request-queries.ts';
import { type Payment, paymentsKey, receiptUrl, useRequestPayments } from './payment-api.ts';

const POLL_MS = 2_000;
// Asking the gateway itself (a status query) is rate-limited: every 10 s, for at most 2 minutes.
const REFRESH_MS = 10_000;
const GIVE_UP_MS = 120_000;

/**
 * Where the gateway sends the browser back. The browser's return proves nothing: the page waits
 * for the server's word (the gateway's callback, or a status query it asks for) that the stamp
 * exists, then shows its number and receipt.
 */
export function PaymentReturnPage() {
  const { requestId } = useParams();
  const [params] = useSearchParams();
  const result = params.get('result');
  const { t } = useTranslation();
  const { locale } = useTranslator();
  const queryClient = useQueryClient();
  const [startedAt, setStartedAt] = useState(() => Date.now());
  const [now, setNow] = useState(() => Date.now());
  const isWaiting = now - startedAt < GIVE_UP_MS;
  const request = useRequest(requestId);
  const payments = useRequestPayments(requestId, { refetchInterval: false });
  const stamp = payments.data?.stamp ?? null;
  const latest: Payment | undefined = [...(payments.data?.payments ?? [])].sort((a, b) =>
    b.createdAt.localeCompare(a.createdAt),
  )[0];
  const isSettled = Boolean(stamp) || (latest !== undefined && !['created', 'pending'].includes(latest.status));

  const refresh = useMutation({
    mutationFn: (paymentId: string) => api<Payment>(`/api/v1/payments/${paymentId}/refresh`, { method: 'POST' }),
    onSettled: () => queryClient.invalidateQueries({ queryKey: paymentsKey(requestId) }),
  });

  // Poll the request's payments until the stamp shows (or the payment ends otherwise).
  useEffect(() => {
    if (stamp || !isWaiting) return;
    const timer = setInterval(() => {
      setNow(Date.now());
      void queryClient.invalidateQueries({ queryKey: paymentsKey(requestId) });
    }, POLL_MS);
    return () => clearInterval(timer);
  }, [stamp, isWaiting, queryClient, requestId]);

  // Ask the gateway directly now and then, in case its callback is late or lost.
  const latestId = latest?.id;
  const isLatestOpen = latest?.status === 'created' || latest?.status === 'pending';
  const { mutate: refreshPayment } = refresh;
  useEffect(() => {
    if (stamp || !isWaiting || !latestId || !isLatestOpen) return;
    refreshPayment(latestId);
    const timer = setInterval(() => refreshPayment(latestId), REFRESH_MS);
    return () => clearInterval(timer);
  }, [stamp, isWaiting, latestId, isLatestOpen, refreshPayment]);

  const backToRequest = (
    <Anchor component={Link} to={`/requests/${requestId}`}>
      {t('payment.backToRequest')}
    </Anchor>
  );

  return (
    <Stack gap="lg" maw={640}>
      <PageTitle documentTitle={t('payment.returnTitle')}>{t('payment.returnTitle')}</PageTitle>
      <div aria-live="polite" role="status">
        {stamp ? (
          <Card withBorder padding="lg">
            <Stack gap="sm">
              <Alert color="green" variant="light" title={t('payment.paidTitle')}>
                {t('payment.paidBody')}
              </Alert>
              <Text>
                {t('payment.stampNumber')}{' '}
                <Text span fw={700} ff="monospace" fz="lg" data-testid="stamp-number">
                  <bdi>{stamp.number}</bdi>
                </Text>
              </Text>
              <Anchor href={receiptUrl(stamp.number, locale)} download>
                <Group gap={4} component="span">
                  <DownloadIcon size={16} />
                  {t('payment.receipt')}
                </Group>
              </Anchor>
              {request.data?.status === 'accepted' && !request.data.appointmentId && (
                <Button
                  component={Link}
                  to={`/requests/${requestId}/appointment`}
                  rightSection={<ArrowForwardIcon />}
                  style={{ alignSelf: 'flex-start' }}
                >
                  {t('request.chooseDate')}
                </Button>
              )}
              {backToRequest}
            </Stack>
          </Card>
        ) : isSettled || result === 'fail' || result === 'cancelled' ? (
          <Card withBorder padding="lg">
            <Stack gap="sm">
              <Alert color="orange" variant="light" title={t('payment.notPaidTitle')}>
                {result === 'cancelled' ? t('payment.cancelledBody') : t('payment.failedBody')}
              </Alert>
              <Button component={Link} to={`/requests/${requestId}`} style={{ alignSelf: 'flex-start' }}>
                {t('payment.tryAgain')}
              </Button>
            </Stack>
          </Card>
        ) : isWaiting ? (
          <Group gap="sm" wrap="nowrap">
            <Loader size="sm" aria-hidden="true" />
            <Text>{t('payment.waiting')}</Text>
          </Group>
        ) : (
          <Card withBorder padding="lg">
            <Stack gap="sm">
              <Text>{t('payment.stillWaiting')}</Text>
              <Button
                variant="light"
                onClick={() => {
                  setStartedAt(Date.now());
                  setNow(Date.now());
                }}
                style={{ alignSelf: 'flex-start' }}
              >
                {t('payment.checkAgain')}
              </Button>
              {backToRequest}
            </Stack>
          </Card>
        )}
      </div>
      <ErrorMessage error={payments.error} />
    </Stack>
  );
}
