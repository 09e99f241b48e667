import { Anchor, Button, Group, Stack, Text, Title } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, Navigate, useNavigate, useParams } from 'react-router';
import { api } from '../../../api/client.ts';
import { useMe } from '../../../api/queries.ts';
import type { RequestDetail } from '../../../api/types.ts';
import { ErrorMessage } from '../../../ui/ErrorMessage.tsx';
import { ErrorSummary } from '../../../ui/ErrorSummary.tsx';
import { problemFeedback, summaryItems } from '../../../ui/form-feedback.ts';
import { ArrowBackIcon } from '../../../ui/icons.tsx';
import { Loading } from '../../../ui/Loading.tsx';
import { localized, personName } from '../../../ui/localized.ts';
import { PageTitle } from '../../../ui/PageTitle.tsx';
import { StatusBadge } from '../../../ui/StatusBadge.tsx';
import { SummaryList } from '../../../ui/SummaryList.tsx';
import { useTranslator } from '../../../ui/use-translator.ts';
import { feeStepText } from './FeeStepNotice.tsx';
import { documentAnchor, isEditable, isReadyToSend } from './request-progress.ts';
import { requestKey, useRequest, useRequestDocuments } from './request-queries.ts';

const noFields: string[] = [];

/**
 * "Check your answers" before a request goes to the consulate: who it is for, the service, the
 * consulate and each document of the checklist, each with a link to change it; then sending.
 */
export function CheckAnswersPage() {
  const { requestId } = useParams();
  const { t } = useTranslation();
  const { locale, intl, tr } = useTranslator();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const me = useMe();
  const request = useRequest(requestId);
  const documents = useRequestDocuments(requestId);
  const [attempt, setAttempt] = useState(0);
  const submit = useMutation({
    mutationFn: () => api<RequestDetail>(`/api/v1/requests/${requestId}/submit`, { method: 'POST' }),
    onSuccess: (updated) => {
      queryClient.setQueryData(requestKey(requestId), updated);
      void queryClient.invalidateQueries({ queryKey: ['requests'], exact: true });
      void navigate(`/requests/${requestId}`, { replace: true });
    },
    onError: () => setAttempt((n) => n + 1),
  });

  if (request.isPending || documents.isPending) return <Loading />;
  if (request.isError) return <ErrorMessage error={request.error} />;
  const data = request.data;
  if (!isEditable(data.status) && !submit.isPending) return <Navigate to={`/requests/${data.id}`} replace />;

  const here = `/requests/${data.id}/check`;
  const relation = me.data?.persons.find((person) => person.id === data.person.id)?.relation;
  const fileOf = (documentId: string | null) => documents.data?.find((document) => document.id === documentId);
  const problem = submit.error ? problemFeedback(submit.error, noFields, {}, tr) : null;
  const isReady = isReadyToSend(data.checklist);

  return (
    <Stack gap="lg" maw={720}>
      <Anchor component={Link} to={`/requests/${data.id}`} size="sm">
        <Group gap={4} component="span">
          <ArrowBackIcon size={16} />
          {t('booking.backToRequest')}
        </Group>
      </Anchor>
      <ErrorSummary
        items={problem ? summaryItems(problem.fieldErrors, noFields, problem.general) : []}
        idOf={(field) => field}
        attempt={attempt}
      />
      <div>
        <PageTitle documentTitle={t('checkAnswers.title')}>{t('checkAnswers.title')}</PageTitle>
        <Text>{t('checkAnswers.intro')}</Text>
      </div>

      <section aria-labelledby="check-request-title">
        <Title order={2} size="h3" id="check-request-title" mb="sm">
          {t('checkAnswers.requestTitle')}
        </Title>
        <SummaryList
          rows={[
            {
              key: t('checkAnswers.person'),
              value: (
                <>
                  <bdi>{personName(data.person, locale)}</bdi>
                  {relation && ` — ${t(`family.relation.${relation}`)}`}
                </>
              ),
              change: {
                to: `/family?edit=${data.person.id}&next=${encodeURIComponent(here)}`,
                what: t('checkAnswers.person'),
              },
              testId: 'check-person',
            },
            {
              key: t('checkAnswers.service'),
              value: localized(data.service.name, locale),
              change: { to: `/consulates/${data.consulate.id}`, what: t('checkAnswers.service') },
              testId: 'check-service',
            },
            {
              key: t('checkAnswers.consulate'),
              value: localized(data.consulate.name, locale),
              change: { to: '/', what: t('checkAnswers.consulate') },
              testId: 'check-consulate',
            },
            { key: t('request.fee'), value: feeStepText(data.fee, t, intl), testId: 'check-fee' },
          ]}
        />
        <Text size="sm" mt="xs">
          {t('checkAnswers.otherRequestNote')}
        </Text>
      </section>

      <section aria-labelledby="check-documents-title">
        <Title order={2} size="h3" id="check-documents-title" mb="sm">
          {t('checkAnswers.documentsTitle')}
        </Title>
        <SummaryList
          rows={data.checklist.map((item) => {
            const label = t(`document.${item.kind}`);
            const file = fileOf(item.documentId);
            return {
              key: label,
              value:
                item.status === 'missing' ? (
                  t('checkAnswers.noFile')
                ) : (
                  <Group gap="xs" component="span">
                    <bdi>{file?.originalName ?? ''}</bdi>
                    <StatusBadge kind="document" status={item.status} />
                  </Group>
                ),
              change:
                item.status === 'accepted'
                  ? undefined
                  : { to: `/requests/${data.id}#${documentAnchor(item.kind)}`, what: label },
              testId: `check-document-${item.kind}`,
            };
          })}
        />
      </section>

      <section aria-labelledby="check-send-title">
        <Title order={2} size="h3" id="check-send-title" mb="sm">
          {t('checkAnswers.sendTitle')}
        </Title>
        <Text mb="md">{t('checkAnswers.declaration')}</Text>
        {!isReady && (
          <Text size="sm" mb="sm">
            {t('request.notReady')}
          </Text>
        )}
        <Button onClick={() => submit.mutate()} loading={submit.isPending} disabled={!isReady}>
          {data.status === 'draft' ? t('request.submit') : t('request.resubmit')}
        </Button>
      </section>
    </Stack>
  );
}
