import { NativeSelect } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { localized } from '../../../ui/localized.ts';
import { useTranslator } from '../../../ui/use-translator.ts';
import type { AdminDepartment } from './admin-types.ts';

/**
 * The department a screen works on (or, with `allLabel`, every department): a native select,
 * one tab stop, its label always shown.
 */
export function DepartmentSelect(props: {
  id: string;
  departments: readonly AdminDepartment[];
  value: string;
  onChange: (departmentId: string) => void;
  label?: string;
  allLabel?: string;
}) {
  const { t } = useTranslation();
  const { locale } = useTranslator();
  const options = props.departments.map((department) => ({
    value: department.id,
    label: localized(department.name, locale),
  }));
  return (
    <NativeSelect
      id={props.id}
      label={props.label ?? t('staff.admin.common.department')}
      data={props.allLabel ? [{ value: '', label: props.allLabel }, ...options] : options}
      value={props.value}
      onChange={(event) => props.onChange(event.currentTarget.value)}
      maw={480}
    />
  );
}
