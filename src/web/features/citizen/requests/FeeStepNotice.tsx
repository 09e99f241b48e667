import { Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { FeeStep } from '../../../api/types.ts';
import { formatMoney } from '../../../ui/money.ts';
import { useTranslator } from '../../../ui/use-translator.ts';

/** The fee as a step of its own: what it costs and when it is paid (never a document to upload). */
export function feeStepText(fee: FeeStep, t: (key: string, params?: Record<string, unknown>) => string, intl: string) {
  const amount = formatMoney(fee, intl);
  return t(`feeStep.${fee.status}`, { amount, stamp: fee.stampNumber ?? '' });
}

export function FeeStepNotice({ fee }: { fee: FeeStep }) {
  const { t } = useTranslation();
  const { intl } = useTranslator();
  return (
    <Text data-testid="fee-step" data-status={fee.status}>
      {feeStepText(fee, t, intl)}
    </Text>
  );
}
