import { Alert, Button, Card, Stack, Text, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useMutation } from '@tanstack/react-query';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { api } from '../../../api/client.ts';
import { CodeField } from '../../../ui/CodeField.tsx';
import { ErrorMessage } from '../../../ui/ErrorMessage.tsx';
import { focusFirstInvalid } from '../../../ui/form-feedback.ts';
import { validateWith, withoutBlanks } from '../../../ui/form-validation.ts';
import { PageTitle } from '../../../ui/PageTitle.tsx';
import { PasswordField } from '../../../ui/PasswordField.tsx';
import { fieldErrorsOf } from '../../../ui/problem-message.ts';
import { useTranslator } from '../../../ui/use-translator.ts';
import { askResetSchema, resetSchema } from './account-forms.ts';

/** A forgotten password: a code goes to the e-mail address, then the code sets a new password. */
export function PasswordResetPage() {
  const { t } = useTranslation();
  const { tr } = useTranslator();
  const navigate = useNavigate();
  const [sentTo, setSentTo] = useState<string | null>(null);
  const askRef = useRef<HTMLFormElement>(null);
  const setRef = useRef<HTMLFormElement>(null);
  const askForm = useForm({ initialValues: { email: '' }, validate: validateWith(askResetSchema, tr) });
  const setForm = useForm({
    initialValues: { code: '', password: '' },
    validate: validateWith(resetSchema, tr, (values) => withoutBlanks({ ...values, email: sentTo ?? '' })),
  });
  const ask = useMutation({
    mutationFn: (values: Record<string, string>) =>
      api<unknown>('/api/v1/auth/password-reset', { method: 'POST', body: withoutBlanks(values) }),
    onSuccess: (_answer, values) => setSentTo(values.email?.trim() ?? ''),
  });
  const reset = useMutation({
    mutationFn: (values: Record<string, string>) =>
      api<void>('/api/v1/auth/password-reset/confirm', {
        method: 'POST',
        body: withoutBlanks({ ...values, email: sentTo ?? '' }),
      }),
    onSuccess: () => void navigate('/sign-in?reset=1', { replace: true }),
    onError: (error) => setForm.setErrors(fieldErrorsOf(error, ['code', 'password'], tr)),
  });

  return (
    <Stack gap="md" maw={480}>
      <PageTitle documentTitle={t('reset.title')}>{t('reset.title')}</PageTitle>
      {!sentTo ? (
        <>
          <Text>{t('reset.intro')}</Text>
          <Card withBorder padding="lg">
            <form
              ref={askRef}
              noValidate
              onSubmit={askForm.onSubmit(
                (values) => ask.mutate(values),
                () => setTimeout(() => focusFirstInvalid(askRef.current)),
              )}
            >
              <Stack gap="sm">
                <TextInput
                  label={t('fields.email.label')}
                  type="email"
                  autoComplete="email"
                  required
                  {...askForm.getInputProps('email')}
                />
                <ErrorMessage error={ask.error} />
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
              ref={setRef}
              noValidate
              onSubmit={setForm.onSubmit(
                (values) => reset.mutate(values),
                () => setTimeout(() => focusFirstInvalid(setRef.current)),
              )}
            >
              <Stack gap="sm">
                <CodeField {...setForm.getInputProps('code')} />
                <PasswordField
                  label={t('reset.newPassword')}
                  description={t('fields.password.help')}
                  autoComplete="new-password"
                  required
                  {...setForm.getInputProps('password')}
                />
                <ErrorMessage error={reset.error} />
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
