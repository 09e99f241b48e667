import { Alert, Button, Card, Checkbox, Stack, Text, TextInput, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../../../api/client.ts';
import { ErrorMessage } from '../../../../ui/ErrorMessage.tsx';
import { ErrorSummary } from '../../../../ui/ErrorSummary.tsx';
import { Loading } from '../../../../ui/Loading.tsx';
import { localized } from '../../../../ui/localized.ts';
import { PageTitle } from '../../../../ui/PageTitle.tsx';
import { useFormFeedback } from '../../../../ui/use-form-feedback.ts';
import { useTranslator } from '../../../../ui/use-translator.ts';
import { AdminScreen, type StaffConsulate } from '../AdminScreen.tsx';
import { adminKeys, adminUrl, useAdminDepartments, useAdminServices } from '../admin-queries.ts';
import type { ConsulateOffer, WaitingRoom } from '../admin-types.ts';
import { faultSentences } from '../faults.ts';
import {
  capacityBody,
  capacityFaults,
  capacityText,
  servicesByDepartment,
  walkInChanges,
  withGroupTicked,
} from './floor-settings.ts';

/** Floor settings: which services the desk may give a ticket without an appointment, and the waiting room's size. */
export function FloorSettingsPage() {
  const { t } = useTranslation();
  return (
    <Stack gap="lg">
      <div>
        <PageTitle documentTitle={t('staff.admin.floor.title')}>{t('staff.admin.floor.title')}</PageTitle>
        <Text>{t('staff.admin.floor.intro')}</Text>
      </div>
      <AdminScreen>
        {(consulate) => (
          <>
            <WalkIns consulate={consulate} />
            <WaitingRoomForm consulate={consulate} />
          </>
        )}
      </AdminScreen>
    </Stack>
  );
}

function WalkIns({ consulate }: { consulate: StaffConsulate }) {
  const services = useAdminServices(consulate.id);
  const departments = useAdminDepartments(consulate.id);
  if (services.isPending || departments.isPending) return <Loading />;
  if (services.isError || departments.isError) return <ErrorMessage error={services.error ?? departments.error} />;
  // The boxes start from what the API says; after a save they already say what it now holds.
  return <WalkInsForm consulateId={consulate.id} services={services.data} departments={departments.data} />;
}

function WalkInsForm(props: {
  consulateId: string;
  services: ConsulateOffer[];
  departments: Parameters<typeof servicesByDepartment>[1];
}) {
  const { t } = useTranslation();
  const { locale } = useTranslator();
  const queryClient = useQueryClient();
  const [ticked, setTicked] = useState<Set<string>>(
    () => new Set(props.services.filter((service) => service.acceptsWalkIns).map((service) => service.id)),
  );
  const [saved, setSaved] = useState<number | null>(null);
  const save = useMutation({
    // One change per service; stops at the first refusal (those before it are kept, and shown once read again).
    mutationFn: async (changes: ReturnType<typeof walkInChanges>) => {
      for (const change of changes) {
        await api(adminUrl(props.consulateId, `services/${change.serviceId}`), {
          method: 'PATCH',
          body: { acceptsWalkIns: change.acceptsWalkIns },
        });
      }
      return changes.length;
    },
    onSuccess: (count) => setSaved(count),
    onSettled: () => void queryClient.invalidateQueries({ queryKey: adminKeys.services(props.consulateId) }),
  });
  const groups = servicesByDepartment(props.services, props.departments);

  return (
    <Card withBorder padding="lg" component="section" aria-labelledby="walk-ins-title">
      <Title order={2} size="h3" id="walk-ins-title" mb="xs">
        {t('staff.admin.floor.walkInsTitle')}
      </Title>
      <Text size="sm" mb="md">
        {t('staff.admin.floor.walkInsHelp')}
      </Text>
      {saved !== null && (
        <Alert color="green" variant="light" role="status" mb="md" data-testid="walk-ins-saved">
          {saved === 0
            ? t('staff.admin.floor.walkInsUnchanged')
            : t('staff.admin.floor.walkInsSaved', { number: saved })}
        </Alert>
      )}
      <ErrorMessage error={save.error} />
      <form
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          setSaved(null);
          save.mutate(walkInChanges(props.services, ticked));
        }}
      >
        <Stack gap="md">
          {groups.map((group) => (
            <Checkbox.Group
              key={group.departmentId}
              label={localized(group.name, locale)}
              value={group.services.filter((service) => ticked.has(service.id)).map((service) => service.id)}
              onChange={(values) =>
                setTicked(
                  withGroupTicked(
                    ticked,
                    group.services.map((service) => service.id),
                    values,
                  ),
                )
              }
            >
              <Stack gap="xs" mt="xs">
                {group.services.map((service) => (
                  <Checkbox
                    size="md"
                    key={service.id}
                    value={service.id}
                    label={localized(service.name, locale)}
                    description={service.isEnabled ? undefined : t('staff.admin.floor.notOffered')}
                  />
                ))}
              </Stack>
            </Checkbox.Group>
          ))}
          <Button type="submit" loading={save.isPending} style={{ alignSelf: 'flex-start' }}>
            {t('staff.admin.floor.saveWalkIns')}
          </Button>
        </Stack>
      </form>
    </Card>
  );
}

function WaitingRoomForm({ consulate }: { consulate: StaffConsulate }) {
  const room = useQuery({
    queryKey: adminKeys.waitingRoom(consulate.id),
    queryFn: () => api<WaitingRoom>(adminUrl(consulate.id, 'waiting-room')),
  });
  if (room.isPending) return <Loading />;
  if (room.isError) return <ErrorMessage error={room.error} />;
  return <CapacityForm consulateId={consulate.id} capacity={room.data.capacity} />;
}

function CapacityForm(props: { consulateId: string; capacity: number | null }) {
  const { t } = useTranslation();
  const { tr } = useTranslator();
  const queryClient = useQueryClient();
  const [saved, setSaved] = useState<WaitingRoom | null>(null);
  const form = useForm<Record<string, string>>({
    initialValues: { capacity: capacityText(props.capacity) },
    validate: (values) => faultSentences(capacityFaults({ capacity: values.capacity ?? '' }), tr),
  });
  const feedback = useFormFeedback(form, { id: 'waiting-room', fields: ['capacity'] });
  const save = useMutation({
    mutationFn: (values: Record<string, string>) =>
      api<WaitingRoom>(adminUrl(props.consulateId, 'waiting-room'), {
        method: 'PUT',
        body: capacityBody({ capacity: values.capacity ?? '' }),
      }),
    onSuccess: (answer) => {
      setSaved(answer);
      queryClient.setQueryData(adminKeys.waitingRoom(props.consulateId), answer);
    },
    onError: feedback.onProblem,
  });
  return (
    <Card withBorder padding="lg" component="section" aria-labelledby="waiting-room-title">
      <ErrorSummary {...feedback.summary} />
      <Title order={2} size="h3" id="waiting-room-title" mb="xs">
        {t('staff.admin.floor.roomTitle')}
      </Title>
      {saved && (
        <Alert color="green" variant="light" role="status" mb="md">
          {saved.capacity === null
            ? t('staff.admin.floor.roomCleared')
            : t('staff.admin.floor.roomSaved', { number: saved.capacity })}
        </Alert>
      )}
      <form
        noValidate
        onSubmit={form.onSubmit((values) => {
          feedback.onSubmit();
          setSaved(null);
          save.mutate(values);
        }, feedback.onInvalid)}
      >
        <Stack gap="sm" maw={420}>
          <TextInput
            label={t('staff.admin.floor.capacityLabel')}
            description={t('staff.admin.floor.capacityHelp')}
            inputMode="numeric"
            {...feedback.inputProps('capacity')}
          />
          <Button type="submit" loading={save.isPending} style={{ alignSelf: 'flex-start' }}>
            {t('staff.admin.floor.saveRoom')}
          </Button>
        </Stack>
      </form>
    </Card>
  );
}
