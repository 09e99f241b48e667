import { Button, Card, Stack, Text, TextInput, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { api } from '../../../../api/client.ts';
import { ErrorMessage } from '../../../../ui/ErrorMessage.tsx';
import { ErrorSummary } from '../../../../ui/ErrorSummary.tsx';
import { Loading } from '../../../../ui/Loading.tsx';
import { PageTitle } from '../../../../ui/PageTitle.tsx';
import { useFormFeedback } from '../../../../ui/use-form-feedback.ts';
import { useTranslator } from '../../../../ui/use-translator.ts';
import { AdminScreen, type StaffConsulate } from '../AdminScreen.tsx';
import { adminKeys, adminUrl, useAdminDepartments, useAdminServices } from '../admin-queries.ts';
import type { Counter } from '../admin-types.ts';
import { isolate } from '../bidi.ts';
import { DepartmentSelect } from '../DepartmentSelect.tsx';
import { faultSentences } from '../faults.ts';
import { CounterCard } from './CounterCard.tsx';
import { inLabelOrder, labelFaults } from './counters.ts';

/** Counters, per department: add one, rename it, put it in or out of service, choose its services. */
export function CountersPage() {
  const { t } = useTranslation();
  return (
    <Stack gap="lg">
      <div>
        <PageTitle documentTitle={t('staff.admin.counters.title')}>{t('staff.admin.counters.title')}</PageTitle>
        <Text>{t('staff.admin.counters.intro')}</Text>
      </div>
      <AdminScreen>{(consulate) => <Counters consulate={consulate} />}</AdminScreen>
    </Stack>
  );
}

function Counters({ consulate }: { consulate: StaffConsulate }) {
  const { t } = useTranslation();
  const departments = useAdminDepartments(consulate.id);
  const services = useAdminServices(consulate.id);
  const [params, setParams] = useSearchParams();
  const department = departments.data?.find((d) => d.id === params.get('department')) ?? departments.data?.[0];
  const counters = useQuery({
    queryKey: adminKeys.counters(consulate.id, department?.id ?? ''),
    queryFn: async () =>
      (await api<{ counters: Counter[] }>(adminUrl(consulate.id, `counters?departmentId=${department?.id}`))).counters,
    enabled: Boolean(department),
  });

  if (departments.isPending) return <Loading />;
  if (departments.isError) return <ErrorMessage error={departments.error} />;
  if (!department) return <Text>{t('staff.admin.common.noDepartment')}</Text>;
  const departmentServices = (services.data ?? []).filter((service) => service.departmentId === department.id);
  const list = inLabelOrder(counters.data ?? []);

  return (
    <Stack gap="lg">
      <DepartmentSelect
        id="counters-department"
        departments={departments.data}
        value={department.id}
        onChange={(id) => setParams({ department: id }, { replace: true })}
      />
      <section aria-labelledby="counters-list-title">
        <Title order={2} size="h3" id="counters-list-title" mb="sm">
          {t('staff.admin.counters.listTitle')}
        </Title>
        {counters.isPending && <Loading />}
        <ErrorMessage error={counters.error} />
        {counters.data && list.length === 0 && <Text>{t('staff.admin.counters.none')}</Text>}
        <Stack gap="md">
          {list.map((counter) => (
            <CounterCard
              key={counter.id}
              consulate={consulate}
              counter={counter}
              counters={list}
              services={departmentServices}
            />
          ))}
        </Stack>
      </section>
      <AddCounter consulateId={consulate.id} departmentId={department.id} counters={list} />
    </Stack>
  );
}

function AddCounter(props: { consulateId: string; departmentId: string; counters: Counter[] }) {
  const { t } = useTranslation();
  const { tr } = useTranslator();
  const queryClient = useQueryClient();
  const [added, setAdded] = useState<string | null>(null);
  const form = useForm<Record<string, string>>({
    initialValues: { label: '' },
    validate: (values) => faultSentences(labelFaults(values.label ?? '', props.counters), tr),
  });
  const feedback = useFormFeedback(form, {
    id: 'new-counter',
    fields: ['label'],
    problemFields: { COUNTER_LABEL_TAKEN: 'label' },
  });
  const create = useMutation({
    mutationFn: (label: string) =>
      api<Counter>(adminUrl(props.consulateId, 'counters'), {
        method: 'POST',
        body: { departmentId: props.departmentId, label },
      }),
    onSuccess: (counter) => {
      setAdded(counter.label);
      form.reset();
      void queryClient.invalidateQueries({ queryKey: adminKeys.counters(props.consulateId, props.departmentId) });
    },
    onError: feedback.onProblem,
  });
  return (
    <Card withBorder padding="lg" component="section" aria-labelledby="new-counter-title">
      <ErrorSummary {...feedback.summary} />
      <Title order={2} size="h3" id="new-counter-title" mb="xs">
        {t('staff.admin.counters.addTitle')}
      </Title>
      {added && (
        <Text role="status" mb="sm" data-testid="counter-added">
          {t('staff.admin.counters.added', { label: isolate(added) })}
        </Text>
      )}
      <form
        noValidate
        onSubmit={form.onSubmit((values) => {
          feedback.onSubmit();
          setAdded(null);
          create.mutate((values.label ?? '').trim());
        }, feedback.onInvalid)}
      >
        <Stack gap="sm" maw={420}>
          <TextInput
            label={t('staff.admin.counters.label')}
            description={t('staff.admin.counters.labelHelp')}
            maxLength={60}
            required
            {...feedback.inputProps('label')}
          />
          <Button type="submit" loading={create.isPending} style={{ alignSelf: 'flex-start' }}>
            {t('staff.admin.counters.add')}
          </Button>
        </Stack>
      </form>
    </Card>
  );
}
