import { Alert, Anchor, Button, Group, NativeSelect, Stack, Text, Title } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { api } from '../../../../api/client.ts';
import { ErrorSummary } from '../../../../ui/ErrorSummary.tsx';
import { summaryItems } from '../../../../ui/form-feedback.ts';
import { todayIn } from '../../../../ui/local-time.ts';
import { problemMessage } from '../../../../ui/problem-message.ts';
import { useTranslator } from '../../../../ui/use-translator.ts';
import type { StaffConsulate } from '../AdminScreen.tsx';
import { adminKeys, adminUrl } from '../admin-queries.ts';
import type { AdminDepartment, CalendarChange, HoursPreview, HoursRule } from '../admin-types.ts';
import { faultSentences } from '../faults.ts';
import { HoursTable } from './HoursTable.tsx';
import {
  apiHoursFaults,
  cellId,
  cellOrder,
  type HoursRow,
  hoursFaults,
  isUnchanged,
  MAX_ROWS,
  newRow,
  rowsFromRules,
  rulesFromRows,
} from './hours-table.ts';
import { PreviewResult } from './PreviewResult.tsx';
import { strandedCount } from './preview-days.ts';
import { StrandedList } from './StrandedList.tsx';

const previewWindows = ['7', '14', '28'];

/**
 * A department's weekly hours: edit the table, preview what it would give (the slots of the next
 * days and the booked appointments it would strand), then save it and see the conflicts left.
 */
export function HoursEditor({ consulate, department }: { consulate: StaffConsulate; department: AdminDepartment }) {
  const { t } = useTranslation();
  const { tr } = useTranslator();
  const queryClient = useQueryClient();
  const keyCount = useRef(0);
  const newKey = () => {
    keyCount.current += 1;
    return `p${keyCount.current}`;
  };
  const [rows, setRows] = useState<HoursRow[]>(() => rowsFromRules(department.hours, newKey));
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [general, setGeneral] = useState<string | null>(null);
  const [attempt, setAttempt] = useState(0);
  const [days, setDays] = useState('14');
  const [focusTarget, setFocusTarget] = useState<string | null>(null);
  const addButton = useRef<HTMLButtonElement>(null);

  const refused = (error: unknown) => {
    const cells = faultSentences(apiHoursFaults(error, rows), tr);
    setErrors(cells);
    setGeneral(Object.keys(cells).length > 0 ? null : problemMessage(error, tr));
    setAttempt((n) => n + 1);
  };
  const preview = useMutation({
    mutationFn: (hours: HoursRule[]) =>
      api<HoursPreview>(adminUrl(consulate.id, `departments/${department.id}/opening-hours/preview?days=${days}`), {
        method: 'POST',
        body: { hours },
      }),
    onError: refused,
  });
  const save = useMutation({
    mutationFn: (hours: HoursRule[]) =>
      api<CalendarChange>(adminUrl(consulate.id, `departments/${department.id}/opening-hours`), {
        method: 'PUT',
        body: { hours },
      }),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: adminKeys.departments(consulate.id) });
      void queryClient.invalidateQueries({ queryKey: adminKeys.conflicts(consulate.id) });
    },
    onError: refused,
  });

  // A new row's first cell takes the focus; a removed row gives it to "Add a period".
  useEffect(() => {
    if (!focusTarget) return;
    (focusTarget === 'add' ? addButton.current : document.getElementById(focusTarget))?.focus();
    setFocusTarget(null);
  }, [focusTarget]);

  /** Any edit makes the last preview and the last save's answer stale. */
  const edited = (next: HoursRow[]) => {
    setRows(next);
    preview.reset();
    save.reset();
  };

  /** The rules to send, or null once the faults are said. */
  const checked = (): HoursRule[] | null => {
    const faults = hoursFaults(rows);
    setErrors(faultSentences(faults, tr));
    setGeneral(null);
    if (Object.keys(faults).length > 0) {
      setAttempt((n) => n + 1);
      return null;
    }
    return rulesFromRows(rows);
  };

  const onPreview = () => {
    const hours = checked();
    if (hours) preview.mutate(hours);
  };
  const onSave = () => {
    const hours = checked();
    if (!hours) return;
    if (isUnchanged(rows, department.hours)) {
      setGeneral(t('staff.admin.calendars.unchanged'));
      setAttempt((n) => n + 1);
      return;
    }
    save.mutate(hours);
  };

  const saved = save.data;
  return (
    <Stack gap="md" data-department={department.id}>
      <ErrorSummary items={summaryItems(errors, cellOrder(rows), general)} idOf={(id) => id} attempt={attempt} />
      <section aria-labelledby="hours-title">
        <Title order={2} size="h3" id="hours-title" mb="xs">
          {t('staff.admin.calendars.hoursTitle')}
        </Title>
        <Text size="sm" mb="sm">
          {t('staff.admin.calendars.hoursHelp')}
        </Text>
        {rows.length === 0 && <Text mb="sm">{t('staff.admin.calendars.noHours')}</Text>}
        <HoursTable
          rows={rows}
          errors={errors}
          labelledBy="hours-title"
          onChange={(key, column, value) =>
            edited(rows.map((row) => (row.key === key ? { ...row, [column]: value } : row)))
          }
          onRemove={(key) => {
            edited(rows.filter((row) => row.key !== key));
            setFocusTarget('add');
          }}
        />
        <Group mt="sm" gap="sm" align="flex-end" wrap="wrap">
          <Button
            ref={addButton}
            variant="default"
            disabled={rows.length >= MAX_ROWS}
            onClick={() => {
              const row = newRow(rows, todayIn(consulate.timeZone), newKey());
              edited([...rows, row]);
              setFocusTarget(cellId(row.key, 'weekday'));
            }}
          >
            {t('staff.admin.calendars.addRow')}
          </Button>
        </Group>
      </section>

      <Group gap="sm" align="flex-end" wrap="wrap">
        <NativeSelect
          id="preview-days"
          label={t('staff.admin.calendars.previewDays')}
          data={previewWindows}
          value={days}
          onChange={(event) => {
            setDays(event.currentTarget.value);
            preview.reset();
          }}
        />
        <Button variant="light" onClick={onPreview} loading={preview.isPending}>
          {t('staff.admin.calendars.preview')}
        </Button>
        <Button onClick={onSave} loading={save.isPending}>
          {t('staff.admin.calendars.save')}
        </Button>
      </Group>

      {saved && (
        <Alert color={saved.conflicts.length > 0 ? 'orange' : 'green'} role="status" data-testid="hours-saved">
          <Text fw={600}>{t('staff.admin.calendars.saved')}</Text>
          {saved.conflicts.length > 0 ? (
            <Stack gap="xs">
              <Text>{t('staff.admin.calendars.savedConflicts', { number: strandedCount(saved.conflicts) })}</Text>
              <StrandedList conflicts={saved.conflicts} timeZone={consulate.timeZone} />
              <Anchor component={Link} to="/admin/conflicts">
                {t('staff.admin.calendars.toConflicts')}
              </Anchor>
            </Stack>
          ) : (
            <Text>{t('staff.admin.calendars.savedNoConflict')}</Text>
          )}
        </Alert>
      )}
      {preview.data && !saved && <PreviewResult preview={preview.data} />}
    </Stack>
  );
}
