import { Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { ErrorMessage } from '../../../../ui/ErrorMessage.tsx';
import { Loading } from '../../../../ui/Loading.tsx';
import { PageTitle } from '../../../../ui/PageTitle.tsx';
import { AdminScreen, type StaffConsulate } from '../AdminScreen.tsx';
import { useAdminDepartments } from '../admin-queries.ts';
import { DepartmentSelect } from '../DepartmentSelect.tsx';
import { ClosuresSection } from './ClosuresSection.tsx';
import { HoursEditor } from './HoursEditor.tsx';

/** Calendars: each department's weekly hours (edited, previewed, saved) and the consulate's closures. */
export function CalendarsPage() {
  const { t } = useTranslation();
  return (
    <Stack gap="lg">
      <div>
        <PageTitle documentTitle={t('staff.admin.calendars.title')}>{t('staff.admin.calendars.title')}</PageTitle>
        <Text>{t('staff.admin.calendars.intro')}</Text>
      </div>
      <AdminScreen>{(consulate) => <Calendars consulate={consulate} />}</AdminScreen>
    </Stack>
  );
}

function Calendars({ consulate }: { consulate: StaffConsulate }) {
  const departments = useAdminDepartments(consulate.id);
  const [params, setParams] = useSearchParams();
  if (departments.isPending) return <Loading />;
  if (departments.isError) return <ErrorMessage error={departments.error} />;
  const list = departments.data;
  const department = list.find((d) => d.id === params.get('department')) ?? list[0];
  return (
    <>
      {department && (
        <>
          <DepartmentSelect
            id="calendar-department"
            departments={list}
            value={department.id}
            onChange={(id) => setParams({ department: id }, { replace: true })}
          />
          {/* Another department starts a fresh table. */}
          <HoursEditor key={department.id} consulate={consulate} department={department} />
        </>
      )}
      <ClosuresSection consulate={consulate} departments={list} />
    </>
  );
}
