import { useTranslation } from 'react-i18next';
import { Link, Navigate, Outlet, useLocation } from 'react-router';
import { ErrorMessage } from '../../../ui/ErrorMessage.tsx';
import { Loading } from '../../../ui/Loading.tsx';
import { type StaffRole, useStaffMe } from './use-staff.ts';

/**
 * Screens of a signed-in staff member (second factor given), optionally of some roles only.
 * Anyone else is sent to the staff sign-in and brought back afterwards.
 */
export function RequireStaff({ roles }: { roles?: readonly StaffRole[] }) {
  const { t } = useTranslation();
  const me = useStaffMe();
  const location = useLocation();
  if (me.isPending) return <Loading />;
  if (me.isError) return <ErrorMessage error={me.error} />;
  if (!me.data) {
    const next = encodeURIComponent(`${location.pathname}${location.search}`);
    return <Navigate to={`/sign-in?next=${next}`} replace />;
  }
  if (roles && !roles.includes(me.data.role)) {
    return (
      <p>
        {t('staff.app.notForYou')} <Link to="/">{t('staff.app.backHome')}</Link>
      </p>
    );
  }
  return <Outlet />;
}
