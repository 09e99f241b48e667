import { Alert, Anchor, Button, Card, Stack, Text, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { api } from '../../../api/client.ts';
import { meKey } from '../../../api/queries.ts';
import type { Me } from '../../../api/types.ts';
import { ErrorMessage } from '../../../ui/ErrorMessage.tsx';
import { focusFirstInvalid } from '../../../ui/form-feedback.ts';
import { validateWith, withoutBlanks } from '../../../ui/form-validation.ts';
import { PageTitle } from '../../../ui/PageTitle.tsx';
import { PasswordField } from '../../../ui/PasswordField.tsx';
import { safeNext } from '../../../ui/safe-next.ts';
import { useTranslator } from '../../../ui/use-translator.ts';
import { signInSchema } from './account-forms.ts';

/** Sign in, then back to where the person was going (or their requests). */
export function SignInPage() {
  const { t } = useTranslation();
  const { tr } = useTranslator();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const [params] = useSearchParams();
  const next = safeNext(params.get('next'));
  const formRef = useRef<HTMLFormElement>(null);
  const form = useForm({
    initialValues: { email: '', password: '' },
    validate: validateWith(signInSchema, tr),
  });
  const signIn = useMutation({
    mutationFn: (values: Record<string, string>) =>
      api<Me>('/api/v1/auth/sign-in', { method: 'POST', body: withoutBlanks(values) }),
    onSuccess: (me) => {
      queryClient.setQueryData(meKey, me);
      void navigate(me.emailConfirmed ? next : `/confirm-email?next=${encodeURIComponent(next)}`, { replace: true });
    },
  });

  return (
    <Stack gap="md" maw={480}>
      <PageTitle documentTitle={t('signIn.title')}>{t('signIn.title')}</PageTitle>
      {params.get('expired') && (
        <Alert color="orange" role="status">
          {t('signIn.expired')}
        </Alert>
      )}
      {params.get('reset') && (
        <Alert color="green" role="status">
          {t('signIn.passwordChanged')}
        </Alert>
      )}
      <Card withBorder padding="lg">
        <form
          ref={formRef}
          noValidate
          onSubmit={form.onSubmit(
            (values) => signIn.mutate(values),
            () => setTimeout(() => focusFirstInvalid(formRef.current)),
          )}
        >
          <Stack gap="sm">
            <TextInput
              label={t('fields.email.label')}
              type="email"
              autoComplete="username"
              required
              {...form.getInputProps('email')}
            />
            <PasswordField
              label={t('fields.password.label')}
              autoComplete="current-password"
              required
              {...form.getInputProps('password')}
            />
            <ErrorMessage error={signIn.error} />
            <Button type="submit" loading={signIn.isPending}>
              {t('signIn.submit')}
            </Button>
          </Stack>
        </form>
      </Card>
      <Anchor component={Link} to="/password-reset">
        {t('signIn.forgot')}
      </Anchor>
      <Text>
        {t('signIn.noAccount')}{' '}
        <Anchor component={Link} to={`/sign-up?next=${encodeURIComponent(next)}`}>
          {t('signIn.signUp')}
        </Anchor>
      </Text>
    </Stack>
  );
}
