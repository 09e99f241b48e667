import { Button, Group, NativeSelect, SimpleGrid, Stack, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api } from '../../../api/client.ts';
import { meKey } from '../../../api/queries.ts';
import type { Person } from '../../../api/types.ts';
import { ErrorSummary } from '../../../ui/ErrorSummary.tsx';
import { validateWith } from '../../../ui/form-validation.ts';
import { useFormFeedback } from '../../../ui/use-form-feedback.ts';
import { useTranslator } from '../../../ui/use-translator.ts';
import {
  addPersonSchema,
  emptyPerson,
  identityFields,
  personFields,
  toAddBody,
  toUpdateBody,
  updatePersonSchema,
  valuesOf,
} from './person-form.ts';

const relations = ['child', 'spouse', 'parent', 'other'] as const;
const namesAndIdentity = ['givenNameLatin', 'familyNameLatin', ...identityFields] as const;

/** Adds a relative, or corrects a person's names and identity details; says who was saved. */
export function PersonForm(props: { person?: Person; onDone: (saved?: Person) => void }) {
  const { person } = props;
  const isNew = !person;
  const { t } = useTranslation();
  const { tr } = useTranslator();
  const queryClient = useQueryClient();
  const form = useForm({
    initialValues: person ? valuesOf(person) : emptyPerson(),
    validate: isNew ? validateWith(addPersonSchema, tr, toAddBody) : validateWith(updatePersonSchema, tr, toUpdateBody),
  });
  const feedback = useFormFeedback(form, {
    id: `person-${person?.id ?? 'new'}`,
    fields: isNew ? personFields : namesAndIdentity,
  });
  const save = useMutation({
    mutationFn: (values: Record<string, string>) =>
      isNew
        ? api<Person>('/api/v1/me/persons', { method: 'POST', body: toAddBody(values) })
        : api<Person>(`/api/v1/me/persons/${person.id}`, { method: 'PATCH', body: toUpdateBody(values) }),
    onSuccess: async (saved) => {
      await queryClient.invalidateQueries({ queryKey: ['persons'] });
      await queryClient.invalidateQueries({ queryKey: meKey });
      props.onDone(saved);
    },
    onError: feedback.onProblem,
  });

  return (
    <form
      noValidate
      aria-label={isNew ? t('family.addTitle') : t('family.editTitle')}
      onSubmit={form.onSubmit((values) => {
        feedback.onSubmit();
        save.mutate(values);
      }, feedback.onInvalid)}
    >
      <Stack gap="sm">
        <ErrorSummary {...feedback.summary} />
        {isNew && (
          <NativeSelect
            label={t('fields.relation.label')}
            data={relations.map((relation) => ({ value: relation, label: t(`family.relation.${relation}`) }))}
            {...feedback.inputProps('relation')}
          />
        )}
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <TextInput label={t('fields.givenNameLatin.label')} required {...feedback.inputProps('givenNameLatin')} />
          <TextInput label={t('fields.familyNameLatin.label')} required {...feedback.inputProps('familyNameLatin')} />
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
          <TextInput label={t('fields.birthDate.label')} type="date" {...feedback.inputProps('birthDate')} />
          <TextInput label={t('fields.birthPlace.label')} {...feedback.inputProps('birthPlace')} />
          <TextInput
            label={t('fields.cnieNumber.label')}
            description={t('fields.cnieNumber.help')}
            dir="ltr"
            {...feedback.inputProps('cnieNumber')}
          />
          <TextInput
            label={t('fields.passportNumber.label')}
            description={t('fields.passportNumber.help')}
            dir="ltr"
            {...feedback.inputProps('passportNumber')}
          />
          <TextInput
            label={t('fields.consularRegistrationNumber.label')}
            description={t('fields.consularRegistrationNumber.help')}
            dir="ltr"
            inputMode="numeric"
            {...feedback.inputProps('consularRegistrationNumber')}
          />
        </SimpleGrid>
        <Group>
          <Button type="submit" loading={save.isPending}>
            {isNew ? t('family.add') : t('family.save')}
          </Button>
          <Button variant="default" onClick={() => props.onDone()}>
            {t('common.cancel')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
