import { Anchor, Button, NativeSelect, Stack, Text, Textarea } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useMutation } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { api } from '../../../../api/client.ts';
import { ErrorMessage } from '../../../../ui/ErrorMessage.tsx';
import { ErrorSummary } from '../../../../ui/ErrorSummary.tsx';
import { Loading } from '../../../../ui/Loading.tsx';
import { formatLocalDate, formatTimeIn } from '../../../../ui/local-time.ts';
import { PageTitle } from '../../../../ui/PageTitle.tsx';
import { useFormFeedback } from '../../../../ui/use-form-feedback.ts';
import { useTranslator } from '../../../../ui/use-translator.ts';
import { useZoneLabel } from '../../../../ui/use-zone-label.ts';
import { adminUrl } from '../admin-queries.ts';
import type { BatchResult } from '../admin-types.ts';
import { isolate } from '../bidi.ts';
import { localDateOf } from '../calendars/preview-days.ts';
import { faultSentences } from '../faults.ts';
import { useFreeTimes } from './conflict-queries.ts';
import { stepPath } from './conflict-steps.ts';
import { MAX_REASON, moveChoices, moveFaults, type StrandedAppointment } from './stranded.ts';

const fields = ['date', 'slotId', 'reason'];

/**
 * Moving one stranded appointment: a day with free times of its service, a time of that day
 * (the consulate's local time), and the reason the person is told; then the answer.
 */
export function MoveStep(props: {
  consulateId: string;
  timeZone: string;
  line: StrandedAppointment;
  onDone: (result: BatchResult) => void;
}) {
  const { t } = useTranslation();
  const { tr, intl } = useTranslator();
  const zone = useZoneLabel(props.timeZone);
  const appointment = props.line.appointment;
  const free = useFreeTimes(props.consulateId, appointment?.serviceId, props.timeZone);
  const days = moveChoices(free.data, props.line.slotId);
  const form = useForm<Record<string, string>>({
    initialValues: { date: '', slotId: '', reason: '' },
    validate: (values) =>
      faultSentences(
        moveFaults({ date: values.date ?? '', slotId: values.slotId ?? '', reason: values.reason ?? '' }),
        tr,
      ),
  });
  const feedback = useFormFeedback(form, {
    id: 'move',
    fields,
    problemFields: { SLOT_FULL: 'slotId', SLOT_UNAVAILABLE: 'slotId', SAME_SLOT: 'slotId' },
  });
  const move = useMutation({
    mutationFn: (values: Record<string, string>) =>
      api<BatchResult>(adminUrl(props.consulateId, 'appointments/moves'), {
        method: 'POST',
        body: {
          moves: [{ appointmentId: props.line.appointmentId, slotId: Number(values.slotId) }],
          reason: (values.reason ?? '').trim(),
        },
      }),
    onSuccess: props.onDone,
    onError: feedback.onProblem,
  });
  const chosenDay = days.find((day) => day.date === form.values.date);
  const reference = appointment?.reference ?? '';
  const when = `${formatLocalDate(localDateOf(props.line.startsAt, props.timeZone), intl)} ${formatTimeIn(props.line.startsAt, props.timeZone, intl)}`;

  return (
    <Stack gap="md" maw={720}>
      <Anchor component={Link} to={stepPath('list')} size="sm" style={{ alignSelf: 'flex-start' }}>
        {t('staff.admin.conflicts.backToList')}
      </Anchor>
      <ErrorSummary {...feedback.summary} />
      <PageTitle documentTitle={t('staff.admin.conflicts.moveTitle', { reference: isolate(reference) })}>
        {t('staff.admin.conflicts.moveTitle', { reference: isolate(reference) })}
      </PageTitle>
      <Text>{t('staff.admin.conflicts.moveNow', { when })}</Text>
      <Text size="sm">{zone.note}</Text>
      {free.isPending && <Loading />}
      <ErrorMessage error={free.error} />
      {free.data && days.length === 0 && <Text>{t('staff.admin.conflicts.noFreeTime')}</Text>}
      {days.length > 0 && (
        <form
          noValidate
          onSubmit={form.onSubmit((values) => {
            feedback.onSubmit();
            move.mutate(values);
          }, feedback.onInvalid)}
        >
          <Stack gap="sm">
            <NativeSelect
              label={t('staff.admin.conflicts.moveDay')}
              data={[
                { value: '', label: t('staff.admin.conflicts.chooseDay') },
                ...days.map((day) => ({ value: day.date, label: formatLocalDate(day.date, intl) })),
              ]}
              required
              {...feedback.inputProps('date')}
              onChange={(event) => {
                form.setFieldValue('date', event.currentTarget.value);
                form.setFieldValue('slotId', '');
              }}
            />
            <NativeSelect
              label={t('staff.admin.conflicts.moveTime', { zone: zone.zoneTime })}
              data={[
                { value: '', label: t('staff.admin.conflicts.chooseTime') },
                ...(chosenDay?.times ?? []).map((time) => ({
                  value: String(time.slotId),
                  label: formatTimeIn(time.startsAt, props.timeZone, intl),
                })),
              ]}
              required
              {...feedback.inputProps('slotId')}
            />
            <Textarea
              label={t('staff.admin.conflicts.moveReasonLabel')}
              description={t('staff.admin.conflicts.reasonHelp', { max: MAX_REASON })}
              autosize
              minRows={2}
              required
              {...feedback.inputProps('reason')}
            />
            <Button type="submit" loading={move.isPending} style={{ alignSelf: 'flex-start' }}>
              {t('staff.admin.conflicts.confirmMove')}
            </Button>
          </Stack>
        </form>
      )}
    </Stack>
  );
}
