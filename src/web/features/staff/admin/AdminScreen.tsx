import { Text } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { StaffContext } from '../app/use-staff.ts';
import { useStaffConsulate } from './admin-queries.ts';

export type StaffConsulate = NonNullable<StaffContext['consulate']>;

/**
 * A consulate's screen: it renders for a staff member of one consulate (RequireStaff has checked
 * the role); a network-wide account has no consulate to work on here, and is told so.
 */
export function AdminScreen({ children }: { children: (consulate: StaffConsulate) => ReactNode }) {
  const { t } = useTranslation();
  const consulate = useStaffConsulate();
  if (!consulate) return <Text>{t('staff.admin.common.noConsulate')}</Text>;
  return children(consulate);
}
