import { Anchor, Button, Group, Stack, Text, useDirection, VisuallyHidden } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useCallback, useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams, useSearchParams } from 'react-router';
import { isApiError } from '../../../api/api-error.ts';
import { api } from '../../../api/client.ts';
import { ErrorMessage } from '../../../ui/ErrorMessage.tsx';
import { ArrowBackIcon } from '../../../ui/icons.tsx';
import { Loading } from '../../../ui/Loading.tsx';
import { localized } from '../../../ui/localized.ts';
import { PageTitle } from '../../../ui/PageTitle.tsx';
import { useTranslator } from '../../../ui/use-translator.ts';
import { useStaffMe } from '../app/use-staff.ts';
import { DecidedNotice, useDecided } from './DecidedNotice.tsx';
import { DecisionForm, focusDecision } from './DecisionForm.tsx';
import { DocumentsSection } from './DocumentsSection.tsx';
import { initialView, rotate, zoomIn, zoomOut } from './image-view.ts';
import { PersonFacts } from './PersonFacts.tsx';
import { filtersFromParams, queueLink, requestLink } from './queue-filters.ts';
import { ChangedNotice, ReviewStateNotice } from './ReviewNotices.tsx';
import {
  type DocumentVerdict,
  documentActionsOf,
  firstToShow,
  nextToReview,
  type RefusalValues,
  reviewBody,
  reviewModeOf,
  steppedIndex,
} from './review-rules.ts';
import { ShortcutsDialog, ShortcutsSection } from './ShortcutsHelp.tsx';
import { StaffStatusBadge } from './StaffStatusBadge.tsx';
import type { ShortcutAction } from './shortcuts.ts';
import { formatMoment } from './time-text.ts';
import { usePageShortcuts } from './use-page-shortcuts.ts';
import { useReviewLock } from './use-review-lock.ts';
import { fetchNextRequest, useStaffRequest, verificationKey } from './verification-queries.ts';
import type { RequestDecision } from './verification-types.ts';

/** One request to verify: the person, each document in turn, the decision; then the next request. */
export function RequestReviewPage() {
  const { t } = useTranslation();
  const { requestId = '' } = useParams();
  const me = useStaffMe().data;
  if (!me?.consulate) return <Text>{t('staff.verification.noConsulate')}</Text>;
  return (
    <RequestReview
      key={requestId}
      requestId={requestId}
      consulateId={me.consulate.id}
      timeZone={me.consulate.timeZone}
    />
  );
}

function RequestReview(props: { requestId: string; consulateId: string; timeZone: string }) {
  const { requestId, consulateId, timeZone } = props;
  const { t } = useTranslation();
  const { locale, intl } = useTranslator();
  const { dir } = useDirection();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const [params] = useSearchParams();
  const filters = useMemo(() => filtersFromParams(params), [params]);
  const decided = useDecided();

  const request = useStaffRequest(requestId);
  // What the cache kept from an earlier visit may be stale: the page works only on what it read itself.
  const data = request.isFetchedAfterMount ? request.data : undefined;
  const { refetch } = request;
  const reload = useCallback(() => void refetch(), [refetch]);
  const lock = useReviewLock(requestId, data?.status === 'submitted', reload);
  const mode = data ? reviewModeOf(data, lock) : null;

  const [shown, setShown] = useState<number | null>(null);
  const [imageView, setImageView] = useState(initialView);
  const [isRefusing, setRefusing] = useState(false);
  const [isHelpOpen, setHelpOpen] = useState(false);
  const [changed, setChanged] = useState<unknown>(null);
  const [actionError, setActionError] = useState<unknown>(null);
  const [announcement, setAnnouncement] = useState('');
  const index = shown ?? (data ? firstToShow(data.checklist) : 0);
  // The document first shown stays shown when the request is read again (a review, a change).
  useEffect(() => {
    if (shown === null && data) setShown(firstToShow(data.checklist));
  }, [shown, data]);

  const show = (position: number, checklist = data?.checklist) => {
    setShown(position);
    setImageView(initialView);
    setRefusing(false);
    setActionError(null);
    const item = checklist?.[position];
    if (item && checklist) {
      setAnnouncement(
        t('staff.verification.documents.shown', {
          number: position + 1,
          total: checklist.length,
          document: t(`document.${item.kind}`),
        }),
      );
    }
  };
  const refreshLists = () => void queryClient.invalidateQueries({ queryKey: [...verificationKey, consulateId] });
  const onChanged = (error: unknown) => {
    setChanged(error);
    setRefusing(false);
    reload();
    refreshLists();
  };

  const review = useMutation({
    mutationFn: (input: { documentId: string; verdict: DocumentVerdict; version: number }) =>
      api<unknown>(`/api/v1/staff/requests/${requestId}/documents/${input.documentId}/review`, {
        method: 'POST',
        body: reviewBody(input.verdict, input.version),
      }),
  });
  const reviewShown = async (verdict: DocumentVerdict) => {
    const item = data?.checklist[index];
    if (!data || !item?.documentId) return;
    setActionError(null);
    try {
      await review.mutateAsync({ documentId: item.documentId, verdict, version: data.version });
    } catch (error) {
      if (isApiError(error) && error.code === 'REQUEST_CHANGED') return onChanged(error);
      throw error;
    }
    setChanged(null);
    refreshLists();
    const fresh = (await refetch()).data;
    const label = t(`document.${item.kind}`);
    const next = fresh ? nextToReview(fresh.checklist, index) : null;
    if (fresh && next !== null) show(next, fresh.checklist);
    else setRefusing(false);
    // Said after the move, so the screen reader hears what was done, then (in the list) what is shown.
    setAnnouncement(
      t(
        verdict.decision === 'accepted'
          ? 'staff.verification.documents.wasAccepted'
          : 'staff.verification.documents.wasRefused',
        {
          document: label,
        },
      ),
    );
  };
  const acceptShown = () => void reviewShown({ decision: 'accepted' }).catch(setActionError);
  const refuseShown = (refusal: RefusalValues) => reviewShown({ decision: 'refused', refusal });

  // The next request under the same service and search, waiting for verification, never this one.
  const goNext = async (decision?: RequestDecision) => {
    const next = await fetchNextRequest(consulateId, { ...filters, status: 'submitted' }, requestId).catch(() => null);
    refreshLists();
    const state = decision && data ? { decided: { reference: data.reference, decision } } : undefined;
    if (next) void navigate(requestLink(next.id, filters), { state });
    else if (decision) void navigate(queueLink(filters), { state });
    else setAnnouncement(t('staff.verification.queue.noneToOpen'));
  };

  const onShortcut = (action: ShortcutAction) => {
    if (!data || !mode) return;
    const item = data.checklist[index];
    const actions = item ? documentActionsOf(item, mode) : { canAccept: false, canRefuse: false };
    const isImage = Boolean(item?.file?.contentType.startsWith('image/'));
    switch (action) {
      case 'nextDocument':
      case 'previousDocument':
        return show(steppedIndex(data.checklist.length, index, action === 'nextDocument' ? 1 : -1));
      case 'acceptDocument':
        return actions.canAccept && !review.isPending ? acceptShown() : undefined;
      case 'refuseDocument':
        return actions.canRefuse ? setRefusing(true) : undefined;
      case 'decide':
        return mode.kind === 'decide' ? focusDecision() : undefined;
      case 'nextRequest':
        return void goNext();
      case 'help':
        return setHelpOpen(true);
      case 'zoomIn':
        return isImage ? setImageView(zoomIn(imageView)) : undefined;
      case 'zoomOut':
        return isImage ? setImageView(zoomOut(imageView)) : undefined;
      case 'rotate':
        return isImage ? setImageView(rotate(imageView)) : undefined;
      case 'resetView':
        return isImage ? setImageView(initialView) : undefined;
    }
  };
  usePageShortcuts(!isHelpOpen && Boolean(data), onShortcut);

  if (request.isError) return <ErrorMessage error={request.error} />;
  if (!data || !mode) return <Loading />;
  const serviceName = localized(data.service.name, locale);

  return (
    <Stack gap="lg">
      {decided && <DecidedNotice decided={decided} isQueueEmpty={false} />}
      <Group justify="space-between" wrap="wrap" gap="sm">
        <Anchor component={Link} to={queueLink(filters)} size="sm">
          <Group gap={4} component="span">
            <ArrowBackIcon size={16} />
            {t('staff.verification.request.back')}
          </Group>
        </Anchor>
        <Group gap="xs">
          <Button variant="default" size="compact-md" onClick={() => setHelpOpen(true)}>
            {t('staff.verification.shortcuts.button')}
          </Button>
          <Button variant="default" size="compact-md" onClick={() => void goNext()}>
            {t('staff.verification.request.skip')}
          </Button>
        </Group>
      </Group>
      <div>
        <PageTitle documentTitle={t('staff.verification.request.documentTitle', { reference: data.reference })}>
          {t('staff.verification.request.title', { reference: data.reference })}
        </PageTitle>
        <Group gap="sm" mb="xs">
          <StaffStatusBadge kind="request" status={data.status} />
          <Text fw={600}>{serviceName}</Text>
        </Group>
        {data.submittedAt && (
          <Text size="sm">
            {t('staff.verification.request.submitted', { when: formatMoment(data.submittedAt, timeZone, intl) })}
          </Text>
        )}
      </div>

      <ChangedNotice error={changed} />
      <ReviewStateNotice request={data} mode={mode} isHeldByYou={lock?.isHeldByYou === true} timeZone={timeZone} />
      <VisuallyHidden role="status" aria-live="polite" data-testid="announcement">
        {announcement}
      </VisuallyHidden>

      <PersonFacts request={data} />
      <DocumentsSection
        request={data}
        mode={mode}
        timeZone={timeZone}
        index={index}
        onShow={(position) => show(position)}
        view={imageView}
        onView={setImageView}
        isRefusing={isRefusing}
        onRefusing={setRefusing}
        onAccept={acceptShown}
        onRefuse={refuseShown}
        isBusy={review.isPending}
        actionError={actionError}
      />
      {mode.kind === 'decide' && (
        <DecisionForm request={data} onDecided={(decision) => void goNext(decision)} onChanged={onChanged} />
      )}
      <ShortcutsSection direction={dir} onOpen={() => setHelpOpen(true)} />
      <ShortcutsDialog direction={dir} isOpen={isHelpOpen} onClose={() => setHelpOpen(false)} />
    </Stack>
  );
}
