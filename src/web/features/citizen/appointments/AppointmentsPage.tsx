import { Anchor, Card, Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, useLocation } from 'react-router';
import { api } from '../../../api/client.ts';
import { useMe } from '../../../api/queries.ts';
import type { Appointment } from '../../../api/types.ts';
import { ErrorMessage } from '../../../ui/ErrorMessage.tsx';
import { Loading } from '../../../ui/Loading.tsx';
import { PageTitle } from '../../../ui/PageTitle.tsx';
import { AppointmentCard } from './AppointmentCard.tsx';

const upcomingStatuses = new Set(['booked', 'checked_in']);

/** The citizen's appointments and their relatives': coming ones first, then the past. */
export function AppointmentsPage() {
  const { t } = useTranslation();
  const me = useMe();
  const location = useLocation();
  const arrival = location.state as { justBooked?: string; wasMoved?: boolean } | null;
  const justBooked = arrival?.justBooked;
  const appointments = useQuery({
    queryKey: ['appointments'],
    queryFn: async () => (await api<{ appointments: Appointment[] }>('/api/v1/appointments')).appointments,
  });
  const all = [...(appointments.data ?? [])].sort((x, y) => x.startsAt.localeCompare(y.startsAt));
  const upcoming = all.filter((a) => upcomingStatuses.has(a.status));
  const past = all.filter((a) => !upcomingStatuses.has(a.status)).reverse();
  const personOf = (id: string) => me.data?.persons.find((p) => p.id === id);
  // The appointment just booked or moved on the previous page says so.
  const noticeOf = (id: string) => {
    if (id !== justBooked) return undefined;
    return arrival?.wasMoved ? ('moved' as const) : ('booked' as const);
  };

  return (
    <Stack gap="lg">
      <PageTitle documentTitle={t('appointments.title')}>{t('appointments.title')}</PageTitle>
      {appointments.isPending && <Loading />}
      <ErrorMessage error={appointments.error} />
      {appointments.data && upcoming.length === 0 && (
        <Card withBorder padding="lg">
          <Text mb="sm">{t('appointments.none')}</Text>
          <Anchor component={Link} to="/requests">
            {t('appointments.fromRequests')}
          </Anchor>
        </Card>
      )}
      {upcoming.length > 0 && (
        <Stack gap="md" component="ul" style={{ listStyle: 'none', padding: 0, margin: 0 }}>
          {upcoming.map((a) => (
            <AppointmentCard key={a.id} appointment={a} person={personOf(a.personId)} notice={noticeOf(a.id)} />
          ))}
        </Stack>
      )}
      {past.length > 0 && (
        <section aria-labelledby="past-title">
          <Title order={2} size="h3" id="past-title" mb="sm">
            {t('appointments.past')}
          </Title>
          <Stack gap="md" component="ul" style={{ listStyle: 'none', padding: 0, margin: 0 }}>
            {past.map((a) => (
              <AppointmentCard key={a.id} appointment={a} person={personOf(a.personId)} />
            ))}
          </Stack>
        </section>
      )}
    </Stack>
  );
}
