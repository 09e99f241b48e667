import { Anchor, Button, Card, List, Radio, Stack, Text, Title } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { ApiError } from '../../../api/api-error.ts';
import { api } from '../../../api/client.ts';
import { useConsulate, useConsulateServices, useMe } from '../../../api/queries.ts';
import type { RequestDetail } from '../../../api/types.ts';
import { ErrorMessage } from '../../../ui/ErrorMessage.tsx';
import { ErrorSummary } from '../../../ui/ErrorSummary.tsx';
import { problemFeedback, summaryItems } from '../../../ui/form-feedback.ts';
import { Loading } from '../../../ui/Loading.tsx';
import { localized, personName } from '../../../ui/localized.ts';
import { formatMinutes, formatMoney } from '../../../ui/money.ts';
import { PageTitle } from '../../../ui/PageTitle.tsx';
import { useTranslator } from '../../../ui/use-translator.ts';
import { usePersons } from '../family/FamilyPage.tsx';
import { type EligibilityNote, eligibilityNote } from './eligibility-note.ts';
import { requestKey } from './request-queries.ts';

const fields = ['personId'];
// Refusals about the person chosen are said on the "for whom" question.
const problemFields = {
  PERSON_NOT_FOUND: 'personId',
  REQUEST_ALREADY_OPEN: 'personId',
  NOT_ELIGIBLE: 'personId',
  BIRTH_DATE_REQUIRED: 'personId',
};
const idOf = (field: string) => `new-request-${field}`;

/**
 * Opening a request: for whom (the account holder or a relative). A service that needs no
 * verification goes straight to choosing a date; the request is opened with the appointment.
 */
export function NewRequestPage() {
  const { t } = useTranslation();
  const { locale, intl, tr } = useTranslator();
  const [params] = useSearchParams();
  const consulateId = params.get('consulateId') ?? undefined;
  const serviceId = params.get('serviceId') ?? undefined;
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const me = useMe();
  const consulate = useConsulate(consulateId);
  const services = useConsulateServices(consulateId);
  const service = services.data?.find((s) => s.id === serviceId);
  const persons = me.data?.persons ?? [];
  // The dates of birth, for the services that depend on age.
  const identities = usePersons();
  const noteOf = (id: string): EligibilityNote =>
    service && consulate.data
      ? eligibilityNote(service, identities.data?.find((p) => p.id === id)?.birthDate ?? null, consulate.data.timeZone)
      : { isOffered: true };
  const offered = persons.filter((person) => noteOf(person.id).isOffered);
  const [personId, setPersonId] = useState<string | null>(null);
  // Back from adding a relative, that relative is the one chosen (when the service is for them).
  const arriving = offered.find((person) => person.id === params.get('personId'))?.id;
  const chosen = personId ?? arriving ?? offered[0]?.id ?? null;
  const [attempt, setAttempt] = useState(0);

  const open = useMutation({
    mutationFn: () =>
      api<RequestDetail>('/api/v1/requests', { method: 'POST', body: { consulateId, serviceId, personId: chosen } }),
    onSuccess: (request) => {
      queryClient.setQueryData(requestKey(request.id), request);
      void queryClient.invalidateQueries({ queryKey: ['requests'], exact: true });
      void navigate(`/requests/${request.id}`);
    },
    onError: () => setAttempt((n) => n + 1),
  });
  const problem = open.error ? problemFeedback(open.error, fields, problemFields, tr) : null;
  const here = `/requests/new?consulateId=${consulateId ?? ''}&serviceId=${serviceId ?? ''}`;

  if (consulate.isPending || services.isPending || identities.isPending) return <Loading />;
  if (!consulate.data || !service) {
    return (
      <ErrorMessage error={services.error ?? consulate.error ?? new ApiError(404, 'SERVICE_NOT_OFFERED', undefined)} />
    );
  }
  const serviceName = localized(service.name, locale);
  const go = () => {
    if (!chosen) return;
    if (service.requiresVerification) open.mutate();
    else void navigate(`/book/${consulate.data?.id}/${service.id}?personId=${chosen}`);
  };

  return (
    <Stack gap="lg" maw={640}>
      <ErrorSummary
        items={problem ? summaryItems(problem.fieldErrors, fields, problem.general) : []}
        idOf={idOf}
        attempt={attempt}
      />
      <PageTitle documentTitle={t('newRequest.title')}>{t('newRequest.title')}</PageTitle>
      <Card withBorder padding="md">
        <Title order={2} size="h4">
          {serviceName}
        </Title>
        <Text>{localized(consulate.data.name, locale)}</Text>
        <Text size="sm" mt="xs">
          {service.fee.amountMinor > 0 ? formatMoney(service.fee, intl) : t('service.free')} ·{' '}
          {formatMinutes(service.durationMinutes, intl)}
        </Text>
        <Text fw={600} mt="sm" id="new-request-documents">
          {t('service.documents')}
        </Text>
        <List aria-labelledby="new-request-documents" spacing={2}>
          {service.requiredDocuments.map((code) => (
            <List.Item key={code}>{t(`document.${code}`)}</List.Item>
          ))}
        </List>
      </Card>

      <Radio.Group
        label={t('newRequest.forWhom')}
        description={t('newRequest.forWhomHelp')}
        value={chosen ?? ''}
        onChange={(value) => {
          setPersonId(value);
          open.reset();
        }}
        error={problem?.fieldErrors.personId}
      >
        <Stack gap="xs" mt="xs">
          {persons.map((person, index) => {
            const note = noteOf(person.id);
            const name = personName(person, locale);
            return (
              <Radio
                key={person.id}
                id={index === 0 ? idOf('personId') : `${idOf('personId')}-${index}`}
                value={person.id}
                disabled={!note.isOffered}
                label={`${name} — ${t(`family.relation.${person.relation}`)}`}
                description={note.key ? t(note.key, { name, ...('params' in note ? note.params : {}) }) : undefined}
              />
            );
          })}
        </Stack>
      </Radio.Group>
      <Anchor component={Link} to={`/family?add=1&next=${encodeURIComponent(here)}`}>
        {t('newRequest.addRelative')}
      </Anchor>

      <Text>{service.requiresVerification ? t('newRequest.nextVerified') : t('newRequest.nextDirect')}</Text>
      {open.error instanceof ApiError && open.error.code === 'BIRTH_DATE_REQUIRED' && chosen && (
        <Anchor component={Link} to={`/family?edit=${chosen}&next=${encodeURIComponent(`${here}&personId=${chosen}`)}`}>
          {t('newRequest.addBirthDate')}
        </Anchor>
      )}
      {open.error instanceof ApiError && open.error.code === 'REQUEST_ALREADY_OPEN' && (
        <Anchor component={Link} to="/requests">
          {t('newRequest.seeRequests')}
        </Anchor>
      )}
      <Button onClick={go} loading={open.isPending} disabled={!chosen} style={{ alignSelf: 'flex-start' }}>
        {service.requiresVerification ? t('newRequest.open') : t('service.book')}
      </Button>
    </Stack>
  );
}
