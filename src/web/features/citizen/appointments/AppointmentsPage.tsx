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
import { groupAppointments } from './appointment-groups.ts';

const listStyle = { listStyle: 'none', padding: 0, margin: 0 };

/** The citizen's appointments and their relatives': coming ones first, then cancelled, then past. */
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
  const { upcoming, cancelled, past } = groupAppointments(appointments.data ?? [], new Date());
  const personOf = (id: string) => me.data?.persons.find((p) => p.id === id);
  // The appointment just booked or moved on the previous page says so.
  const noticeOf = (id: string) => {
    if (id !== justBooked) return undefined;
    return arrival?.wasMoved ? ('moved' as const) : ('booked' as const);
  };
  const groups = [
    { id: 'cancelled', title: t('appointments.cancelled'), list: cancelled },
    { id: 'past', title: t('appointments.past'), list: past },
  ];

  return (
    <Stack gap="lg">
      <PageTitle documentTitle={t('appointments.title')}>{t('appointments.title')}</PageTitle>
      {appointments.isPending && <Loading />}
      <ErrorMessage error={appointments.error} />
      {appointments.data && (
        <section aria-labelledby="upcoming-title">
          <Title order={2} size="h3" id="upcoming-title" mb="sm">
            {t('appointments.upcoming')}
          </Title>
          {upcoming.length === 0 ? (
            <Card withBorder padding="lg">
              <Text mb="sm">{t('appointments.none')}</Text>
              <Anchor component={Link} to="/requests">
                {t('appointments.fromRequests')}
              </Anchor>
            </Card>
          ) : (
            <Stack gap="md" component="ul" style={listStyle}>
              {upcoming.map((a) => (
                <AppointmentCard key={a.id} appointment={a} person={personOf(a.personId)} notice={noticeOf(a.id)} />
              ))}
            </Stack>
          )}
        </section>
      )}
      {groups
        .filter((group) => group.list.length > 0)
        .map((group) => (
          <section aria-labelledby={`${group.id}-title`} key={group.id} data-testid={`appointments-${group.id}`}>
            <Title order={2} size="h3" id={`${group.id}-title`} mb="sm">
              {group.title}
            </Title>
            <Stack gap="md" component="ul" style={listStyle}>
              {group.list.map((a) => (
                <AppointmentCard key={a.id} appointment={a} person={personOf(a.personId)} />
              ))}
            </Stack>
          </section>
        ))}
    </Stack>
  );
}
