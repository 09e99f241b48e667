import { type ComponentType, lazy } from 'react';
import { Route, Routes } from 'react-router';
import { NotFoundPage } from '../../../app/NotFoundPage.tsx';
import { RequireStaff } from './RequireStaff.tsx';
import { StaffHomePage } from './StaffHomePage.tsx';
import { StaffShell } from './StaffShell.tsx';

// Every screen is its own chunk, fetched when the staff member goes there.
function lazyPage<Name extends string>(load: () => Promise<Record<Name, ComponentType>>, name: Name) {
  return lazy(async () => ({ default: (await load())[name] }));
}

const StaffSignInPage = lazyPage(() => import('../account/StaffSignInPage.tsx'), 'StaffSignInPage');
const CalendarsPage = lazyPage(() => import('../admin/calendars/CalendarsPage.tsx'), 'CalendarsPage');
const ConflictsPage = lazyPage(() => import('../admin/conflicts/ConflictsPage.tsx'), 'ConflictsPage');
const DayAppointmentsPage = lazyPage(() => import('../admin/day/DayAppointmentsPage.tsx'), 'DayAppointmentsPage');
const CountersPage = lazyPage(() => import('../admin/counters/CountersPage.tsx'), 'CountersPage');
const FloorSettingsPage = lazyPage(() => import('../admin/floor/FloorSettingsPage.tsx'), 'FloorSettingsPage');
const QueuePage = lazyPage(() => import('../verification/QueuePage.tsx'), 'QueuePage');
const RequestReviewPage = lazyPage(() => import('../verification/RequestReviewPage.tsx'), 'RequestReviewPage');

/** The staff app's routes, under /staff (the router's basename). */
export function StaffRoutes() {
  return (
    <Routes>
      <Route element={<StaffShell />}>
        <Route path="sign-in" element={<StaffSignInPage />} />
        <Route element={<RequireStaff />}>
          <Route index element={<StaffHomePage />} />
        </Route>
        <Route element={<RequireStaff roles={['consulate_admin', 'consular_agent']} />}>
          <Route path="admin/day" element={<DayAppointmentsPage />} />
        </Route>
        <Route element={<RequireStaff roles={['consulate_admin']} />}>
          <Route path="admin/calendars" element={<CalendarsPage />} />
          <Route path="admin/conflicts" element={<ConflictsPage />} />
          <Route path="admin/counters" element={<CountersPage />} />
          <Route path="admin/floor" element={<FloorSettingsPage />} />
        </Route>
        <Route element={<RequireStaff roles={['consular_agent', 'consulate_admin']} />}>
          <Route path="verification" element={<QueuePage />} />
          <Route path="verification/:requestId" element={<RequestReviewPage />} />
        </Route>
        <Route path="*" element={<NotFoundPage />} />
      </Route>
    </Routes>
  );
}
