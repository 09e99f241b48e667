import { Button, Group, NativeSelect, SimpleGrid, Stack, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../../api/client.ts';
import { meKey } from '../../../api/queries.ts';
import type { Person } from '../../../api/types.ts';
import { ErrorMessage } from '../../../ui/ErrorMessage.tsx';
import { focusFirstInvalid } from '../../../ui/form-feedback.ts';
import { validateWith } from '../../../ui/form-validation.ts';
import { fieldErrorsOf } from '../../../ui/problem-message.ts';
import { useTranslator } from '../../../ui/use-translator.ts';
import {
  addPersonSchema,
  emptyPerson,
  personFields,
  toAddBody,
  toUpdateBody,
  updatePersonSchema,
  valuesOf,
} from './person-form.ts';

const relations = ['child', 'spouse', 'parent', 'other'] as const;

/** Adds a relative, or corrects a person's names and identity details. */
export function PersonForm(props: { person?: Person; onDone: () => void }) {
  const { person } = props;
  const isNew = !person;
  const { t } = useTranslation();
  const { tr } = useTranslator();
  const queryClient = useQueryClient();
  const formRef = useRef<HTMLFormElement>(null);
  const form = useForm({
    initialValues: person ? valuesOf(person) : emptyPerson(),
    validate: isNew ? validateWith(addPersonSchema, tr, toAddBody) : validateWith(updatePersonSchema, tr, toUpdateBody),
  });
  const save = useMutation({
    mutationFn: (values: Record<string, string>) =>
      isNew
        ? api<Person>('/api/v1/me/persons', { method: 'POST', body: toAddBody(values) })
        : api<Person>(`/api/v1/me/persons/${person.id}`, { method: 'PATCH', body: toUpdateBody(values) }),
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: ['persons'] });
      await queryClient.invalidateQueries({ queryKey: meKey });
      props.onDone();
    },
    onError: (error) => form.setErrors(fieldErrorsOf(error, personFields, tr)),
  });
  const id = person?.id ?? 'new';

  return (
    <form
      ref={formRef}
      noValidate
      aria-label={isNew ? t('family.addTitle') : t('family.editTitle')}
      onSubmit={form.onSubmit(
        (values) => save.mutate(values),
        () => setTimeout(() => focusFirstInvalid(formRef.current)),
      )}
    >
      <Stack gap="sm">
        {isNew && (
          <NativeSelect
            label={t('fields.relation.label')}
            data={relations.map((relation) => ({ value: relation, label: t(`family.relation.${relation}`) }))}
            {...form.getInputProps('relation')}
          />
        )}
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <TextInput
            id={`${id}-given-latin`}
            label={t('fields.givenNameLatin.label')}
            required
            {...form.getInputProps('givenNameLatin')}
          />
          <TextInput
            id={`${id}-family-latin`}
            label={t('fields.familyNameLatin.label')}
            required
            {...form.getInputProps('familyNameLatin')}
          />
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
          <TextInput label={t('fields.birthDate.label')} type="date" {...form.getInputProps('birthDate')} />
          <TextInput label={t('fields.birthPlace.label')} {...form.getInputProps('birthPlace')} />
          <TextInput
            label={t('fields.cnieNumber.label')}
            description={t('fields.cnieNumber.help')}
            dir="ltr"
            {...form.getInputProps('cnieNumber')}
          />
          <TextInput
            label={t('fields.passportNumber.label')}
            description={t('fields.passportNumber.help')}
            dir="ltr"
            {...form.getInputProps('passportNumber')}
          />
          <TextInput
            label={t('fields.consularRegistrationNumber.label')}
            description={t('fields.consularRegistrationNumber.help')}
            dir="ltr"
            inputMode="numeric"
            {...form.getInputProps('consularRegistrationNumber')}
          />
        </SimpleGrid>
        <ErrorMessage error={save.error} />
        <Group>
          <Button type="submit" loading={save.isPending}>
            {isNew ? t('family.add') : t('family.save')}
          </Button>
          <Button variant="default" onClick={props.onDone}>
            {t('common.cancel')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
