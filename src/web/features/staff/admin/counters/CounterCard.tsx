import { Badge, Button, Card, Checkbox, Group, Stack, Text, TextInput, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../../../api/client.ts';
import { ErrorMessage } from '../../../../ui/ErrorMessage.tsx';
import { ErrorSummary } from '../../../../ui/ErrorSummary.tsx';
import { formatList } from '../../../../ui/list-format.ts';
import { formatTimeIn } from '../../../../ui/local-time.ts';
import { localized } from '../../../../ui/localized.ts';
import { useFormFeedback } from '../../../../ui/use-form-feedback.ts';
import { useTranslator } from '../../../../ui/use-translator.ts';
import { useStaffMe } from '../../app/use-staff.ts';
import type { StaffConsulate } from '../AdminScreen.tsx';
import { adminKeys, adminUrl } from '../admin-queries.ts';
import type { ConsulateOffer, Counter } from '../admin-types.ts';
import { isolate } from '../bidi.ts';
import { faultSentences } from '../faults.ts';
import { counterState, labelFaults, servedServices, serviceIdsToSave } from './counters.ts';

const stateColour = { open: 'green', closed: 'gray', out_of_service: 'orange' } as const;

/** One counter: where it stands, who is at it, what it serves, and the admin's changes to it. */
export function CounterCard(props: {
  consulate: StaffConsulate;
  counter: Counter;
  counters: Counter[];
  services: ConsulateOffer[];
}) {
  const { t } = useTranslation();
  const { locale, intl } = useTranslator();
  const me = useStaffMe().data;
  const queryClient = useQueryClient();
  const { counter, consulate } = props;
  const [editing, setEditing] = useState<'none' | 'label' | 'services'>('none');
  const titleId = `counter-${counter.id}-title`;
  const state = counterState(counter);
  const served = servedServices(counter, props.services);

  const refresh = (updated: Counter) => {
    queryClient.setQueryData<Counter[]>(adminKeys.counters(consulate.id, counter.departmentId), (list) =>
      list?.map((c) => (c.id === updated.id ? updated : c)),
    );
    setEditing('none');
  };
  const setActive = useMutation({
    mutationFn: (isActive: boolean) =>
      api<Counter>(adminUrl(consulate.id, `counters/${counter.id}`), { method: 'PATCH', body: { isActive } }),
    onSuccess: refresh,
  });

  return (
    <Card
      withBorder
      padding="md"
      component="article"
      aria-labelledby={titleId}
      data-testid={`counter-${counter.label}`}
    >
      <Group justify="space-between" align="flex-start" wrap="wrap" gap="xs">
        <Title order={3} size="h4" id={titleId}>
          {t('staff.admin.counters.counterTitle', { label: isolate(counter.label) })}
        </Title>
        <Badge color={stateColour[state]} variant="light" radius="sm" tt="none" size="lg">
          {t(`staff.admin.counters.state.${state}`)}
        </Badge>
      </Group>
      <Stack gap={4} mt="xs">
        <Text size="sm">
          {counter.agentId && counter.openedAt
            ? t(counter.agentId === me?.accountId ? 'staff.admin.counters.openByYou' : 'staff.admin.counters.openBy', {
                since: formatTimeIn(counter.openedAt, consulate.timeZone, intl),
              })
            : t('staff.admin.counters.nobody')}
        </Text>
        <Text size="sm" data-testid="counter-services">
          {served.isAll
            ? t('staff.admin.counters.servesAll')
            : t('staff.admin.counters.serves', {
                list: formatList(
                  served.services.map((service) => localized(service.name, locale)),
                  intl,
                ),
              })}
        </Text>
      </Stack>
      <Group gap="xs" mt="sm" wrap="wrap">
        <Button variant="default" size="compact-md" onClick={() => setEditing(editing === 'label' ? 'none' : 'label')}>
          {t('staff.admin.counters.rename')}
        </Button>
        <Button
          variant="default"
          size="compact-md"
          onClick={() => setEditing(editing === 'services' ? 'none' : 'services')}
        >
          {t('staff.admin.counters.chooseServices')}
        </Button>
        <Button
          variant="default"
          size="compact-md"
          loading={setActive.isPending}
          onClick={() => setActive.mutate(!counter.isActive)}
        >
          {counter.isActive ? t('staff.admin.counters.takeOut') : t('staff.admin.counters.putBack')}
        </Button>
      </Group>
      <ErrorMessage error={setActive.error} />
      {editing === 'label' && (
        <RenameForm consulateId={consulate.id} counter={counter} counters={props.counters} onSaved={refresh} />
      )}
      {editing === 'services' && (
        <ServicesForm consulateId={consulate.id} counter={counter} services={props.services} onSaved={refresh} />
      )}
    </Card>
  );
}

function RenameForm(props: {
  consulateId: string;
  counter: Counter;
  counters: Counter[];
  onSaved: (c: Counter) => void;
}) {
  const { t } = useTranslation();
  const { tr } = useTranslator();
  const form = useForm<Record<string, string>>({
    initialValues: { label: props.counter.label },
    validate: (values) => faultSentences(labelFaults(values.label ?? '', props.counters, props.counter.id), tr),
  });
  const feedback = useFormFeedback(form, {
    id: `counter-${props.counter.id}`,
    fields: ['label'],
    problemFields: { COUNTER_LABEL_TAKEN: 'label' },
  });
  // The form opens for typing: its field takes the focus.
  const fieldId = feedback.idOf('label');
  useEffect(() => {
    document.getElementById(fieldId)?.focus();
  }, [fieldId]);
  const rename = useMutation({
    mutationFn: (label: string) =>
      api<Counter>(adminUrl(props.consulateId, `counters/${props.counter.id}`), { method: 'PATCH', body: { label } }),
    onSuccess: props.onSaved,
    onError: feedback.onProblem,
  });
  return (
    <Stack gap="sm" mt="md">
      <ErrorSummary {...feedback.summary} />
      <form
        noValidate
        onSubmit={form.onSubmit((values) => {
          feedback.onSubmit();
          rename.mutate((values.label ?? '').trim());
        }, feedback.onInvalid)}
      >
        <Stack gap="sm" maw={420}>
          <TextInput
            label={t('staff.admin.counters.newLabel')}
            maxLength={60}
            required
            {...feedback.inputProps('label')}
          />
          <Button type="submit" loading={rename.isPending} style={{ alignSelf: 'flex-start' }}>
            {t('staff.admin.counters.saveLabel')}
          </Button>
        </Stack>
      </form>
    </Stack>
  );
}

function ServicesForm(props: {
  consulateId: string;
  counter: Counter;
  services: ConsulateOffer[];
  onSaved: (c: Counter) => void;
}) {
  const { t } = useTranslation();
  const { locale } = useTranslator();
  const [ticked, setTicked] = useState<string[]>(props.counter.serviceIds);
  const save = useMutation({
    mutationFn: () =>
      api<Counter>(adminUrl(props.consulateId, `counters/${props.counter.id}/services`), {
        method: 'PUT',
        body: {
          serviceIds: serviceIdsToSave(
            ticked,
            props.services.map((service) => service.id),
          ),
        },
      }),
    onSuccess: props.onSaved,
  });
  return (
    <form
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        save.mutate();
      }}
    >
      <Stack gap="sm" mt="md">
        <ErrorMessage error={save.error} />
        <Checkbox.Group
          id={`counter-${props.counter.id}-services`}
          label={t('staff.admin.counters.servicesLabel', { label: isolate(props.counter.label) })}
          description={t('staff.admin.counters.servicesHelp')}
          value={ticked}
          onChange={setTicked}
        >
          <Stack gap="xs" mt="xs">
            {props.services.map((service) => (
              <Checkbox size="md" key={service.id} value={service.id} label={localized(service.name, locale)} />
            ))}
          </Stack>
        </Checkbox.Group>
        <Button type="submit" loading={save.isPending} style={{ alignSelf: 'flex-start' }}>
          {t('staff.admin.counters.saveServices')}
        </Button>
      </Stack>
    </form>
  );
}
