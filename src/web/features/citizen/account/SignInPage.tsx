import { Alert, Anchor, Button, Card, Stack, Text, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { api } from '../../../api/client.ts';
import { setSignedIn } from '../../../api/queries.ts';
import type { Me } from '../../../api/types.ts';
import { ErrorSummary } from '../../../ui/ErrorSummary.tsx';
import { validateWith, withoutBlanks } from '../../../ui/form-validation.ts';
import { PageTitle } from '../../../ui/PageTitle.tsx';
import { PasswordField } from '../../../ui/PasswordField.tsx';
import { safeNext } from '../../../ui/safe-next.ts';
import { useFormFeedback } from '../../../ui/use-form-feedback.ts';
import { useTranslator } from '../../../ui/use-translator.ts';
import { signInSchema } from './account-forms.ts';

const fields = ['email', 'password'];
// A wrong e-mail or password is said once, about both (GOV.UK), on the field to type again.
const problemFields = { INVALID_CREDENTIALS: 'password', ACCOUNT_LOCKED: 'password' };

/** Sign in, then back to where the person was going (or their requests). */
export function SignInPage() {
  const { t } = useTranslation();
  const { tr } = useTranslator();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const [params] = useSearchParams();
  const next = safeNext(params.get('next'));
  const form = useForm({
    initialValues: { email: '', password: '' },
    validate: validateWith(signInSchema, tr),
  });
  const feedback = useFormFeedback(form, { id: 'sign-in', fields, problemFields });
  const signIn = useMutation({
    mutationFn: (values: Record<string, string>) =>
      api<Me | { secondFactor: string }>('/api/v1/auth/sign-in', { method: 'POST', body: withoutBlanks(values) }),
    onSuccess: (answer) => {
      // Staff owe a second factor: their sign-in goes on in the staff app, where they work.
      if ('secondFactor' in answer) {
        window.location.assign('/staff/sign-in');
        return;
      }
      const me = answer;
      setSignedIn(queryClient, me);
      void navigate(me.emailConfirmed ? next : `/confirm-email?next=${encodeURIComponent(next)}`, { replace: true });
    },
    onError: feedback.onProblem,
  });

  return (
    <Stack gap="md" maw={480}>
      <ErrorSummary {...feedback.summary} />
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
          noValidate
          onSubmit={form.onSubmit((values) => {
            feedback.onSubmit();
            signIn.mutate(values);
          }, feedback.onInvalid)}
        >
          <Stack gap="sm">
            <TextInput
              label={t('fields.email.label')}
              type="email"
              autoComplete="username"
              required
              {...feedback.inputProps('email')}
            />
            <PasswordField
              label={t('fields.password.label')}
              autoComplete="current-password"
              required
              {...feedback.inputProps('password')}
            />
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
