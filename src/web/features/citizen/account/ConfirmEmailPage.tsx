import { Alert, Button, Card, Group, Stack, Text } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Navigate, useNavigate, useSearchParams } from 'react-router';
import { api } from '../../../api/client.ts';
import { setSignedIn, useMe } from '../../../api/queries.ts';
import type { Me } from '../../../api/types.ts';
import { CodeField } from '../../../ui/CodeField.tsx';
import { ErrorMessage } from '../../../ui/ErrorMessage.tsx';
import { ErrorSummary } from '../../../ui/ErrorSummary.tsx';
import { validateWith, withoutBlanks } from '../../../ui/form-validation.ts';
import { Loading } from '../../../ui/Loading.tsx';
import { PageTitle } from '../../../ui/PageTitle.tsx';
import { safeNext } from '../../../ui/safe-next.ts';
import { useFormFeedback } from '../../../ui/use-form-feedback.ts';
import { useTranslator } from '../../../ui/use-translator.ts';
import { confirmEmailSchema } from './account-forms.ts';

const fields = ['code'];
const problemFields = { CODE_INVALID: 'code' };

/** The 6-digit code e-mailed at sign-up (or again on request) confirms the address. */
export function ConfirmEmailPage() {
  const { t } = useTranslation();
  const { tr } = useTranslator();
  const me = useMe();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const [params] = useSearchParams();
  const next = safeNext(params.get('next'));
  const form = useForm({ initialValues: { code: '' }, validate: validateWith(confirmEmailSchema, tr) });
  const feedback = useFormFeedback(form, { id: 'confirm-email', fields, problemFields });
  const confirm = useMutation({
    mutationFn: (values: Record<string, string>) =>
      api<Me>('/api/v1/auth/email/confirm', { method: 'POST', body: withoutBlanks(values) }),
    onSuccess: (account) => {
      setSignedIn(queryClient, account);
      void navigate(next, { replace: true });
    },
    onError: feedback.onProblem,
  });
  const resend = useMutation({ mutationFn: () => api<void>('/api/v1/auth/email/resend', { method: 'POST' }) });

  if (me.isPending) return <Loading />;
  if (!me.data) return <Navigate to={`/sign-in?next=${encodeURIComponent(`/confirm-email?next=${next}`)}`} replace />;
  if (me.data.emailConfirmed && !confirm.isPending) return <Navigate to={next} replace />;

  return (
    <Stack gap="md" maw={480}>
      <ErrorSummary {...feedback.summary} />
      <PageTitle documentTitle={t('confirm.title')}>{t('confirm.title')}</PageTitle>
      <Text>
        {t('confirm.intro')} <bdi className="break-anywhere">{me.data.email}</bdi>
      </Text>
      <Card withBorder padding="lg">
        <form
          noValidate
          onSubmit={form.onSubmit((values) => {
            feedback.onSubmit();
            confirm.mutate(values);
          }, feedback.onInvalid)}
        >
          <Stack gap="sm">
            <CodeField {...feedback.inputProps('code')} />
            <Button type="submit" loading={confirm.isPending}>
              {t('confirm.submit')}
            </Button>
          </Stack>
        </form>
      </Card>
      <Group gap="sm">
        <Text>{t('confirm.noCode')}</Text>
        <Button variant="subtle" onClick={() => resend.mutate()} loading={resend.isPending}>
          {t('confirm.resend')}
        </Button>
      </Group>
      <div aria-live="polite">
        {resend.isSuccess && (
          <Alert color="green" role="status">
            {t('confirm.resent', { email: me.data.email })}
          </Alert>
        )}
      </div>
      <ErrorMessage error={resend.error} />
    </Stack>
  );
}
