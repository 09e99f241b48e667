import { Alert, List, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { formatLocalDate, formatTimeIn } from '../../../../ui/local-time.ts';
import { problemMessage } from '../../../../ui/problem-message.ts';
import { useTranslator } from '../../../../ui/use-translator.ts';
import type { BatchResult } from '../admin-types.ts';
import { type Outcome, outcomesOf } from './outcomes.ts';

export type BatchKind = 'cancel' | 'move';

/**
 * The answer to a batch, item by item: those refused first, each with the reason in words (it
 * changed nothing), then those done, each as it now stands.
 */
export function OutcomeList(props: {
  kind: BatchKind;
  result: BatchResult;
  references: ReadonlyMap<string, string>;
  timeZone: string;
}) {
  const { t } = useTranslation();
  const { tr, intl } = useTranslator();
  const { refused, done } = outcomesOf(props.result, props.references);
  const reference = (outcome: Outcome) => outcome.reference ?? t('staff.admin.conflicts.unknownReference');
  const doneText = (outcome: Outcome) => {
    if (props.kind === 'cancel' || !outcome.appointment) return t('staff.admin.conflicts.outcome.cancelled');
    return t('staff.admin.conflicts.outcome.moved', {
      date: formatLocalDate(outcome.appointment.localDate, intl),
      time: formatTimeIn(outcome.appointment.startsAt, props.timeZone, intl),
    });
  };

  return (
    <Stack gap="md" data-testid="outcomes">
      <Alert color={refused.length > 0 ? 'orange' : 'green'} variant="light" role="status">
        <Text>{t('staff.admin.conflicts.outcome.doneCount', { number: props.result.done })}</Text>
        <Text>{t('staff.admin.conflicts.outcome.refusedCount', { number: props.result.refused })}</Text>
      </Alert>
      {refused.length > 0 && (
        <section aria-labelledby="outcome-refused-title">
          <Title order={2} size="h3" id="outcome-refused-title" mb="xs">
            {t('staff.admin.conflicts.outcome.refusedTitle')}
          </Title>
          <List spacing="xs">
            {refused.map((outcome) => (
              <List.Item key={outcome.appointmentId} data-testid="outcome-refused">
                <bdi>{reference(outcome)}</bdi> — {problemMessage(outcome.problem, tr)}
              </List.Item>
            ))}
          </List>
        </section>
      )}
      {done.length > 0 && (
        <section aria-labelledby="outcome-done-title">
          <Title order={2} size="h3" id="outcome-done-title" mb="xs">
            {t('staff.admin.conflicts.outcome.doneTitle')}
          </Title>
          <List spacing="xs">
            {done.map((outcome) => (
              <List.Item key={outcome.appointmentId} data-testid="outcome-done">
                <bdi>{reference(outcome)}</bdi> — {doneText(outcome)}
              </List.Item>
            ))}
          </List>
        </section>
      )}
    </Stack>
  );
}
