import { Alert } from '@mantine/core';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useLocation, useNavigate } from 'react-router';
import type { RequestDecision } from './verification-types.ts';

/** What the page that decided tells the page it opens next (navigation state). */
export interface DecidedState {
  reference: string;
  decision: RequestDecision;
}

/**
 * The decision just recorded, read once from the navigation (a reload does not say it again). The
 * notice takes the focus: after deciding, a keyboard or screen-reader user starts from it, on the
 * next request or on the queue when none is left.
 */
export function useDecided(): DecidedState | undefined {
  const location = useLocation();
  const navigate = useNavigate();
  const [decided] = useState(() => (location.state as { decided?: DecidedState } | null)?.decided);
  // biome-ignore lint/correctness/useExhaustiveDependencies: once, when the page opens
  useEffect(() => {
    if (!decided) return;
    void navigate(`${location.pathname}${location.search}`, { replace: true, state: null });
  }, []);
  return decided;
}

export function DecidedNotice({ decided, isQueueEmpty }: { decided: DecidedState; isQueueEmpty: boolean }) {
  const { t } = useTranslation();
  const box = useRef<HTMLDivElement>(null);
  // After the shell's own move of the focus to the new screen.
  useEffect(() => {
    const timer = setTimeout(() => box.current?.focus());
    return () => clearTimeout(timer);
  }, []);
  return (
    <Alert ref={box} tabIndex={-1} color="green" variant="light" data-testid="decided-notice">
      {t(`staff.verification.decided.${decided.decision}`, { reference: decided.reference })}{' '}
      {isQueueEmpty ? t('staff.verification.decided.queueEmpty') : t('staff.verification.decided.nextOpen')}
    </Alert>
  );
}
