import { Button, NativeSelect, Radio, Stack, Text, Textarea, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useMutation } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../../api/api-error.ts';
import { api } from '../../../api/client.ts';
import { ErrorSummary } from '../../../ui/ErrorSummary.tsx';
import { useFormFeedback } from '../../../ui/use-form-feedback.ts';
import { useTranslator } from '../../../ui/use-translator.ts';
import { faultMessages } from './fault-messages.ts';
import {
  acceptedTally,
  DECISION_NOTE_MAX,
  type DecisionValues,
  decisionBody,
  decisionFaults,
  isEveryDocumentAccepted,
} from './review-rules.ts';
import { useDecisionReasons } from './verification-queries.ts';
import type { RequestDecision, StaffRequest } from './verification-types.ts';

export const DECISION_ID = 'decision';
const choices: RequestDecision[] = ['accepted', 'more_info_requested', 'rejected'];

/**
 * The decision on a request, once its documents are looked at: accepted (only when every document
 * is), more information needed or rejected (each with a reason template and the agent's note). It
 * names the version the page shows: a request changed meanwhile is refused (REQUEST_CHANGED), and
 * the page reloads it and says so (`onChanged`).
 */
export function DecisionForm(props: {
  request: StaffRequest;
  onDecided(decision: RequestDecision): void;
  onChanged(error: unknown): void;
}) {
  const { request } = props;
  const { t } = useTranslation();
  const { tr } = useTranslator();
  const form = useForm<Record<string, string>>({
    initialValues: { decision: '', reasonCode: '', note: '' },
    validate: (values) => faultMessages(decisionFaults(valuesOf(values), request.checklist), tr),
  });
  const feedback = useFormFeedback(form, {
    id: DECISION_ID,
    fields: ['decision', 'reasonCode', 'note'],
    problemFields: { DOCUMENTS_NOT_REVIEWED: 'decision', REASON_REQUIRED: 'reasonCode' },
  });
  const needsReason = form.values.decision === 'more_info_requested' || form.values.decision === 'rejected';
  const reasons = useDecisionReasons(needsReason);
  const canAccept = isEveryDocumentAccepted(request.checklist);
  const tally = acceptedTally(request.checklist);
  const firstOffered = canAccept ? 'accepted' : 'more_info_requested';

  const decide = useMutation({
    mutationFn: (values: DecisionValues) =>
      api<StaffRequest>(`/api/v1/staff/requests/${request.id}/decision`, {
        method: 'POST',
        body: decisionBody(values, request.version),
      }),
    onSuccess: (_answer, values) => props.onDecided(values.decision as RequestDecision),
    onError: (error) => {
      if (isApiError(error) && error.code === 'REQUEST_CHANGED') props.onChanged(error);
      else feedback.onProblem(error);
    },
  });

  return (
    <section aria-labelledby="decision-title" data-testid="decision-section">
      <Title order={2} size="h3" id="decision-title" mb="sm">
        {t('staff.verification.decision.title')}
      </Title>
      <ErrorSummary {...feedback.summary} />
      <form
        noValidate
        onSubmit={form.onSubmit((values) => {
          feedback.onSubmit();
          decide.mutate(valuesOf(values));
        }, feedback.onInvalid)}
      >
        <Stack gap="md" maw={640}>
          <Radio.Group
            label={t('staff.verification.decision.question')}
            value={form.values.decision}
            onChange={(value) => form.setFieldValue('decision', value)}
            error={form.errors.decision}
          >
            <Stack gap="sm" mt="xs">
              {choices.map((choice) => (
                <Radio
                  key={choice}
                  // The error summary's link goes to the first choice offered.
                  id={choice === firstOffered ? feedback.idOf('decision') : `${feedback.idOf('decision')}-${choice}`}
                  value={choice}
                  disabled={choice === 'accepted' && !canAccept}
                  label={t(`staff.verification.decision.${choice}`)}
                  description={
                    choice === 'accepted' && !canAccept
                      ? t('staff.verification.decision.acceptLater', tally)
                      : t(`staff.verification.decision.${choice}Help`)
                  }
                  data-testid={`decision-${choice}`}
                />
              ))}
            </Stack>
          </Radio.Group>
          {needsReason && (
            <NativeSelect
              label={t('staff.verification.decision.reason')}
              required
              data={[
                { value: '', label: t('staff.verification.decision.chooseReason') },
                ...(reasons.data ?? []).map((reason) => ({ value: reason.code, label: reason.label })),
              ]}
              {...feedback.inputProps('reasonCode')}
            />
          )}
          {form.values.decision !== '' && (
            <Textarea
              label={t('staff.verification.decision.note')}
              description={t('staff.verification.decision.noteHelp', { max: DECISION_NOTE_MAX })}
              autosize
              minRows={3}
              maxRows={10}
              required={needsReason && form.values.reasonCode === 'other'}
              {...feedback.inputProps('note')}
            />
          )}
          <Text size="sm">{t('staff.verification.decision.afterwards')}</Text>
          <Button type="submit" loading={decide.isPending} style={{ alignSelf: 'flex-start' }}>
            {t('staff.verification.decision.submit')}
          </Button>
        </Stack>
      </form>
    </section>
  );
}

const valuesOf = (values: Record<string, string>): DecisionValues => ({
  decision: values.decision ?? '',
  reasonCode: values.reasonCode ?? '',
  note: values.note ?? '',
});

/** Moves the focus to the decision: the choice made, else the first one offered. */
export function focusDecision(): void {
  const section = document.querySelector<HTMLElement>('[data-testid="decision-section"]');
  if (!section) return;
  const radios = [...section.querySelectorAll<HTMLInputElement>('input[type="radio"]')];
  const target = radios.find((radio) => radio.checked) ?? radios.find((radio) => !radio.disabled);
  section.scrollIntoView({ block: 'start' });
  target?.focus({ preventScroll: true });
}
