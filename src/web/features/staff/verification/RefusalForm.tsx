import { Button, Group, NativeSelect, Stack, Textarea, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorSummary } from '../../../ui/ErrorSummary.tsx';
import { useFormFeedback } from '../../../ui/use-form-feedback.ts';
import { useTranslator } from '../../../ui/use-translator.ts';
import { faultMessages } from './fault-messages.ts';
import { REFUSAL_NOTE_MAX, type RefusalValues, refusalFaults } from './review-rules.ts';
import { useRefusalReasons } from './verification-queries.ts';

/**
 * Refusing one document: a reason template (what the citizen reads, in their language) and, if
 * needed, the agent's own words — required with "other". The reason takes the focus on opening.
 */
export function RefusalForm(props: {
  documentId: string;
  label: string;
  isBusy: boolean;
  onRefuse(values: RefusalValues): Promise<unknown>;
  onCancel(): void;
}) {
  const { t } = useTranslation();
  const { tr } = useTranslator();
  const reasons = useRefusalReasons(true);
  const form = useForm<Record<string, string>>({
    initialValues: { reasonCode: '', note: '' },
    validate: (values) =>
      faultMessages(refusalFaults({ reasonCode: values.reasonCode ?? '', note: values.note ?? '' }), tr),
  });
  const feedback = useFormFeedback(form, {
    id: `refusal-${props.documentId}`,
    fields: ['reasonCode', 'note'],
    problemFields: { REASON_REQUIRED: 'reasonCode' },
  });
  const reasonId = feedback.idOf('reasonCode');
  useEffect(() => {
    document.getElementById(reasonId)?.focus();
  }, [reasonId]);

  return (
    <Stack gap="sm" p="md" style={{ border: '2px solid var(--mantine-color-red-3)', borderRadius: 4 }}>
      <Title order={3} size="h4">
        {t('staff.verification.refusal.title', { document: props.label })}
      </Title>
      <ErrorSummary {...feedback.summary} />
      <form
        noValidate
        onSubmit={form.onSubmit((values) => {
          feedback.onSubmit();
          props.onRefuse({ reasonCode: values.reasonCode ?? '', note: values.note ?? '' }).catch(feedback.onProblem);
        }, feedback.onInvalid)}
      >
        <Stack gap="sm">
          <NativeSelect
            label={t('staff.verification.refusal.reason')}
            required
            data={[
              { value: '', label: t('staff.verification.refusal.chooseReason') },
              ...(reasons.data ?? []).map((reason) => ({ value: reason.code, label: reason.label })),
            ]}
            {...feedback.inputProps('reasonCode')}
          />
          <Textarea
            label={t('staff.verification.refusal.note')}
            description={t('staff.verification.refusal.noteHelp', { max: REFUSAL_NOTE_MAX })}
            autosize
            minRows={2}
            maxRows={6}
            required={form.values.reasonCode === 'other'}
            {...feedback.inputProps('note')}
          />
          <Group gap="sm">
            <Button type="submit" color="red.9" loading={props.isBusy}>
              {t('staff.verification.refusal.submit')}
            </Button>
            <Button variant="default" onClick={props.onCancel}>
              {t('staff.verification.refusal.cancel')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Stack>
  );
}
