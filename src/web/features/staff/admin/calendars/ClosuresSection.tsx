import { Alert, Anchor, Button, Group, Stack, Table, Text, Title, VisuallyHidden } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { api } from '../../../../api/client.ts';
import { ErrorMessage } from '../../../../ui/ErrorMessage.tsx';
import { Loading } from '../../../../ui/Loading.tsx';
import { formatLocalDate, todayIn } from '../../../../ui/local-time.ts';
import { localized } from '../../../../ui/localized.ts';
import { useTranslator } from '../../../../ui/use-translator.ts';
import type { StaffConsulate } from '../AdminScreen.tsx';
import { adminKeys, adminUrl } from '../admin-queries.ts';
import type { AdminDepartment, CalendarChange, Closure } from '../admin-types.ts';
import { AddClosureForm } from './AddClosureForm.tsx';
import { nextDate, splitClosures } from './closures.ts';
import { strandedCount } from './preview-days.ts';

/**
 * The consulate's closures: its own one-off closures to come (added here for the whole consulate
 * or one department, deleted here), and the holidays that apply, which headquarters keeps.
 */
export function ClosuresSection({
  consulate,
  departments,
}: {
  consulate: StaffConsulate;
  departments: AdminDepartment[];
}) {
  const { t } = useTranslation();
  const { locale, intl } = useTranslator();
  const queryClient = useQueryClient();
  const closures = useQuery({
    queryKey: adminKeys.closures(consulate.id),
    queryFn: async () => (await api<{ closures: Closure[] }>(adminUrl(consulate.id, 'closures'))).closures,
  });
  const [change, setChange] = useState<CalendarChange | null>(null);
  const afterChange = (answer: CalendarChange) => {
    setChange(answer);
    void queryClient.invalidateQueries({ queryKey: adminKeys.closures(consulate.id) });
    void queryClient.invalidateQueries({ queryKey: adminKeys.conflicts(consulate.id) });
  };

  const today = todayIn(consulate.timeZone);
  const { own, holidays } = splitClosures(closures.data ?? [], today);
  const where = (closure: Closure) => {
    const department = departments.find((d) => d.id === closure.departmentId);
    return department ? localized(department.name, locale) : t('staff.admin.calendars.closures.wholeConsulate');
  };
  const dateOf = (closure: Closure) => {
    const date = nextDate(closure, today);
    return date ? formatLocalDate(date, intl) : '';
  };

  return (
    <section aria-labelledby="closures-title">
      <Title order={2} size="h3" id="closures-title" mb="xs">
        {t('staff.admin.calendars.closures.title')}
      </Title>
      {change && (
        <Alert color={change.conflicts.length > 0 ? 'orange' : 'green'} role="status" mb="md">
          {change.conflicts.length > 0 ? (
            <>
              {t('staff.admin.calendars.savedConflicts', { number: strandedCount(change.conflicts) })}{' '}
              <Anchor component={Link} to="/admin/conflicts">
                {t('staff.admin.calendars.toConflicts')}
              </Anchor>
            </>
          ) : (
            t('staff.admin.calendars.closures.changedNoConflict')
          )}
        </Alert>
      )}
      {closures.isPending && <Loading />}
      <ErrorMessage error={closures.error} />
      {closures.data && (
        <Stack gap="lg">
          <div>
            <Title order={3} size="h4" id="own-closures-title" mb="xs">
              {t('staff.admin.calendars.closures.ownTitle')}
            </Title>
            {own.length === 0 ? (
              <Text>{t('staff.admin.calendars.closures.noneOwn')}</Text>
            ) : (
              <Table.ScrollContainer minWidth={560}>
                <Table aria-labelledby="own-closures-title" verticalSpacing="xs" data-testid="own-closures">
                  <Table.Thead>
                    <Table.Tr>
                      <Table.Th scope="col">{t('staff.admin.calendars.closures.date')}</Table.Th>
                      <Table.Th scope="col">{t('staff.admin.calendars.closures.where')}</Table.Th>
                      <Table.Th scope="col">{t('staff.admin.calendars.closures.name')}</Table.Th>
                      <Table.Th scope="col">{t('staff.admin.calendars.columns.actions')}</Table.Th>
                    </Table.Tr>
                  </Table.Thead>
                  <Table.Tbody>
                    {own.map((closure) => (
                      <Table.Tr key={closure.id}>
                        <Table.Td>{dateOf(closure)}</Table.Td>
                        <Table.Td>{where(closure)}</Table.Td>
                        <Table.Td>
                          <bdi>{localized(closure.name, locale)}</bdi>
                        </Table.Td>
                        <Table.Td>
                          <DeleteClosure
                            consulateId={consulate.id}
                            closure={closure}
                            what={`${dateOf(closure)} — ${localized(closure.name, locale)}`}
                            onDeleted={afterChange}
                          />
                        </Table.Td>
                      </Table.Tr>
                    ))}
                  </Table.Tbody>
                </Table>
              </Table.ScrollContainer>
            )}
          </div>
          <AddClosureForm consulate={consulate} departments={departments} today={today} onAdded={afterChange} />
          <div>
            <Title order={3} size="h4" id="holidays-title" mb="xs">
              {t('staff.admin.calendars.closures.holidaysTitle')}
            </Title>
            <Text size="sm" mb="xs">
              {t('staff.admin.calendars.closures.holidaysHelp')}
            </Text>
            <Table.ScrollContainer minWidth={480}>
              <Table aria-labelledby="holidays-title" verticalSpacing={4}>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th scope="col">{t('staff.admin.calendars.closures.date')}</Table.Th>
                    <Table.Th scope="col">{t('staff.admin.calendars.closures.name')}</Table.Th>
                    <Table.Th scope="col">{t('staff.admin.calendars.closures.kind')}</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {holidays.map((closure) => (
                    <Table.Tr key={closure.id}>
                      <Table.Td>{dateOf(closure)}</Table.Td>
                      <Table.Td>
                        <bdi>{localized(closure.name, locale)}</bdi>
                      </Table.Td>
                      <Table.Td>{t(`staff.admin.calendars.closures.scope.${closure.scope}`)}</Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
          </div>
        </Stack>
      )}
    </section>
  );
}

/** Delete, then "yes, delete" or "keep it": a closure is not removed by a single slip. */
function DeleteClosure(props: {
  consulateId: string;
  closure: Closure;
  what: string;
  onDeleted: (change: CalendarChange) => void;
}) {
  const { t } = useTranslation();
  const [isAsking, setAsking] = useState(false);
  const confirm = useRef<HTMLButtonElement>(null);
  // Asked, the question's answer takes the focus (the button pressed has gone).
  useEffect(() => {
    if (isAsking) confirm.current?.focus();
  }, [isAsking]);
  const remove = useMutation({
    mutationFn: () =>
      api<CalendarChange>(adminUrl(props.consulateId, `closures/${props.closure.id}`), { method: 'DELETE' }),
    onSuccess: props.onDeleted,
  });
  if (!isAsking) {
    return (
      <Button variant="default" size="compact-sm" onClick={() => setAsking(true)}>
        {t('staff.admin.calendars.closures.delete')}
        <VisuallyHidden> — {props.what}</VisuallyHidden>
      </Button>
    );
  }
  return (
    <Stack gap={4}>
      <Group gap="xs" wrap="nowrap">
        <Button ref={confirm} color="red" size="compact-sm" loading={remove.isPending} onClick={() => remove.mutate()}>
          {t('staff.admin.calendars.closures.confirmDelete')}
          <VisuallyHidden> — {props.what}</VisuallyHidden>
        </Button>
        <Button variant="default" size="compact-sm" onClick={() => setAsking(false)}>
          {t('staff.admin.calendars.closures.keep')}
        </Button>
      </Group>
      <ErrorMessage error={remove.error} />
    </Stack>
  );
}
