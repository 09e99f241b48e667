import { Anchor, Button, Card, SimpleGrid, Stack, Text, TextInput, Title } from '@mantine/core';
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
import { fieldErrorsOf } from '../../../ui/problem-message.ts';
import { safeNext } from '../../../ui/safe-next.ts';
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

/** Create a citizen account; the confirmation code goes to the e-mail address. */
export function SignUpPage() {
  const { t } = useTranslation();
  const { tr, locale } = useTranslator();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const [params] = useSearchParams();
  const next = safeNext(params.get('next'));
  const formRef = useRef<HTMLFormElement>(null);
  const form = useForm({
    initialValues: Object.fromEntries(fields.map((name) => [name, ''])),
    validate: validateWith(signUpSchema, tr),
  });
  const register = useMutation({
    mutationFn: (values: Record<string, string>) =>
      api<Me>('/api/v1/auth/register', { method: 'POST', body: { ...withoutBlanks(values), locale } }),
    onSuccess: (me) => {
      queryClient.setQueryData(meKey, me);
      void navigate(`/confirm-email?next=${encodeURIComponent(next)}`);
    },
    onError: (error) => form.setErrors(fieldErrorsOf(error, fields, tr)),
  });

  return (
    <Stack gap="md" maw={560}>
      <PageTitle documentTitle={t('signUp.title')}>{t('signUp.title')}</PageTitle>
      <Text>{t('signUp.intro')}</Text>
      <Card withBorder padding="lg">
        <form
          ref={formRef}
          noValidate
          onSubmit={form.onSubmit(
            (values) => register.mutate(values),
            () => setTimeout(() => focusFirstInvalid(formRef.current)),
          )}
        >
          <Stack gap="sm">
            <TextInput
              label={t('fields.email.label')}
              type="email"
              autoComplete="email"
              required
              {...form.getInputProps('email')}
            />
            <PasswordField
              label={t('fields.password.label')}
              description={t('fields.password.help')}
              autoComplete="new-password"
              required
              {...form.getInputProps('password')}
            />
            <Title order={2} size="h5" mt="sm">
              {t('signUp.latinNames')}
            </Title>
            <SimpleGrid cols={{ base: 1, sm: 2 }}>
              <TextInput
                label={t('fields.givenNameLatin.label')}
                autoComplete="given-name"
                required
                {...form.getInputProps('givenNameLatin')}
              />
              <TextInput
                label={t('fields.familyNameLatin.label')}
                autoComplete="family-name"
                required
                {...form.getInputProps('familyNameLatin')}
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
                {...form.getInputProps('givenNameArabic')}
              />
              <TextInput
                label={t('fields.familyNameArabic.label')}
                dir="rtl"
                lang="ar"
                {...form.getInputProps('familyNameArabic')}
              />
            </SimpleGrid>
            <TextInput
              label={t('fields.phone.label')}
              description={t('fields.phone.help')}
              type="tel"
              dir="ltr"
              autoComplete="tel"
              {...form.getInputProps('phone')}
            />
            <Text size="sm">{t('signUp.languageNote')}</Text>
            <ErrorMessage error={register.error} />
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
