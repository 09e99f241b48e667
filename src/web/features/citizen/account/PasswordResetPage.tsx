import { Alert, Button, Card, Stack, Text, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { api } from '../../../api/client.ts';
import { CodeField } from '../../../ui/CodeField.tsx';
import { ErrorSummary } from '../../../ui/ErrorSummary.tsx';
import { validateWith, withoutBlanks } from '../../../ui/form-validation.ts';
import { PageTitle } from '../../../ui/PageTitle.tsx';
import { PasswordField } from '../../../ui/PasswordField.tsx';
import { useFormFeedback } from '../../../ui/use-form-feedback.ts';
import { useTranslator } from '../../../ui/use-translator.ts';
import { askResetSchema, resetSchema } from './account-forms.ts';

const askFields = ['email'];
const setFields = ['code', 'password'];
const setProblemFields = { CODE_INVALID: 'code' };

/** A forgotten password: a code goes to the e-mail address, then the code sets a new password. */
export function PasswordResetPage() {
  const { t } = useTranslation();
  const { tr } = useTranslator();
  const navigate = useNavigate();
  const [sentTo, setSentTo] = useState<string | null>(null);
  const askForm = useForm({ initialValues: { email: '' }, validate: validateWith(askResetSchema, tr) });
  const setForm = useForm({
    initialValues: { code: '', password: '' },
    validate: validateWith(resetSchema, tr, (values) => withoutBlanks({ ...values, email: sentTo ?? '' })),
  });
  const askFeedback = useFormFeedback(askForm, { id: 'reset-ask', fields: askFields });
  const setFeedback = useFormFeedback(setForm, {
    id: 'reset-set',
    fields: setFields,
    problemFields: setProblemFields,
  });
  const ask = useMutation({
    mutationFn: (values: Record<string, string>) =>
      api<unknown>('/api/v1/auth/password-reset', { method: 'POST', body: withoutBlanks(values) }),
    onSuccess: (_answer, values) => setSentTo(values.email?.trim() ?? ''),
    onError: askFeedback.onProblem,
  });
  const reset = useMutation({
    mutationFn: (values: Record<string, string>) =>
      api<void>('/api/v1/auth/password-reset/confirm', {
        method: 'POST',
        body: withoutBlanks({ ...values, email: sentTo ?? '' }),
      }),
    onSuccess: () => void navigate('/sign-in?reset=1', { replace: true }),
    onError: setFeedback.onProblem,
  });

  return (
    <Stack gap="md" maw={480}>
      {!sentTo ? <ErrorSummary {...askFeedback.summary} /> : <ErrorSummary {...setFeedback.summary} />}
      <PageTitle documentTitle={t('reset.title')}>{t('reset.title')}</PageTitle>
      {!sentTo ? (
        <>
          <Text>{t('reset.intro')}</Text>
          <Card withBorder padding="lg">
            <form
              noValidate
              onSubmit={askForm.onSubmit((values) => {
                askFeedback.onSubmit();
                ask.mutate(values);
              }, askFeedback.onInvalid)}
            >
              <Stack gap="sm">
                <TextInput
                  label={t('fields.email.label')}
                  type="email"
                  autoComplete="email"
                  required
                  {...askFeedback.inputProps('email')}
                />
                <Button type="submit" loading={ask.isPending}>
                  {t('reset.send')}
                </Button>
              </Stack>
            </form>
          </Card>
        </>
      ) : (
        <>
          <Alert color="green" role="status">
            {t('reset.sent', { email: sentTo })}
          </Alert>
          <Card withBorder padding="lg">
            <form
              noValidate
              onSubmit={setForm.onSubmit((values) => {
                setFeedback.onSubmit();
                reset.mutate(values);
              }, setFeedback.onInvalid)}
            >
              <Stack gap="sm">
                <CodeField {...setFeedback.inputProps('code')} />
                <PasswordField
                  label={t('reset.newPassword')}
                  description={t('fields.password.help')}
                  autoComplete="new-password"
                  required
                  {...setFeedback.inputProps('password')}
                />
                <Button type="submit" loading={reset.isPending}>
                  {t('reset.submit')}
                </Button>
              </Stack>
            </form>
          </Card>
        </>
      )}
    </Stack>
  );
}
