import { Alert, Anchor, Button, Group, Stack, Text } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { isApiError } from '../../../api/api-error.ts';
import { api, newIdempotencyKey } from '../../../api/client.ts';
import type { Fee, RequestDetail } from '../../../api/types.ts';
import { ErrorMessage } from '../../../ui/ErrorMessage.tsx';
import { DownloadIcon } from '../../../ui/icons.tsx';
import { formatMoney } from '../../../ui/money.ts';
import { useTranslator } from '../../../ui/use-translator.ts';
import { postToGateway } from './gateway-form.ts';
import { type CreatedPayment, openPaymentOf, receiptUrl, useRequestPayments } from './payment-api.ts';

/** The fee of an accepted request: pay it online (e-Timbre), or see the stamp once paid. */
export function PaySection({ request, fee }: { request: RequestDetail; fee: Fee }) {
  const { t } = useTranslation();
  const { intl, locale } = useTranslator();
  const payments = useRequestPayments(request.id);
  // One key per click: a double click or a retry of that click pays once.
  const attemptKey = useRef<string | null>(null);
  const pay = useMutation({
    mutationFn: () => {
      attemptKey.current ??= newIdempotencyKey();
      return api<CreatedPayment>(`/api/v1/requests/${request.id}/payments`, {
        method: 'POST',
        headers: { 'idempotency-key': attemptKey.current },
      });
    },
    onSuccess: (created) => postToGateway(created.form),
    onError: () => {
      attemptKey.current = null;
    },
  });

  if (fee.amountMinor <= 0) return <Text>{t('payment.free')}</Text>;
  if (isApiError(payments.error) && payments.error.code === 'ROUTE_NOT_FOUND') {
    return <Text>{t('payment.unavailable')}</Text>;
  }
  const stamp = payments.data?.stamp;
  if (stamp) {
    return (
      <Stack gap="xs">
        <Alert color="green" variant="light" title={t('payment.paidTitle')}>
          {t('payment.stampNumber')} <bdi data-testid="stamp-number">{stamp.number}</bdi>
        </Alert>
        <Anchor href={receiptUrl(stamp.number, locale)} download>
          <Group gap={4} component="span">
            <DownloadIcon size={16} />
            {t('payment.receipt')}
          </Group>
        </Anchor>
      </Stack>
    );
  }
  const open = openPaymentOf(payments.data?.payments ?? []);
  const amount = formatMoney(fee, intl);
  return (
    <Stack gap="xs">
      <Text>{t('payment.due', { amount })}</Text>
      {fee.isDemoValue && <Text size="sm">{t('service.demoFee')}</Text>}
      {open && (
        <Text size="sm">
          {t('payment.inProgress')}{' '}
          <Anchor component={Link} to={`/requests/${request.id}/payment`}>
            {t('payment.check')}
          </Anchor>
        </Text>
      )}
      <ErrorMessage error={pay.error ?? payments.error} />
      <Button onClick={() => pay.mutate()} loading={pay.isPending || pay.isSuccess} style={{ alignSelf: 'flex-start' }}>
        {t('payment.pay', { amount })}
      </Button>
      <Text size="sm">{t('payment.gatewayNote')}</Text>
    </Stack>
  );
}
