import { Alert, Blockquote, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { RequestDetail } from '../../../api/types.ts';
import { useDecisionReasons } from './request-queries.ts';

/** The consulate's answer: the reason (translated template) and the agent's own words. */
export function DecisionNotice({ request }: { request: RequestDetail }) {
  const { t } = useTranslation();
  const isShown = request.status === 'more_info_requested' || request.status === 'rejected';
  const reasons = useDecisionReasons(isShown && Boolean(request.decision?.reasonCode));
  if (!isShown || !request.decision) return null;
  const reason = reasons.data?.find((r) => r.code === request.decision?.reasonCode)?.label;
  const isMoreInfo = request.status === 'more_info_requested';
  return (
    <Alert
      color={isMoreInfo ? 'orange' : 'red'}
      variant="light"
      title={isMoreInfo ? t('decision.moreInfoTitle') : t('decision.rejectedTitle')}
      data-testid="decision-notice"
    >
      {reason && (
        <Text fw={600} mb="xs">
          {t('decision.reason', { reason })}
        </Text>
      )}
      {request.decision.note && (
        <>
          <Text size="sm">{t('decision.agentNote')}</Text>
          <Blockquote p="xs" mt={4} mb="xs" dir="auto">
            {request.decision.note}
          </Blockquote>
        </>
      )}
      <Text size="sm">{isMoreInfo ? t('decision.moreInfoHelp') : t('decision.rejectedHelp')}</Text>
    </Alert>
  );
}
