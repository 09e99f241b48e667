import { Anchor, Checkbox, Table, VisuallyHidden } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { formatLocalDate, formatTimeIn } from '../../../../ui/local-time.ts';
import { localized } from '../../../../ui/localized.ts';
import { useTranslator } from '../../../../ui/use-translator.ts';
import type { AdminDepartment, ConsulateOffer } from '../admin-types.ts';
import { isolate } from '../bidi.ts';
import { localDateOf } from '../calendars/preview-days.ts';
import { hasNames, namesOf } from '../day/day-list.ts';
import { stepPath } from './conflict-steps.ts';
import { allOrNone, selectionState, toggled } from './selection.ts';
import type { StrandedAppointment } from './stranded.ts';

/** The stranded appointments, one per row, each with a box to tick and a way to move it alone. */
export function StrandedTable(props: {
  lines: StrandedAppointment[];
  timeZone: string;
  departments: readonly AdminDepartment[];
  services: readonly ConsulateOffer[];
  selected: ReadonlySet<string>;
  onSelect: (selected: Set<string>) => void;
  labelledBy: string;
}) {
  const { t } = useTranslation();
  const { locale, intl } = useTranslator();
  const ids = props.lines.map((line) => line.appointmentId);
  const state = selectionState(props.selected, ids);
  // The people's names, when the API gives them with the day's appointments.
  const showNames = hasNames(props.lines.flatMap((line) => (line.appointment ? [line.appointment] : [])));
  const when = (line: StrandedAppointment) =>
    `${formatLocalDate(localDateOf(line.startsAt, props.timeZone), intl, 'medium')} ${formatTimeIn(line.startsAt, props.timeZone, intl)}`;
  const nameOf = <T extends { id: string; name: Parameters<typeof localized>[0] }>(list: readonly T[], id?: string) => {
    const found = list.find((item) => item.id === id);
    return found ? localized(found.name, locale) : '';
  };

  return (
    <Table.ScrollContainer minWidth={880}>
      <Table aria-labelledby={props.labelledBy} verticalSpacing="xs" highlightOnHover data-testid="stranded-table">
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col" w={48}>
              <Checkbox
                size="md"
                id="conflicts-select-all"
                aria-label={t('staff.admin.conflicts.selectAll')}
                checked={state === 'all'}
                indeterminate={state === 'some'}
                onChange={() => props.onSelect(allOrNone(props.selected, ids))}
              />
            </Table.Th>
            <Table.Th scope="col">{t('staff.admin.conflicts.columns.when')}</Table.Th>
            <Table.Th scope="col">{t('staff.admin.conflicts.columns.reference')}</Table.Th>
            {showNames && <Table.Th scope="col">{t('staff.admin.conflicts.columns.person')}</Table.Th>}
            <Table.Th scope="col">{t('staff.admin.conflicts.columns.department')}</Table.Th>
            <Table.Th scope="col">{t('staff.admin.conflicts.columns.service')}</Table.Th>
            <Table.Th scope="col">{t('staff.admin.conflicts.columns.why')}</Table.Th>
            <Table.Th scope="col">{t('staff.admin.conflicts.columns.move')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {props.lines.map((line) => {
            const reference = line.appointment?.reference ?? '';
            const names = namesOf(line.appointment?.person);
            return (
              <Table.Tr key={line.appointmentId} data-testid={`stranded-${reference || line.appointmentId}`}>
                <Table.Td>
                  <Checkbox
                    size="md"
                    aria-label={t('staff.admin.conflicts.select', { reference: isolate(reference), when: when(line) })}
                    checked={props.selected.has(line.appointmentId)}
                    onChange={() => props.onSelect(toggled(props.selected, line.appointmentId))}
                  />
                </Table.Td>
                <Table.Td>
                  <bdi>{when(line)}</bdi>
                </Table.Td>
                <Table.Td>
                  <bdi>{reference}</bdi>
                </Table.Td>
                {showNames && (
                  <Table.Td>
                    {names && <bdi>{names.latin}</bdi>}
                    {names?.arabic && (
                      <>
                        <br />
                        <bdi lang="ar">{names.arabic}</bdi>
                      </>
                    )}
                  </Table.Td>
                )}
                <Table.Td>{nameOf(props.departments, line.appointment?.departmentId)}</Table.Td>
                <Table.Td>{nameOf(props.services, line.appointment?.serviceId)}</Table.Td>
                <Table.Td>
                  {t(`staff.admin.conflicts.reason.${line.reason}`, {
                    booked: line.booked,
                    capacity: line.plannedCapacity,
                  })}
                </Table.Td>
                <Table.Td>
                  {line.appointment && (
                    <Anchor component={Link} to={stepPath('move', line.appointmentId)}>
                      {t('staff.admin.conflicts.moveOne')}
                      <VisuallyHidden> {reference}</VisuallyHidden>
                    </Anchor>
                  )}
                </Table.Td>
              </Table.Tr>
            );
          })}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
