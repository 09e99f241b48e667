import { Button, Card, NativeSelect, SimpleGrid, Stack, Text, TextInput, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useMutation } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api } from '../../../../api/client.ts';
import { ErrorSummary } from '../../../../ui/ErrorSummary.tsx';
import { localized } from '../../../../ui/localized.ts';
import { useFormFeedback } from '../../../../ui/use-form-feedback.ts';
import { useTranslator } from '../../../../ui/use-translator.ts';
import type { StaffConsulate } from '../AdminScreen.tsx';
import { adminUrl } from '../admin-queries.ts';
import type { AdminDepartment, CalendarChange } from '../admin-types.ts';
import { faultSentences } from '../faults.ts';
import { closureBody, closureFaults, closureFields, emptyClosure } from './closures.ts';

/**
 * A one-off closure: its date, the whole consulate or one department, and its name as citizens
 * read it in each language (Spanish may be left to the French).
 */
export function AddClosureForm(props: {
  consulate: StaffConsulate;
  departments: AdminDepartment[];
  today: string;
  onAdded: (change: CalendarChange) => void;
}) {
  const { t } = useTranslation();
  const { tr, locale } = useTranslator();
  const form = useForm<Record<string, string>>({
    initialValues: { ...emptyClosure },
    validate: (values) => faultSentences(closureFaults({ ...emptyClosure, ...values }, props.today), tr),
  });
  const feedback = useFormFeedback(form, { id: 'closure', fields: closureFields });
  const add = useMutation({
    mutationFn: (values: Record<string, string>) =>
      api<CalendarChange>(adminUrl(props.consulate.id, 'closures'), {
        method: 'POST',
        body: closureBody({ ...emptyClosure, ...values }),
      }),
    onSuccess: (answer) => {
      form.reset();
      props.onAdded(answer);
    },
    onError: feedback.onProblem,
  });
  return (
    <Card withBorder padding="lg">
      <ErrorSummary {...feedback.summary} />
      <Title order={3} size="h4" id="add-closure-title" mb="xs">
        {t('staff.admin.calendars.closures.addTitle')}
      </Title>
      <form
        noValidate
        aria-labelledby="add-closure-title"
        onSubmit={form.onSubmit((values) => {
          feedback.onSubmit();
          add.mutate(values);
        }, feedback.onInvalid)}
      >
        <Stack gap="sm">
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <TextInput
              type="date"
              label={t('staff.admin.calendars.closures.date')}
              min={props.today}
              required
              {...feedback.inputProps('date')}
            />
            <NativeSelect
              label={t('staff.admin.calendars.closures.where')}
              data={[
                { value: '', label: t('staff.admin.calendars.closures.wholeConsulate') },
                ...props.departments.map((d) => ({ value: d.id, label: localized(d.name, locale) })),
              ]}
              {...feedback.inputProps('departmentId')}
            />
          </SimpleGrid>
          <Text size="sm">{t('staff.admin.calendars.closures.namesHelp')}</Text>
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <TextInput
              label={t('staff.admin.calendars.closures.nameAr')}
              lang="ar"
              dir="rtl"
              required
              {...feedback.inputProps('nameAr')}
            />
            <TextInput
              label={t('staff.admin.calendars.closures.nameFr')}
              lang="fr"
              required
              {...feedback.inputProps('nameFr')}
            />
            <TextInput
              label={t('staff.admin.calendars.closures.nameEn')}
              lang="en"
              required
              {...feedback.inputProps('nameEn')}
            />
            <TextInput
              label={t('staff.admin.calendars.closures.nameEs')}
              description={t('staff.admin.calendars.closures.optional')}
              lang="es"
              {...feedback.inputProps('nameEs')}
            />
          </SimpleGrid>
          <Button type="submit" loading={add.isPending} style={{ alignSelf: 'flex-start' }}>
            {t('staff.admin.calendars.closures.add')}
          </Button>
        </Stack>
      </form>
    </Card>
  );
}
