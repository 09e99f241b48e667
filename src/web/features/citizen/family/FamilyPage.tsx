import { Alert, Button, Card, Group, Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useSearchParams } from 'react-router';
import { api } from '../../../api/client.ts';
import type { Person } from '../../../api/types.ts';
import { ErrorMessage } from '../../../ui/ErrorMessage.tsx';
import { Loading } from '../../../ui/Loading.tsx';
import { formatLocalDate } from '../../../ui/local-time.ts';
import { PageTitle } from '../../../ui/PageTitle.tsx';
import { useTranslator } from '../../../ui/use-translator.ts';
import { PersonForm } from './PersonForm.tsx';
import { returnAddress } from './return-to.ts';

export function usePersons() {
  return useQuery({
    queryKey: ['persons'],
    queryFn: async () => (await api<{ persons: Person[] }>('/api/v1/me/persons')).persons,
  });
}

/**
 * The account holder and the relatives they act for (children, spouse…), with identity details.
 * Reached from a request (`?add=1` or `?edit=<person>`, with `next`), it opens that form and goes
 * back there once saved — with the relative just added chosen.
 */
export function FamilyPage() {
  const { t } = useTranslation();
  const persons = usePersons();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const next = params.get('next');
  const [editing, setEditing] = useState<string | null>(() => (params.get('add') ? 'new' : params.get('edit')));
  const done = (saved?: { id: string }) => {
    setEditing(null);
    const back = returnAddress(next, editing === 'new' ? saved?.id : undefined);
    if (back) void navigate(back);
  };
  // Arriving to add or correct someone: the form's first field takes the focus once the list is in
  // (after the shell's own move to the page, hence the timer).
  const editId = params.get('edit');
  const firstField = params.get('add') ? 'person-new-relation' : editId ? `person-${editId}-givenNameLatin` : null;
  const isLoaded = Boolean(persons.data);
  useEffect(() => {
    if (!firstField || !isLoaded) return;
    const timer = setTimeout(() => document.getElementById(firstField)?.focus());
    return () => clearTimeout(timer);
  }, [firstField, isLoaded]);

  return (
    <Stack gap="lg">
      <div>
        <PageTitle documentTitle={t('family.title')}>{t('family.title')}</PageTitle>
        <Text>{t('family.intro')}</Text>
      </div>
      {next && editing && (
        <Alert color="blue" role="status">
          {t('family.returnNote')}
        </Alert>
      )}
      {persons.isPending && <Loading />}
      <ErrorMessage error={persons.error} />
      <Stack gap="md" component="ul" style={{ listStyle: 'none', padding: 0, margin: 0 }}>
        {persons.data?.map((person) => (
          <Card withBorder padding="md" key={person.id} component="li">
            {editing === person.id ? (
              <PersonForm person={person} onDone={done} />
            ) : (
              <PersonCard person={person} onEdit={() => setEditing(person.id)} />
            )}
          </Card>
        ))}
      </Stack>
      <Card withBorder padding="md">
        {editing === 'new' ? (
          <>
            <Title order={2} size="h4" mb="sm">
              {t('family.addTitle')}
            </Title>
            <PersonForm onDone={done} />
          </>
        ) : (
          <Button onClick={() => setEditing('new')} style={{ alignSelf: 'flex-start' }}>
            {t('family.addTitle')}
          </Button>
        )}
      </Card>
    </Stack>
  );
}

function PersonCard({ person, onEdit }: { person: Person; onEdit: () => void }) {
  const { t } = useTranslation();
  const { intl } = useTranslator();
  const arabic = [person.givenNameArabic, person.familyNameArabic].filter(Boolean).join(' ');
  const details: [string, string | null][] = [
    [t('fields.birthDate.label'), person.birthDate ? formatLocalDate(person.birthDate, intl, 'long') : null],
    [t('fields.birthPlace.label'), person.birthPlace],
    [t('fields.cnieNumber.label'), person.cnieNumber],
    [t('fields.passportNumber.label'), person.passportNumber],
    [t('fields.consularRegistrationNumber.label'), person.consularRegistrationNumber],
  ];
  const name = `${person.givenNameLatin} ${person.familyNameLatin}`;
  return (
    <Stack gap={6}>
      <Group justify="space-between" align="flex-start" wrap="nowrap">
        <div>
          <Title order={2} size="h4">
            <bdi>{name}</bdi>
          </Title>
          {arabic && (
            <Text>
              <bdi lang="ar">{arabic}</bdi>
            </Text>
          )}
          <Text size="sm" c="dimmed">
            {t(`family.relation.${person.relation}`)}
          </Text>
        </div>
        <Button variant="light" onClick={onEdit} aria-label={`${t('family.edit')} — ${name}`}>
          {t('family.edit')}
        </Button>
      </Group>
      <dl className="facts">
        {details
          .filter(([, value]) => value)
          .map(([label, value]) => (
            <div key={label}>
              <dt>{label}</dt>
              <dd>
                <bdi>{value}</bdi>
              </dd>
            </div>
          ))}
      </dl>
      {details.every(([, value]) => !value) && <Text size="sm">{t('family.noDetails')}</Text>}
    </Stack>
  );
}
