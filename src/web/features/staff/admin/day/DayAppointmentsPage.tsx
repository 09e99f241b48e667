import './day-print.css';
import { Anchor, Badge, Group, Stack, Table, Text, TextInput } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { api } from '../../../../api/client.ts';
import { ErrorMessage } from '../../../../ui/ErrorMessage.tsx';
import { DownloadIcon } from '../../../../ui/icons.tsx';
import { Loading } from '../../../../ui/Loading.tsx';
import { formatLocalDate, formatTimeIn, todayIn } from '../../../../ui/local-time.ts';
import { localized } from '../../../../ui/localized.ts';
import { PageTitle } from '../../../../ui/PageTitle.tsx';
import { useTranslator } from '../../../../ui/use-translator.ts';
import { useZoneLabel } from '../../../../ui/use-zone-label.ts';
import { useStaffMe } from '../../app/use-staff.ts';
import { AdminScreen, type StaffConsulate } from '../AdminScreen.tsx';
import { adminKeys, useAdminDepartments, useAdminServices } from '../admin-queries.ts';
import type { DayAppointment } from '../admin-types.ts';
import { DepartmentSelect } from '../DepartmentSelect.tsx';
import {
  activeCount,
  dayFilters,
  dayListUrl,
  daySheetUrl,
  departmentsSeen,
  hasNames,
  inDayOrder,
  namesOf,
} from './day-list.ts';

// Colours repeat the words (never the only cue), as on the citizen's side.
const statusColour: Record<string, string> = {
  booked: 'green',
  checked_in: 'blue',
  called: 'blue',
  served: 'teal',
  not_served: 'orange',
  no_show: 'red',
  cancelled_by_citizen: 'gray',
  cancelled_by_consulate: 'gray',
};

/**
 * The day's appointments at the consulate: a date (today there by default) and a department,
 * the list in the consulate's local time, and the same list as a PDF to print; the page prints
 * on its own too.
 */
export function DayAppointmentsPage() {
  return <AdminScreen>{(consulate) => <DayList consulate={consulate} />}</AdminScreen>;
}

function DayList({ consulate }: { consulate: StaffConsulate }) {
  const { t } = useTranslation();
  const { locale, intl } = useTranslator();
  const zone = useZoneLabel(consulate.timeZone);
  const me = useStaffMe().data;
  const [params, setParams] = useSearchParams();
  const filters = dayFilters(params, todayIn(consulate.timeZone));
  const departments = useAdminDepartments(consulate.id);
  const services = useAdminServices(consulate.id);
  const day = useQuery({
    queryKey: adminKeys.day(consulate.id, filters.date, filters.departmentId),
    queryFn: async () =>
      (await api<{ appointments: DayAppointment[] }>(dayListUrl(consulate.id, filters))).appointments,
  });
  const setFilter = (name: 'date' | 'department', value: string) => {
    const next = new URLSearchParams(params);
    if (value) next.set(name, value);
    else next.delete(name);
    setParams(next, { replace: true });
  };
  const appointments = inDayOrder(day.data ?? []);
  const showNames = hasNames(appointments);
  const nameOf = <T extends { id: string; name: Parameters<typeof localized>[0] }>(
    list: T[] | undefined,
    id: string,
  ) => {
    const found = list?.find((item) => item.id === id);
    return found ? localized(found.name, locale) : '';
  };
  const visibleDepartments = departmentsSeen(departments.data ?? [], me);
  // The department chosen is in the title: a printed page says which list it is.
  const departmentName = filters.departmentId ? nameOf(departments.data, filters.departmentId) : '';
  const date = formatLocalDate(filters.date, intl);
  const title = departmentName
    ? t('staff.admin.day.titleOfDepartment', { date, department: departmentName })
    : t('staff.admin.day.titleOf', { date });

  return (
    <Stack gap="md" className="day-sheet">
      <PageTitle documentTitle={title}>{title}</PageTitle>
      <Group className="day-controls" gap="md" align="flex-end" wrap="wrap">
        <TextInput
          id="day-date"
          type="date"
          label={t('staff.admin.day.date')}
          value={filters.date}
          onChange={(event) => setFilter('date', event.currentTarget.value)}
        />
        {visibleDepartments.length > 0 && (
          <DepartmentSelect
            id="day-department"
            departments={visibleDepartments}
            value={filters.departmentId}
            onChange={(id) => setFilter('department', id)}
            allLabel={t('staff.admin.common.allDepartments')}
          />
        )}
        <Anchor
          href={daySheetUrl(consulate.id, { ...filters, lang: locale })}
          target="_blank"
          rel="noopener"
          data-testid="day-pdf"
        >
          <Group gap={4} component="span">
            <DownloadIcon size={16} />
            {t('staff.admin.day.print')}
          </Group>
        </Anchor>
      </Group>
      <Text size="sm">{zone.note}</Text>
      {day.isPending && <Loading />}
      <ErrorMessage error={day.error} />
      {day.data && appointments.length === 0 && <Text data-testid="day-empty">{t('staff.admin.day.none')}</Text>}
      {appointments.length > 0 && (
        <>
          <Text>{t('staff.admin.day.count', { number: activeCount(appointments), all: appointments.length })}</Text>
          <Table.ScrollContainer minWidth={760}>
            <Table verticalSpacing="xs" striped aria-label={title} data-testid="day-table">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col">{t('staff.admin.day.columns.time')}</Table.Th>
                  <Table.Th scope="col">{t('staff.admin.day.columns.reference')}</Table.Th>
                  {showNames && <Table.Th scope="col">{t('staff.admin.day.columns.nameLatin')}</Table.Th>}
                  {showNames && <Table.Th scope="col">{t('staff.admin.day.columns.nameArabic')}</Table.Th>}
                  <Table.Th scope="col">{t('staff.admin.day.columns.service')}</Table.Th>
                  {!filters.departmentId && <Table.Th scope="col">{t('staff.admin.day.columns.department')}</Table.Th>}
                  <Table.Th scope="col">{t('staff.admin.day.columns.status')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {appointments.map((appointment) => {
                  const names = namesOf(appointment.person);
                  return (
                    <Table.Tr key={appointment.id} data-testid={`day-${appointment.reference}`}>
                      <Table.Td>
                        <bdi>{formatTimeIn(appointment.startsAt, consulate.timeZone, intl)}</bdi>
                      </Table.Td>
                      <Table.Td>
                        <bdi>{appointment.reference}</bdi>
                      </Table.Td>
                      {showNames && (
                        <Table.Td>
                          <bdi>{names?.latin ?? ''}</bdi>
                        </Table.Td>
                      )}
                      {showNames && (
                        <Table.Td lang="ar" dir="rtl">
                          {names?.arabic ?? ''}
                        </Table.Td>
                      )}
                      <Table.Td>{nameOf(services.data, appointment.serviceId)}</Table.Td>
                      {!filters.departmentId && (
                        <Table.Td>{nameOf(departments.data, appointment.departmentId)}</Table.Td>
                      )}
                      <Table.Td>
                        <Badge color={statusColour[appointment.status] ?? 'gray'} variant="light" radius="sm" tt="none">
                          {t(`staff.admin.status.${appointment.status}`)}
                        </Badge>
                      </Table.Td>
                    </Table.Tr>
                  );
                })}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        </>
      )}
    </Stack>
  );
}
