import { Anchor, Button, Card, SimpleGrid, Stack, Text, TextInput, Title } from '@mantine/core';
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
import { signUpSchema } from './account-forms.ts';

const fields = [
  'email',
  'password',
  'givenNameLatin',
  'familyNameLatin',
  'givenNameArabic',
  'familyNameArabic',
  'phone',
];
const problemFields = { EMAIL_TAKEN: 'email' };

/** Create a citizen account; the confirmation code goes to the e-mail address. */
export function SignUpPage() {
  const { t } = useTranslation();
  const { tr, locale } = useTranslator();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const [params] = useSearchParams();
  const next = safeNext(params.get('next'));
  const form = useForm({
    initialValues: Object.fromEntries(fields.map((name) => [name, ''])),
    validate: validateWith(signUpSchema, tr),
  });
  const feedback = useFormFeedback(form, { id: 'sign-up', fields, problemFields });
  const register = useMutation({
    mutationFn: (values: Record<string, string>) =>
      api<Me>('/api/v1/auth/register', { method: 'POST', body: { ...withoutBlanks(values), locale } }),
    onSuccess: (me) => {
      setSignedIn(queryClient, me);
      void navigate(`/confirm-email?next=${encodeURIComponent(next)}`);
    },
    onError: feedback.onProblem,
  });

  return (
    <Stack gap="md" maw={560}>
      <ErrorSummary {...feedback.summary} />
      <PageTitle documentTitle={t('signUp.title')}>{t('signUp.title')}</PageTitle>
      <Text>{t('signUp.intro')}</Text>
      <Card withBorder padding="lg">
        <form
          noValidate
          onSubmit={form.onSubmit((values) => {
            feedback.onSubmit();
            register.mutate(values);
          }, feedback.onInvalid)}
        >
          <Stack gap="sm">
            <TextInput
              label={t('fields.email.label')}
              type="email"
              autoComplete="email"
              required
              {...feedback.inputProps('email')}
            />
            <PasswordField
              label={t('fields.password.label')}
              description={t('fields.password.help')}
              autoComplete="new-password"
              required
              {...feedback.inputProps('password')}
            />
            <Title order={2} size="h5" mt="sm">
              {t('signUp.latinNames')}
            </Title>
            <SimpleGrid cols={{ base: 1, sm: 2 }}>
              <TextInput
                label={t('fields.givenNameLatin.label')}
                autoComplete="given-name"
                required
                {...feedback.inputProps('givenNameLatin')}
              />
              <TextInput
                label={t('fields.familyNameLatin.label')}
                autoComplete="family-name"
                required
                {...feedback.inputProps('familyNameLatin')}
              />
            </SimpleGrid>
            <Title order={2} size="h5" mt="sm">
              {t('signUp.arabicNames')}
            </Title>
            <SimpleGrid cols={{ base: 1, sm: 2 }}>
              <TextInput
                label={t('fields.givenNameArabic.label')}
                dir="rtl"
                lang="ar"
                {...feedback.inputProps('givenNameArabic')}
              />
              <TextInput
                label={t('fields.familyNameArabic.label')}
                dir="rtl"
                lang="ar"
                {...feedback.inputProps('familyNameArabic')}
              />
            </SimpleGrid>
            <TextInput
              label={t('fields.phone.label')}
              description={t('fields.phone.help')}
              type="tel"
              dir="ltr"
              autoComplete="tel"
              {...feedback.inputProps('phone')}
            />
            <Text size="sm">{t('signUp.languageNote')}</Text>
            <Button type="submit" loading={register.isPending}>
              {t('signUp.submit')}
            </Button>
          </Stack>
        </form>
      </Card>
      <Text>
        {t('signUp.haveAccount')}{' '}
        <Anchor component={Link} to={`/sign-in?next=${encodeURIComponent(next)}`}>
          {t('signUp.signIn')}
        </Anchor>
      </Text>
    </Stack>
  );
}
