import { Alert, Blockquote, Text } from '@mantine/core';
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../../api/api-error.ts';
import { useTranslator } from '../../../ui/use-translator.ts';
import { isQueueStatus } from './queue-filters.ts';
import type { ReviewMode } from './review-rules.ts';
import { formatMoment } from './time-text.ts';
import { useDecisionReasons } from './verification-queries.ts';
import type { StaffRequest } from './verification-types.ts';

/**
 * A review or decision refused because the request changed meanwhile (another agent, the citizen
 * withdrawing): said plainly, with what it is now; the page has reloaded it. Takes the focus.
 */
export function ChangedNotice({ error }: { error: unknown }) {
  const { t } = useTranslation();
  const box = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (error) box.current?.focus();
  }, [error]);
  if (!error) return null;
  const status = isApiError(error) ? error.params.requestStatus : undefined;
  return (
    <Alert
      ref={box}
      tabIndex={-1}
      color="red"
      variant="light"
      title={t('staff.verification.changed.title')}
      data-testid="changed-notice"
    >
      {t('staff.verification.changed.body')}{' '}
      {isQueueStatus(status) &&
        t('staff.verification.changed.nowIs', { status: t(`staff.verification.status.${status}`) })}
    </Alert>
  );
}

/**
 * Whether the agent may act here: another agent has it open ("being reviewed by … since …", read
 * only), it is no longer waiting (the decision made, read only), or it is theirs.
 */
export function ReviewStateNotice(props: {
  request: StaffRequest;
  mode: ReviewMode;
  isHeldByYou: boolean;
  timeZone: string;
}) {
  const { request, mode, timeZone } = props;
  const { t } = useTranslation();
  const { intl } = useTranslator();
  const hasDecision = mode.kind === 'closed' && Boolean(request.decision?.reasonCode);
  const reasons = useDecisionReasons(hasDecision);
  if (mode.kind === 'locked') {
    return (
      <Alert color="orange" variant="light" title={t('staff.verification.lock.title')} data-testid="lock-notice">
        {t('staff.verification.lock.heldBy', {
          name: mode.reviewer.name,
          since: formatMoment(mode.reviewer.since, timeZone, intl),
        })}{' '}
        {t('staff.verification.lock.readOnly')}
      </Alert>
    );
  }
  if (mode.kind === 'closed') {
    const reason = reasons.data?.find((r) => r.code === request.decision?.reasonCode)?.label;
    return (
      <Alert color="gray" variant="light" title={t('staff.verification.closed.title')} data-testid="closed-notice">
        <Text>{t('staff.verification.closed.body', { status: t(`staff.verification.status.${mode.status}`) })}</Text>
        {reason && <Text mt="xs">{t('staff.verification.closed.reason', { reason })}</Text>}
        {request.decision?.note && (
          <Blockquote p="xs" mt="xs" dir="auto">
            {request.decision.note}
          </Blockquote>
        )}
      </Alert>
    );
  }
  return props.isHeldByYou ? (
    <Text size="sm" data-testid="lock-yours">
      {t('staff.verification.lock.yours')}
    </Text>
  ) : null;
}
