import { Alert, Anchor, Button, Group, List, Stack, Text, Textarea } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { api } from '../../../../api/client.ts';
import { ErrorSummary } from '../../../../ui/ErrorSummary.tsx';
import { problemFeedback, summaryItems } from '../../../../ui/form-feedback.ts';
import { formatLocalDate, formatTimeIn } from '../../../../ui/local-time.ts';
import { PageTitle } from '../../../../ui/PageTitle.tsx';
import { SummaryList } from '../../../../ui/SummaryList.tsx';
import { useFormFeedback } from '../../../../ui/use-form-feedback.ts';
import { useTranslator } from '../../../../ui/use-translator.ts';
import { adminUrl } from '../admin-queries.ts';
import type { BatchResult } from '../admin-types.ts';
import { localDateOf } from '../calendars/preview-days.ts';
import { faultSentences } from '../faults.ts';
import { stepPath } from './conflict-steps.ts';
import { MAX_REASON, peopleToTell, reasonFaults, type StrandedAppointment } from './stranded.ts';

/** Step 1 of cancelling: why (the people read it in their message). One question. */
export function CancelReasonStep(props: { count: number; reason: string; onContinue: (reason: string) => void }) {
  const { t } = useTranslation();
  const { tr } = useTranslator();
  const form = useForm<Record<string, string>>({
    initialValues: { reason: props.reason },
    validate: (values) => faultSentences(reasonFaults({ reason: values.reason ?? '' }), tr),
  });
  const feedback = useFormFeedback(form, { id: 'cancel', fields: ['reason'] });
  return (
    <Stack gap="md" maw={720}>
      <Anchor component={Link} to={stepPath('list')} size="sm" style={{ alignSelf: 'flex-start' }}>
        {t('staff.admin.conflicts.backToList')}
      </Anchor>
      <ErrorSummary {...feedback.summary} />
      <PageTitle documentTitle={t('staff.admin.conflicts.reasonTitle')}>
        {t('staff.admin.conflicts.reasonTitle')}
      </PageTitle>
      <Text>{t('staff.admin.conflicts.selectedCount', { number: props.count })}</Text>
      <form
        noValidate
        onSubmit={form.onSubmit((values) => {
          feedback.onSubmit();
          props.onContinue((values.reason ?? '').trim());
        }, feedback.onInvalid)}
      >
        <Stack gap="sm">
          <Textarea
            label={t('staff.admin.conflicts.reasonLabel')}
            description={t('staff.admin.conflicts.reasonHelp', { max: MAX_REASON })}
            autosize
            minRows={3}
            maxLength={MAX_REASON + 50}
            required
            {...feedback.inputProps('reason')}
          />
          <Button type="submit" style={{ alignSelf: 'flex-start' }}>
            {t('staff.admin.conflicts.continue')}
          </Button>
        </Stack>
      </form>
    </Stack>
  );
}

/**
 * Step 2: check your answers before the bulk cancellation — which appointments, the reason, and
 * how many people will be told — each with a link to change it; then cancel them.
 */
export function CancelCheckStep(props: {
  consulateId: string;
  timeZone: string;
  lines: StrandedAppointment[];
  reason: string;
  onDone: (result: BatchResult) => void;
}) {
  const { t } = useTranslation();
  const { tr, intl } = useTranslator();
  const [attempt, setAttempt] = useState(0);
  const cancel = useMutation({
    mutationFn: () =>
      api<BatchResult>(adminUrl(props.consulateId, 'appointments/cancellations'), {
        method: 'POST',
        body: { appointmentIds: props.lines.map((line) => line.appointmentId), reason: props.reason },
      }),
    onSuccess: props.onDone,
    onError: () => setAttempt((n) => n + 1),
  });
  const problem = cancel.error ? problemFeedback(cancel.error, [], {}, tr) : null;
  const people = peopleToTell(props.lines);
  const when = (line: StrandedAppointment) =>
    `${formatLocalDate(localDateOf(line.startsAt, props.timeZone), intl, 'medium')} ${formatTimeIn(line.startsAt, props.timeZone, intl)}`;

  return (
    <Stack gap="md" maw={720}>
      <ErrorSummary
        items={problem ? summaryItems(problem.fieldErrors, [], problem.general) : []}
        idOf={(field) => field}
        attempt={attempt}
      />
      <PageTitle documentTitle={t('staff.admin.conflicts.checkTitle')}>
        {t('staff.admin.conflicts.checkTitle')}
      </PageTitle>
      <SummaryList
        rows={[
          {
            key: t('staff.admin.conflicts.checkAppointments', { number: props.lines.length }),
            value: (
              <List spacing={2} size="sm">
                {props.lines.map((line) => (
                  <List.Item key={line.appointmentId}>
                    <bdi>{line.appointment?.reference ?? ''}</bdi> — <bdi>{when(line)}</bdi>
                  </List.Item>
                ))}
              </List>
            ),
            change: { to: stepPath('list'), what: t('staff.admin.conflicts.checkAppointmentsWhat') },
            testId: 'check-appointments',
          },
          {
            key: t('staff.admin.conflicts.checkReason'),
            value: <bdi>{props.reason}</bdi>,
            change: { to: stepPath('reason'), what: t('staff.admin.conflicts.checkReason') },
            testId: 'check-reason',
          },
          {
            key: t('staff.admin.conflicts.checkPeople'),
            value: t('staff.admin.conflicts.checkPeopleValue', { number: people }),
            testId: 'check-people',
          },
        ]}
      />
      <Alert color="orange" variant="light">
        {t('staff.admin.conflicts.checkWarning')}
      </Alert>
      <Group gap="sm">
        <Button color="red" onClick={() => cancel.mutate()} loading={cancel.isPending}>
          {t('staff.admin.conflicts.confirmCancel', { number: props.lines.length })}
        </Button>
        <Anchor component={Link} to={stepPath('list')}>
          {t('staff.admin.conflicts.notNow')}
        </Anchor>
      </Group>
    </Stack>
  );
}
