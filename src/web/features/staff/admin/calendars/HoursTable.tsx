import { Button, NativeSelect, Table, TextInput, VisuallyHidden } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useTranslator } from '../../../../ui/use-translator.ts';
import { cellId, type HoursColumn, type HoursRow } from './hours-table.ts';
import { weekdayName, weekdays } from './weekdays.ts';

/**
 * The weekly hours as an editable table: a row per period, a labelled input per cell (its column
 * and its row, for screen readers), the cell's fault under it, and a button to remove the row.
 */
export function HoursTable(props: {
  rows: HoursRow[];
  errors: Record<string, string>;
  labelledBy: string;
  onChange: (key: string, column: HoursColumn, value: string) => void;
  onRemove: (key: string) => void;
}) {
  const { t } = useTranslation();
  const { intl } = useTranslator();
  const columns: { column: HoursColumn; title: string }[] = [
    { column: 'weekday', title: t('staff.admin.calendars.columns.weekday') },
    { column: 'opensAt', title: t('staff.admin.calendars.columns.opensAt') },
    { column: 'closesAt', title: t('staff.admin.calendars.columns.closesAt') },
    { column: 'slotMinutes', title: t('staff.admin.calendars.columns.slotMinutes') },
    { column: 'capacity', title: t('staff.admin.calendars.columns.capacity') },
    { column: 'validFrom', title: t('staff.admin.calendars.columns.validFrom') },
    { column: 'validTo', title: t('staff.admin.calendars.columns.validTo') },
  ];
  const weekdayOptions = weekdays.map((day) => ({ value: String(day), label: weekdayName(day, intl) }));
  const rowName = (row: HoursRow, index: number) =>
    t('staff.admin.calendars.rowName', {
      number: index + 1,
      weekday: weekdayOptions.find((option) => option.value === row.weekday)?.label ?? '',
    });

  return (
    <Table.ScrollContainer minWidth={980}>
      <Table aria-labelledby={props.labelledBy} verticalSpacing="xs" data-testid="hours-table">
        <Table.Thead>
          <Table.Tr>
            {columns.map(({ column, title }) => (
              <Table.Th key={column} scope="col">
                {title}
              </Table.Th>
            ))}
            <Table.Th scope="col">
              <VisuallyHidden>{t('staff.admin.calendars.columns.actions')}</VisuallyHidden>
            </Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {props.rows.map((row, index) => {
            const name = rowName(row, index);
            const cell = (column: HoursColumn, title: string) => ({
              id: cellId(row.key, column),
              'aria-label': `${title} — ${name}`,
              value: row[column],
              error: props.errors[cellId(row.key, column)],
              onChange: (event: { currentTarget: { value: string } }) =>
                props.onChange(row.key, column, event.currentTarget.value),
            });
            const title = (column: HoursColumn) => columns.find((c) => c.column === column)?.title ?? column;
            return (
              <Table.Tr key={row.key} data-testid="hours-row">
                <Table.Td>
                  <NativeSelect {...cell('weekday', title('weekday'))} data={weekdayOptions} />
                </Table.Td>
                <Table.Td>
                  <TextInput type="time" {...cell('opensAt', title('opensAt'))} />
                </Table.Td>
                <Table.Td>
                  <TextInput type="time" {...cell('closesAt', title('closesAt'))} />
                </Table.Td>
                <Table.Td>
                  <TextInput inputMode="numeric" w={90} {...cell('slotMinutes', title('slotMinutes'))} />
                </Table.Td>
                <Table.Td>
                  <TextInput inputMode="numeric" w={90} {...cell('capacity', title('capacity'))} />
                </Table.Td>
                <Table.Td>
                  <TextInput type="date" {...cell('validFrom', title('validFrom'))} />
                </Table.Td>
                <Table.Td>
                  <TextInput type="date" {...cell('validTo', title('validTo'))} />
                </Table.Td>
                <Table.Td>
                  <Button variant="default" size="compact-sm" onClick={() => props.onRemove(row.key)}>
                    {t('staff.admin.calendars.remove')}
                    <VisuallyHidden> — {name}</VisuallyHidden>
                  </Button>
                </Table.Td>
              </Table.Tr>
            );
          })}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
