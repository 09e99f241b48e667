import { Alert, Button, Group, Stack, Text } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { useEffect, useMemo, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { useConsulateServices } from '../../../api/queries.ts';
import { ErrorMessage } from '../../../ui/ErrorMessage.tsx';
import { Loading } from '../../../ui/Loading.tsx';
import { localized } from '../../../ui/localized.ts';
import { PageTitle } from '../../../ui/PageTitle.tsx';
import { useTranslator } from '../../../ui/use-translator.ts';
import { type StaffContext, useStaffMe } from '../app/use-staff.ts';
import { DecidedNotice, useDecided } from './DecidedNotice.tsx';
import { QueueFilterForm, type ServiceChoice } from './QueueFilterForm.tsx';
import { QueueTable } from './QueueTable.tsx';
import {
  filtersFromParams,
  isNarrowed,
  paramsFromFilters,
  type QueueFilters,
  queueLink,
  requestLink,
} from './queue-filters.ts';
import { fetchNextRequest, useQueue, useQueueCounts } from './verification-queries.ts';
import { queueStatuses } from './verification-types.ts';

/** The verification queue of the agent's departments (a consulate admin: all of them), oldest first. */
export function QueuePage() {
  const { t } = useTranslation();
  const me = useStaffMe().data;
  if (!me?.consulate) return <Text>{t('staff.verification.noConsulate')}</Text>;
  return <Queue me={me} consulateId={me.consulate.id} />;
}

function Queue({ me, consulateId }: { me: StaffContext; consulateId: string }) {
  const { t } = useTranslation();
  const { locale, intl } = useTranslator();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const filters = useMemo(() => filtersFromParams(params), [params]);
  const decided = useDecided();

  const queue = useQueue(consulateId, filters);
  const counts = useQueueCounts(consulateId, filters);
  const offered = useConsulateServices(consulateId);
  // The services of the agent's departments that go through verification.
  const services = useMemo<ServiceChoice[]>(() => {
    const departments = new Set(me.departments.map((d) => d.id));
    return (offered.data ?? [])
      .filter((service) => service.requiresVerification && departments.has(service.departmentId))
      .map((service) => ({ id: service.id, name: localized(service.name, locale) }))
      .sort((a, b) => a.name.localeCompare(b.name, intl));
  }, [offered.data, me.departments, locale, intl]);

  const apply = (next: QueueFilters) => void navigate(queueLink(next));
  const openNext = useMutation({
    mutationFn: () => fetchNextRequest(consulateId, filters, null),
    onSuccess: (entry) => {
      if (entry) void navigate(requestLink(entry.id, filters));
    },
  });

  // "Show more": the focus goes to the first request of the new page, not back to the top.
  const entries = queue.data?.pages.flatMap((page) => page.requests) ?? [];
  const focusFrom = useRef<number | null>(null);
  useEffect(() => {
    if (focusFrom.current === null || focusFrom.current >= entries.length) return;
    document.querySelectorAll<HTMLElement>('[data-queue-link]')[focusFrom.current]?.focus();
    focusFrom.current = null;
  }, [entries.length]);
  const showMore = () => {
    focusFrom.current = entries.length;
    void queue.fetchNextPage();
  };

  const statusLabel = (status: (typeof queueStatuses)[number]) => {
    const label = t(`staff.verification.status.${status}`);
    const count = counts.data?.[status];
    // The count beside the status's name, in the reader's digits.
    return count === undefined ? label : `${label} (${count.toLocaleString(intl)})`;
  };

  return (
    <Stack gap="md">
      {decided && <DecidedNotice decided={decided} isQueueEmpty />}
      <PageTitle documentTitle={t('staff.verification.queue.title')}>{t('staff.verification.queue.title')}</PageTitle>
      <Text>{t('staff.verification.queue.intro')}</Text>

      <nav aria-label={t('staff.verification.queue.statusNav')}>
        <Group component="ul" gap={6} wrap="wrap" style={{ listStyle: 'none', padding: 0, margin: 0 }}>
          {queueStatuses.map((status) => {
            const isCurrent = status === filters.status;
            return (
              <li key={status}>
                <Button
                  component={Link}
                  to={`?${paramsFromFilters({ ...filters, status }).toString()}`}
                  variant={isCurrent ? 'filled' : 'default'}
                  size="compact-md"
                  aria-current={isCurrent ? 'page' : undefined}
                  data-testid={`status-${status}`}
                >
                  {statusLabel(status)}
                </Button>
              </li>
            );
          })}
        </Group>
      </nav>

      <QueueFilterForm filters={filters} services={services} onApply={apply} />

      <Group gap="sm">
        {filters.status === 'submitted' && (
          <Button onClick={() => openNext.mutate()} loading={openNext.isPending} disabled={entries.length === 0}>
            {t('staff.verification.queue.openNext')}
          </Button>
        )}
        <Button
          variant="default"
          onClick={() => {
            void queue.refetch();
            void counts.refetch();
          }}
          loading={queue.isRefetching && !queue.isFetchingNextPage}
        >
          {t('staff.verification.queue.refresh')}
        </Button>
      </Group>
      <ErrorMessage error={openNext.error} />
      {openNext.isSuccess && openNext.data === null && (
        <Alert color="blue" role="status">
          {t('staff.verification.queue.noneToOpen')}
        </Alert>
      )}

      {queue.isPending ? (
        <Loading />
      ) : queue.isError ? (
        <ErrorMessage error={queue.error} />
      ) : entries.length === 0 ? (
        <Text data-testid="queue-empty">
          {isNarrowed(filters) ? t('staff.verification.queue.noMatch') : t('staff.verification.queue.empty')}
        </Text>
      ) : (
        <>
          <QueueTable entries={entries} filters={filters} myAccountId={me.accountId} />
          {queue.hasNextPage && (
            <Button
              variant="default"
              onClick={showMore}
              loading={queue.isFetchingNextPage}
              style={{ alignSelf: 'flex-start' }}
            >
              {t('staff.verification.queue.more')}
            </Button>
          )}
        </>
      )}
    </Stack>
  );
}
